package org.vigil.billing.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link CptCode}; row-level security scopes every query to the current organization. */
public interface CptCodeRepository extends JpaRepository<CptCode, String> {

    List<CptCode> findByBillingProgramId(String billingProgramId);
}
