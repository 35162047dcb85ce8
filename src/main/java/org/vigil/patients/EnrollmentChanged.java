package org.vigil.patients;

/**
 * Published whenever an enrollment is created or changed (status, preset, dates), in the
 * transaction that changed it; listeners may act in that transaction (scheduling the preset's
 * assessments for an ACTIVE enrollment, cancelling them when it ends). Ids only.
 */
public record EnrollmentChanged(String organizationId, String enrollmentId, String patientId, EnrollmentStatus status) {
}
