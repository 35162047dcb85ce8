package org.vigil.library.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link Drug}; row-level security scopes every query to the current organization. */
public interface DrugRepository extends JpaRepository<Drug, String> {
}
