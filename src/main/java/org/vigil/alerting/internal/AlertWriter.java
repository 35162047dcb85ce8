package org.vigil.alerting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.alerting.AlertChanged;
import org.vigil.library.MetricCatalog.MetricInfo;
import org.vigil.library.rules.Evaluation;
import org.vigil.library.rules.Evidence;
import org.vigil.shared.Ids;
import org.vigil.tenancy.AlertSlas;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes what a triggered rule means for the alert list, in the evaluation's tenant transaction:
 * one open (PENDING or ACKNOWLEDGED) alert per patient and rule — a new trigger updates its
 * message, evidence, risk score and last trigger instead of opening another; no open alert and the
 * rule last held within its cool-down after an alert was closed: nothing; otherwise a new PENDING
 * alert with severity, priority, message, evidence, risk score, SLA breach time and the enrollment's
 * clinician. One statement (INSERT ... ON CONFLICT on the one-open-alert index), so two concurrent
 * evaluations cannot open two alerts.
 */
@Component
class AlertWriter {

    private final JdbcTemplate jdbc;
    private final AlertSlas slas;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    AlertWriter(JdbcTemplate jdbc, AlertSlas slas, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.slas = slas;
        this.json = json;
        this.events = events;
    }

    /** Returns whether an alert was opened or updated. */
    boolean raise(String organizationId, String patientId, RuleEvaluation.Applied applied, Evaluation evaluation,
            Instant now, Map<String, MetricInfo> metrics, Map<String, Integer> slaMinutes) {
        Evidence.MetricNames names = new Evidence.MetricNames() {
            @Override
            public String displayName(String key) {
                MetricInfo m = metrics.get(key);
                return m == null ? key : m.displayName();
            }

            @Override
            public String unit(String key) {
                MetricInfo m = metrics.get(key);
                return m == null ? null : m.unit();
            }
        };
        List<String> lines = evaluation.evidence().stream().map(e -> e.describe(names)).toList();
        String message = applied.rule().name() + ": " + String.join("; ", lines);
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (int i = 0; i < evaluation.evidence().size(); i++) {
            Evidence e = evaluation.evidence().get(i);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("text", lines.get(i));
            item.put("metric", e.metric());
            item.put("subject", e.subject());
            item.put("measure", e.measure());
            item.put("observed", e.observed());
            item.put("unit", e.unit() != null ? e.unit() : e.metric() != null ? names.unit(e.metric()) : null);
            item.put("comparison", e.comparison());
            item.put("overrideKey", e.overrideKey());
            item.put("at", e.at() == null ? null : e.at().toString());
            item.put("label", e.label());
            evidence.add(item);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("evidence", evidence);
        details.put("evaluatedAt", now.toString());
        details.put("conditionPresetId", applied.rule().conditionPresetId());
        String severity = applied.rule().severity().name();
        double risk = RiskScore.of(applied.rule().severity(), evaluation.evidence(), metrics);
        Instant breach = now.plusSeconds(60L * slaMinutes.get(severity));
        Timestamp at = Timestamp.from(now);
        Timestamp coolDownStart = Timestamp.from(now.minusSeconds(60L * applied.rule().cooldownMinutes()));
        String enrollmentId = applied.enrollment() == null ? null : applied.enrollment().id();
        String clinicianId = applied.enrollment() == null ? null : applied.enrollment().clinicianId();
        List<Map.Entry<String, Boolean>> written = jdbc.query("""
                INSERT INTO alerts AS a (id, organization_id, patient_id, rule_id, clinician_id, enrollment_id, status,
                    severity, priority, message, details, risk_score, sla_breach_time, triggered_at, last_triggered_at,
                    trigger_count, created_at, updated_at)
                SELECT ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?::jsonb, ?, ?, ?, ?, 1, ?, ?
                 WHERE NOT EXISTS (SELECT 1 FROM alerts c WHERE c.patient_id = ? AND c.rule_id = ?
                                      AND c.status IN ('RESOLVED', 'DISMISSED') AND c.last_triggered_at > ?)
                ON CONFLICT (patient_id, rule_id) WHERE status IN ('PENDING', 'ACKNOWLEDGED') DO UPDATE SET
                    message = excluded.message, details = excluded.details, risk_score = excluded.risk_score,
                    priority = excluded.priority,
                    trigger_count = a.trigger_count + 1,
                    last_triggered_at = greatest(a.last_triggered_at, excluded.last_triggered_at),
                    updated_at = excluded.updated_at
                RETURNING id, (xmax = 0)""", (rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2)),
                Ids.newId(), organizationId, patientId, applied.rule().id(), clinicianId, enrollmentId, severity,
                applied.rule().priority(), message, json.writeValueAsString(details), risk, Timestamp.from(breach), at,
                at, at, at, patientId, applied.rule().id(), coolDownStart);
        if (!written.isEmpty()) {
            // For the live triage stream (sent after the evaluation's transaction commits).
            events.publishEvent(new AlertChanged(organizationId, written.get(0).getKey(),
                    written.get(0).getValue() ? "RAISED" : "UPDATED",
                    written.get(0).getValue() ? "PENDING" : null, severity, null, 0, now));
            return true;
        }
        // Within the cool-down after a closed alert; but an alert may be open all the same (the
        // NOT EXISTS guard also stops the update path): then the new trigger updates it.
        int updated = jdbc.update("UPDATE alerts SET message = ?, details = ?::jsonb, risk_score = ?, priority = ?, "
                + "trigger_count = trigger_count + 1, last_triggered_at = greatest(last_triggered_at, ?), updated_at = ? "
                + "WHERE patient_id = ? AND rule_id = ? AND status IN ('PENDING', 'ACKNOWLEDGED')",
                message, json.writeValueAsString(details), risk, applied.rule().priority(), at, at, patientId,
                applied.rule().id());
        return updated > 0;
    }

