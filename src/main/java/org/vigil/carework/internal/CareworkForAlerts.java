package org.vigil.carework.internal;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.carework.AlertTimeLogging;
import org.vigil.carework.CareContacts;
import org.vigil.carework.TimeLogActivity;
import org.vigil.tenancy.TenantPrincipal;

/** The carework module's public APIs for the triage queue, on the time-tracking rules. */
@Component
class CareworkForAlerts implements AlertTimeLogging, CareContacts {

    private final TimeTracking tracking;
    private final JdbcTemplate jdbc;

    CareworkForAlerts(TimeTracking tracking, JdbcTemplate jdbc) {
        this.tracking = tracking;
        this.jdbc = jdbc;
    }

    @Override
    public String logResolution(String organizationId, String userId, String alertId, String patientId,
            String enrollmentId, int minutes, boolean interactiveCommunication, TimeLogActivity activity) {
        TenantPrincipal caller = new TenantPrincipal() {
            @Override
            public String userId() {
                return userId;
            }

            @Override
            public String organizationId() {
                return organizationId;
            }
        };
        return tracking.logAlertResolution(caller, alertId, patientId, enrollmentId, minutes, interactiveCommunication,
                activity == null ? TimeLogActivity.REVIEW_DATA : activity);
    }

    @Override
    public Optional<Contact> lastInteractiveContact(String patientId) {
        return jdbc.query("SELECT id, logged_at, clinician_id, enrollment_id, activity, duration FROM time_logs "
                + "WHERE patient_id = ? AND interactive_communication ORDER BY logged_at DESC, id DESC LIMIT 1",
                (rs, n) -> new Contact(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6)), patientId).stream().findFirst();
    }
}
