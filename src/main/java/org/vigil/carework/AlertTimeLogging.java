package org.vigil.carework;

/**
 * Minutes spent resolving an alert, logged as exactly one time log with the time-tracking rules:
 * the caller's linked clinician profile (refused without one), the alert's enrollment (or the
 * patient's only active one), no overlap with the clinician's logged intervals, source
 * {@code ALERT_RESOLUTION} and {@code alert_id} set. Call inside the organization's tenant scope
 * (it joins the caller's transaction, so a refusal rolls back the resolution as well).
 */
public interface AlertTimeLogging {

    /** Returns the time log's id. The interval ends now and lasts {@code minutes}. */
    String logResolution(String organizationId, String userId, String alertId, String patientId, String enrollmentId,
            int minutes, boolean interactiveCommunication, TimeLogActivity activity);
}
