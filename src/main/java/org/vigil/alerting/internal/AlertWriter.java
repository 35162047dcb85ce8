package org.vigil.alerting.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
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

    /** What one triggered rule writes: the alert's values, before the set-based write. */
    record Raise(String id, String patientId, String ruleId, String clinicianId, String enrollmentId, String severity,
            int priority, String message, String details, double risk, Instant breach, Instant at,
            Instant coolDownStart) {
    }

    /** The alert values of a rule that triggered for the patient at {@code now}. */
    Raise prepare(String patientId, RuleEvaluation.Applied applied, Evaluation evaluation, Instant now,
            Map<String, MetricInfo> metrics, Map<String, Integer> slaMinutes) {
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
        return new Raise(Ids.newId(), patientId, applied.rule().id(),
                applied.enrollment() == null ? null : applied.enrollment().clinicianId(),
                applied.enrollment() == null ? null : applied.enrollment().id(), severity, applied.rule().priority(),
                message, json.writeValueAsString(details), risk, now.plusSeconds(60L * slaMinutes.get(severity)), now,
                now.minusSeconds(60L * applied.rule().cooldownMinutes()));
    }

    /**
     * Writes the triggered rules of one evaluation (at most one per patient and rule) in two
     * statements whatever their number: an {@code INSERT … ON CONFLICT} on the one-open-alert index
     * that opens the new alerts (unless the rule is within its cool-down after a closed alert of the
     * patient) and updates the open ones, then an {@code UPDATE} for the open alerts whose new
     * trigger the cool-down guard kept out of the first (the guard also stops its update path).
     * Rows are written in (patient, rule) order, so concurrent evaluations lock them in the same
     * order.
     *
     * @return how many alerts were opened or updated, and whether the queue's order may have
     *     changed: a trigger may open an alert, or changes an open alert's risk score (the only
     *     ranked field a new trigger updates). Re-ranking every open alert of the organization after
     *     each batch whose triggers only repeated themselves cost 23 ms per batch with 2,000 open
     *     alerts (ingestion benchmark).
     */
    Written writeAll(String organizationId, List<Raise> raises) {
        if (raises.isEmpty()) {
            return new Written(0, false);
        }
        Map<String, Raise> unique = new LinkedHashMap<>();
        raises.forEach(r -> unique.put(r.patientId() + '\u0000' + r.ruleId(), r));
        List<Raise> rows = new ArrayList<>(unique.values());
        Map<String, Raise> byKey = new HashMap<>(unique);
        boolean[] orderMayChange = new boolean[1];
        List<String[]> written = jdbc.execute((ConnectionCallback<List<String[]>>) connection -> {
            List<String[]> out = new ArrayList<>();
            // Before writing: is there a trigger without an open alert of the same risk score?
            try (PreparedStatement check = connection.prepareStatement("""
                    SELECT EXISTS (SELECT 1 FROM unnest(?::text[], ?::text[], ?::float8[]) AS t(patient_id, rule_id, risk)
                                    WHERE NOT EXISTS (SELECT 1 FROM alerts a
                                                       WHERE a.patient_id = t.patient_id AND a.rule_id = t.rule_id
                                                         AND a.status IN ('PENDING', 'ACKNOWLEDGED')
                                                         AND a.risk_score IS NOT DISTINCT FROM t.risk))""")) {
                check.setArray(1, connection.createArrayOf("text", rows.stream().map(Raise::patientId).toArray()));
                check.setArray(2, connection.createArrayOf("text", rows.stream().map(Raise::ruleId).toArray()));
                check.setArray(3, connection.createArrayOf("float8", rows.stream().map(Raise::risk).toArray()));
                try (ResultSet rs = check.executeQuery()) {
                    rs.next();
                    orderMayChange[0] = rs.getBoolean(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO alerts AS a (id, organization_id, patient_id, rule_id, clinician_id, enrollment_id, status,
                        severity, priority, message, details, risk_score, sla_breach_time, triggered_at,
                        last_triggered_at, trigger_count, created_at, updated_at)
                    SELECT t.id, ?, t.patient_id, t.rule_id, t.clinician_id, t.enrollment_id, 'PENDING', t.severity,
                           t.priority, t.message, t.details::jsonb, t.risk, t.breach, t.at, t.at, 1, t.at, t.at
                      FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[],
                                  ?::text[], ?::float8[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[])
                           AS t(id, patient_id, rule_id, clinician_id, enrollment_id, severity, priority, message,
                                details, risk, breach, at, cool_down_start)
                     WHERE NOT EXISTS (SELECT 1 FROM alerts c WHERE c.patient_id = t.patient_id AND c.rule_id = t.rule_id
                                          AND c.status IN ('RESOLVED', 'DISMISSED')
                                          AND c.last_triggered_at > t.cool_down_start)
                     ORDER BY t.patient_id, t.rule_id
                    ON CONFLICT (patient_id, rule_id) WHERE status IN ('PENDING', 'ACKNOWLEDGED') DO UPDATE SET
                        message = excluded.message, details = excluded.details, risk_score = excluded.risk_score,
                        priority = excluded.priority,
                        trigger_count = a.trigger_count + 1,
                        last_triggered_at = greatest(a.last_triggered_at, excluded.last_triggered_at),
                        updated_at = excluded.updated_at
                    RETURNING a.id, (a.xmax = 0), a.patient_id, a.rule_id""")) {
                insert.setString(1, organizationId);
                bindArrays(connection, insert, 2, rows);
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        out.add(new String[] {rs.getString(1), rs.getBoolean(2) ? "RAISED" : "UPDATED",
                                rs.getString(3) + '\u0000' + rs.getString(4)});
                    }
                }
            }
            java.util.Set<String> done = new java.util.HashSet<>();
            out.forEach(w -> done.add(w[2]));
            List<Raise> rest = rows.stream().filter(r -> !done.contains(r.patientId() + '\u0000' + r.ruleId()))
                    .toList();
            if (!rest.isEmpty()) {
                // Within the cool-down after a closed alert; but an alert may be open all the same:
                // then the new trigger updates it.
                try (PreparedStatement update = connection.prepareStatement("""
                        UPDATE alerts a SET message = t.message, details = t.details::jsonb, risk_score = t.risk,
                               priority = t.priority, trigger_count = a.trigger_count + 1,
                               last_triggered_at = greatest(a.last_triggered_at, t.at), updated_at = t.at
                          FROM (SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                                     ?::int[], ?::text[], ?::text[], ?::float8[], ?::timestamptz[],
                                                     ?::timestamptz[], ?::timestamptz[])
                                  AS u(id, patient_id, rule_id, clinician_id, enrollment_id, severity, priority, message,
                                       details, risk, breach, at, cool_down_start)
                                 ORDER BY u.patient_id, u.rule_id) t
                         WHERE a.patient_id = t.patient_id AND a.rule_id = t.rule_id
                           AND a.status IN ('PENDING', 'ACKNOWLEDGED')
                        RETURNING a.id, a.patient_id, a.rule_id""")) {
                    bindArrays(connection, update, 1, rest);
                    try (ResultSet rs = update.executeQuery()) {
                        while (rs.next()) {
                            out.add(new String[] {rs.getString(1), "UPDATED", rs.getString(2) + '\u0000' + rs.getString(3)});
                        }
                    }
                }
            }
            return out;
        });
        for (String[] w : written) {
            Raise r = byKey.get(w[2]);
            // For the live triage stream (sent after the evaluation's transaction commits).
            events.publishEvent(new AlertChanged(organizationId, w[0], w[1], w[1].equals("RAISED") ? "PENDING" : null,
                    r.severity(), null, 0, r.at()));
        }
        return new Written(written.size(), orderMayChange[0]);
    }

    /** What {@link #writeAll} did: alerts opened or updated, and whether the queue may need re-ranking. */
    record Written(int count, boolean orderMayChange) {
    }

    private static void bindArrays(Connection connection, PreparedStatement statement, int first, List<Raise> rows)
            throws SQLException {
        int n = rows.size();
        String[] ids = new String[n];
        String[] patients = new String[n];
        String[] rules = new String[n];
        String[] clinicians = new String[n];
        String[] enrollments = new String[n];
        String[] severities = new String[n];
        Integer[] priorities = new Integer[n];
        String[] messages = new String[n];
        String[] details = new String[n];
        Double[] risks = new Double[n];
        Timestamp[] breaches = new Timestamp[n];
        Timestamp[] ats = new Timestamp[n];
        Timestamp[] coolDowns = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            Raise r = rows.get(i);
            ids[i] = r.id();
            patients[i] = r.patientId();
            rules[i] = r.ruleId();
            clinicians[i] = r.clinicianId();
            enrollments[i] = r.enrollmentId();
            severities[i] = r.severity();
            priorities[i] = r.priority();
            messages[i] = r.message();
            details[i] = r.details();
            risks[i] = r.risk();
            breaches[i] = Timestamp.from(r.breach());
            ats[i] = Timestamp.from(r.at());
            coolDowns[i] = Timestamp.from(r.coolDownStart());
        }
        int p = first;
        statement.setArray(p++, connection.createArrayOf("text", ids));
        statement.setArray(p++, connection.createArrayOf("text", patients));
        statement.setArray(p++, connection.createArrayOf("text", rules));
        statement.setArray(p++, connection.createArrayOf("text", clinicians));
        statement.setArray(p++, connection.createArrayOf("text", enrollments));
        statement.setArray(p++, connection.createArrayOf("text", severities));
        statement.setArray(p++, connection.createArrayOf("int4", priorities));
        statement.setArray(p++, connection.createArrayOf("text", messages));
        statement.setArray(p++, connection.createArrayOf("text", details));
        statement.setArray(p++, connection.createArrayOf("float8", risks));
        statement.setArray(p++, connection.createArrayOf("timestamptz", breaches));
        statement.setArray(p++, connection.createArrayOf("timestamptz", ats));
        statement.setArray(p, connection.createArrayOf("timestamptz", coolDowns));
    }

    /** The organization's SLA minutes per severity, read once per evaluation. */
    Map<String, Integer> slaMinutes(String organizationId) {
        return slas.minutesOf(organizationId);
    }

    /**
     * Serializes alert writing per organization for the rest of the transaction. Taken before the
     * first alert is written: re-ranking updates every open alert of the organization, so two
     * evaluations each holding some alerts and waiting for the rank lock would deadlock (measured
     * by the ingestion benchmark); with the lock first they queue instead.
     */
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

    private static final String RERANK = "UPDATE alerts t SET priority_rank = r.rank FROM ("
            + " SELECT a.id, row_number() OVER (ORDER BY " + TriageQueue.ORDER + ") AS rank"
            + " FROM alerts a WHERE a.organization_id = ? AND a.status IN ('PENDING', 'ACKNOWLEDGED')) r"
            + " WHERE t.id = r.id AND t.priority_rank IS DISTINCT FROM r.rank";

    /**
     * The triage order of the organization's open alerts as {@code priority_rank} 1..N: severity
     * (critical first), then risk score (highest first), then SLA breach time (soonest first), then
     * trigger time (oldest first), then id: the queue's own order ({@link TriageQueue#ORDER}). One
     * statement; serialized per organization so that concurrent evaluations do not deadlock on each
     * other's rows.
     */
    void rerank(String organizationId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext('vigil.alert-rank'), hashtext(?))", organizationId);
        jdbc.update(RERANK, organizationId);
    }
}
