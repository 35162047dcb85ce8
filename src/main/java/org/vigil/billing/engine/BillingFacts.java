package org.vigil.billing.engine;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Where the engine's facts come from. The database source (org.vigil.billing.internal.DatabaseBillingFacts)
 * loads a whole organization with a few set-based queries, never one query per patient.
 * Implementations run inside the organization's tenant scope.
 */
public interface BillingFacts {

    /** Every patient with an enrollment in a billing program that overlaps the month (or the device periods billed in it). */
    List<Facts.Patient> organization(String organizationId, YearMonth month);

    /** One patient's facts, or empty when the patient has no billing enrollment (or is not the organization's). */
    Optional<Facts.Patient> patient(String organizationId, String patientId, YearMonth month);
}
