package org.vigil.billing.engine;

import java.time.YearMonth;
import java.util.Collection;
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

    /** A billing enrollment of the month, by id only: what {@link #organization} would load, without its facts. */
    record EnrollmentRef(String patientId, String enrollmentId) {
    }

    /**
     * Every enrollment {@link #organization} would load for the month, ids only (to choose a page of
     * patients before loading their facts).
     */
    List<EnrollmentRef> enrollments(String organizationId, YearMonth month);

    /** The facts of these patients, as {@link #organization} gives them (those with a billing enrollment for the month). */
    List<Facts.Patient> patients(String organizationId, Collection<String> patientIds, YearMonth month);
}
