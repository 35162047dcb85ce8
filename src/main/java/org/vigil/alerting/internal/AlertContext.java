package org.vigil.alerting.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.carework.CareContacts;
import org.vigil.monitoring.ReadingHistory;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;

/**
 * What a nurse needs next to an alert: its evidence (from {@code details}), the recent series of
 * each metric the evidence names (last {@value #SERIES_READINGS} readings and everything of the
 * last {@value #SERIES_DAYS} days, through {@link ReadingHistory}), the patient's other open
 * alerts, active medications with 30-day adherence, the last interactive contact and the alert's
 * escalations.
 */
@Component
class AlertContext {

    static final int SERIES_READINGS = 30;
    static final int SERIES_DAYS = 14;

    record Point(Instant at, BigDecimal value) {
    }

    record OtherAlert(String id, String status, String severity, String message, Instant triggeredAt,
            Instant slaBreachTime) {
    }

    record Medication(String id, String name, String dosage, String frequency, LocalDate startDate, int dosesTaken,
            int dosesRecorded, Double adherencePercent) {
    }

    record Escalation(int level, String targetUserId, String reason, String escalatedById, Instant at) {
    }

    record View(AlertView alert, JsonNode evidence, Map<String, List<Point>> series, List<OtherAlert> otherOpenAlerts,
            List<Medication> activeMedications, CareContacts.Contact lastInteractiveContact,
            List<Escalation> escalations) {
    }

    private final TenantScope tenantScope;
    private final AlertRows alerts;
    private final TriageQueue queue;
    private final ReadingHistory history;
    private final CareContacts contacts;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AlertContext(TenantScope tenantScope, AlertRows alerts, TriageQueue queue, ReadingHistory history,
            CareContacts contacts, JdbcTemplate jdbc, Clock clock) {
        this.tenantScope = tenantScope;
        this.alerts = alerts;
        this.queue = queue;
        this.history = history;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    View of(TenantPrincipal caller, String id) {
        Instant now = clock.instant();
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            AlertView alert = alerts.find(id);
            JsonNode evidence = alert.details() == null ? null : alert.details().get("evidence");
            Map<String, ReadingHistory.Need> needs = new LinkedHashMap<>();
            if (evidence != null && evidence.isArray()) {
                for (JsonNode item : evidence) {
                    JsonNode metric = item.get("metric");
                    if (metric != null && metric.isString()) {
                        needs.put(metric.asString(), new ReadingHistory.Need(SERIES_READINGS,
                                Duration.ofDays(SERIES_DAYS)));
                    }
                }
            }
            Map<String, List<Point>> series = new LinkedHashMap<>();
            history.of(alert.patientId(), needs, now).forEach((metric, readings) -> series.put(metric, readings.stream()
                    .map(r -> new Point(r.recordedAt(), r.value()))
                    .sorted(java.util.Comparator.comparing(Point::at)).toList()));
            List<OtherAlert> others = jdbc.query("SELECT id, status, severity, message, triggered_at, sla_breach_time "
                    + "FROM alerts WHERE patient_id = ? AND id <> ? AND status IN ('PENDING', 'ACKNOWLEDGED') "
                    + "ORDER BY triggered_at DESC LIMIT 50", (rs, n) -> new OtherAlert(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                            rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()), alert.patientId(), id);
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            List<Medication> medications = jdbc.query("""
                    SELECT m.id, m.medication_name, m.dosage, m.frequency, m.start_date,
                           count(a.id) FILTER (WHERE a.status IN ('TAKEN', 'LATE')), count(a.id)
                      FROM patient_medications m
                      LEFT JOIN medication_adherence a ON a.patient_medication_id = m.id
                           AND a.scheduled_for > ? AND a.scheduled_for <= ?
                     WHERE m.patient_id = ? AND m.is_active AND m.start_date <= ? AND (m.end_date IS NULL OR m.end_date >= ?)
                     GROUP BY m.id ORDER BY m.medication_name""", (rs, n) -> {
                        int taken = rs.getInt(6);
                        int recorded = rs.getInt(7);
                        return new Medication(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, LocalDate.class), taken, recorded,
                                recorded == 0 ? null : Math.round(1000.0 * taken / recorded) / 10.0);
                    }, java.sql.Timestamp.from(now.minus(Duration.ofDays(30))), java.sql.Timestamp.from(now),
                    alert.patientId(), today, today);
            List<Escalation> escalations = jdbc.query("SELECT level, target_user_id, reason, escalated_by_id, created_at "
                    + "FROM alert_escalations WHERE alert_id = ? ORDER BY level", (rs, n) -> new Escalation(rs.getInt(1),
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()), id);
            CareContacts.Contact contact = contacts.lastInteractiveContact(alert.patientId()).orElse(null);
            queue.auditRead(id, alert.patientId());
            return new View(alert, evidence, series, others, medications, contact, escalations);
        });
    }
}
