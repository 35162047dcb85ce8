package org.vigil.billing;

import java.util.Optional;

/**
 * How billing learns in what capacity a clinician's minutes count, without depending on the
 * patients module (which depends on billing): the patients module, owner of the credential
 * vocabulary, implements this interface.
 */
public interface ClinicianCapacities {

    /**
     * The billing capacity of stored credentials ("MD", "NP, RN"): PHYSICIAN, NON_PHYSICIAN_PRACTITIONER,
     * THERAPIST or CLINICAL_STAFF (names of org.vigil.patients.BillingCapacity), or empty when none is recognised.
     */
    Optional<String> capacityOf(String credentials);
}