    /**
     * The triage order of the organization's open alerts as {@code priority_rank} 1..N: severity
     * (critical first), then risk score (highest first), then SLA breach time (soonest first), then
     * trigger time (oldest first). One statement; serialized per organization so that concurrent
     * evaluations do not deadlock on each other's rows.
     */
    /**
     * Serializes alert writing per organization for the rest of the transaction. Taken before the
     * first alert is written: re-ranking updates every open alert of the organization, so two
     * evaluations each holding some alerts and waiting for the rank lock would deadlock (measured
     * by the ingestion benchmark); with the lock first they queue instead.
     */
    /** The organization's SLA minutes per severity, read once per evaluation. */
    Map<String, Integer> slaMinutes(String organizationId) {
        return slas.minutesOf(organizationId);
    }

    void lockOrganization(String organizationId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext('vigil.alert-rank'), hashtext(?))", organizationId);
    }

    /**
     * {@link #lockOrganization}, and the transaction's commit does not wait for its WAL flush
     * ({@code synchronous_commit = off} for this transaction only). Only for an evaluation driven
     * by an event publication: Spring Modulith deletes the publication afterwards in a synchronous
     * commit, which flushes the WAL up to and including this earlier commit; so after a database
     * crash either the alerts are there or the publication is still incomplete and is evaluated
     * again (an open alert is updated, never duplicated). Saves one WAL flush wait per evaluation
     * that writes alerts.
     */
    void lockOrganizationCommittingLazily(String organizationId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext('vigil.alert-rank'), hashtext(?)), "
                + "set_config('synchronous_commit', 'off', true)", organizationId);
    }

    void rerank(String organizationId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext('vigil.alert-rank'), hashtext(?))", organizationId);
        jdbc.update("""
                UPDATE alerts a SET priority_rank = r.rank FROM (
                  SELECT id, row_number() OVER (ORDER BY CASE severity WHEN 'CRITICAL' THEN 4 WHEN 'HIGH' THEN 3
                      WHEN 'MEDIUM' THEN 2 ELSE 1 END DESC, risk_score DESC NULLS LAST, sla_breach_time NULLS LAST,
                      triggered_at, id) AS rank
                    FROM alerts WHERE organization_id = ? AND status IN ('PENDING', 'ACKNOWLEDGED')) r
                 WHERE a.id = r.id AND a.priority_rank IS DISTINCT FROM r.rank""", organizationId);
    }
}
