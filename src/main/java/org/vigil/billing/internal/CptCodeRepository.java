package org.vigil.billing.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link CptCode}; row-level security scopes every query to the current organization. */
public interface CptCodeRepository extends JpaRepository<CptCode, String> {
}
