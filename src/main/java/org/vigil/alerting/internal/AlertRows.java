package org.vigil.alerting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.audit.AuditedResource;
import org.vigil.shared.web.ApiProblem;
import tools.jackson.databind.json.JsonMapper;

/**
 * An alert row as the triage reads it, shared by the queue ({@link TriageQueue}) and the actions
 * ({@link AlertActions}): the audited resource, the open statuses, the columns every triage
 * statement selects or returns ({@link #COLUMNS}), one row as an {@link AlertView} (the claim
 * shown only while it holds, {@code vigil.alerts.claim-timeout}), and one alert by id.
 */
@Component
class AlertRows {

    static final AuditedResource ALERT = AuditedResource.phi("Alert");
    static final List<String> OPEN = List.of("PENDING", "ACKNOWLEDGED");

    static final String COLUMNS = "a.id, a.patient_id, a.rule_id, a.clinician_id, a.enrollment_id, a.status, a.severity, "
            + "a.priority, a.message, a.details::text, a.risk_score, a.priority_rank, a.sla_breach_time, a.claimed_by_id, "
            + "a.claimed_at, a.triggered_at, a.last_triggered_at, a.trigger_count, a.acknowledged_at, a.resolved_at, "
            + "a.resolved_by_id, a.resolution_notes, a.action_taken, a.snoozed_until, a.escalation_level, a.escalated_at, "
            + "a.version";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration claimTimeout;

    AlertRows(JdbcTemplate jdbc, JsonMapper json, Clock clock,
            @Value("${vigil.alerts.claim-timeout:30m}") Duration claimTimeout) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.claimTimeout = claimTimeout;
    }

    Duration claimTimeout() {
        return claimTimeout;
    }

    /** Inside a tenant scope: the alert or 404. */
    AlertView find(String id) {
        Instant now = clock.instant();
        return jdbc.query("SELECT " + COLUMNS + " FROM alerts a WHERE a.id = ?", (rs, n) -> map(rs, now), id)
                .stream().findFirst().orElseThrow(() -> ApiProblem.notFound("alert"));
    }

    AlertView map(ResultSet rs, Instant now) throws SQLException {
        String status = rs.getString(6);
        boolean open = OPEN.contains(status);
        Instant sla = instant(rs, 13);
        String claimedBy = rs.getString(14);
        Instant claimedAt = instant(rs, 15);
        boolean claimHolds = open && claimedBy != null && claimedAt != null && claimedAt.plus(claimTimeout).isAfter(now);
        String details = rs.getString(10);
        Object risk = rs.getObject(11);
        Object rank = rs.getObject(12);
        return new AlertView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), status,
                rs.getString(7), rs.getInt(8), rs.getString(9), details == null ? null : json.readTree(details),
                risk == null ? null : ((Number) risk).doubleValue(), rank == null ? null : ((Number) rank).intValue(),
                sla, open && sla != null && !sla.isAfter(now), claimHolds ? claimedBy : null,
                claimHolds ? claimedAt : null, claimHolds ? claimedAt.plus(claimTimeout) : null, instant(rs, 16),
                instant(rs, 17), rs.getInt(18), instant(rs, 19), instant(rs, 20), rs.getString(21), rs.getString(22),
                rs.getString(23), instant(rs, 24), rs.getInt(25), instant(rs, 26), rs.getLong(27));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
