package org.vigil.carework.internal;

import java.time.Instant;
import org.vigil.carework.TimeLogActivity;
import org.vigil.carework.TimeLogSource;

/** A time log as the API returns it (seed field names; {@code duration} in minutes). */
record TimeLogView(String id, String patientId, String clinicianId, String enrollmentId, TimeLogActivity activity,
        int duration, boolean billable, boolean interactiveCommunication, Instant startedAt, Instant endedAt,
        Instant loggedAt, TimeLogSource source, String alertId, String notes, String adjustmentReason,
        String createdById, long version) {

    static TimeLogView of(TimeLog log) {
        return new TimeLogView(log.getId(), log.getPatientId(), log.getClinicianId(), log.getEnrollmentId(),
                log.getActivity(), log.getDuration(), log.isBillable(), log.isInteractiveCommunication(),
                log.getStartedAt(), log.getEndedAt(), log.getLoggedAt(), log.getSource(), log.getAlertId(),
                log.getNotes(), log.getAdjustmentReason(), log.getCreatedById(), log.getVersion());
    }
}
