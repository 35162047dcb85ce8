package org.vigil.library.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link MetricDefinition}; row-level security scopes every query to the current organization. */
public interface MetricDefinitionRepository extends JpaRepository<MetricDefinition, String> {
}
