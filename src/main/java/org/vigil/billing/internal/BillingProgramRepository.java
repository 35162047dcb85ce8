package org.vigil.billing.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link BillingProgram}; row-level security scopes every query to the current organization. */
public interface BillingProgramRepository extends JpaRepository<BillingProgram, String> {
}
