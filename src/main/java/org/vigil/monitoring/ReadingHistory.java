package org.vigil.monitoring;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.library.rules.Reading;

/**
 * A patient's readings as the rule engine judges them, in canonical units (booleans as 0/1; text
 * and categorical readings are not numbers and are left out). Call inside the organization's
 * {@code TenantScope}. One query for all the metrics a patient's rules need.
 *
 * <p>The last N readings of a metric are read per metric definition (a key may name the
 * organization's own metric and a standardized one), newest first along the reading-key index
 * (patient, metric, time …) backwards, so only N index entries and rows are read whatever the
 * patient's history; joining the metric by key instead made PostgreSQL read every reading of the
 * metric and sort them (the ingestion benchmark's evaluation spent most of its time there).
 */
@Component
public class ReadingHistory {

    /** What a rule needs of a metric: at least the last {@code lastReadings}, and everything in {@code window}. */
    public record Need(int lastReadings, Duration window) {

        public Need merge(Need other) {
            return new Need(Math.max(lastReadings, other.lastReadings),
                    window.compareTo(other.window) >= 0 ? window : other.window);
        }
    }

    private final JdbcTemplate jdbc;

    ReadingHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The readings at or before {@code now} each metric (by key) needs; metrics without readings are absent. */
    public Map<String, List<Reading>> of(String patientId, Map<String, Need> needs, Instant now) {
        Map<String, List<Reading>> out = new HashMap<>();
        if (needs.isEmpty()) {
            return out;
        }
        String[] keys = new String[needs.size()];
        Integer[] counts = new Integer[needs.size()];
        String[] since = new String[needs.size()];
        int i = 0;
        for (Map.Entry<String, Need> e : needs.entrySet()) {
            keys[i] = e.getKey();
            counts[i] = Math.max(1, e.getValue().lastReadings());
            since[i] = now.minus(e.getValue().window()).toString();
            i++;
        }
        Timestamp at = Timestamp.from(now);
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    SELECT q.key, o.recorded_at, o.value::text FROM unnest(?::text[], ?::int[], ?::timestamptz[]) AS q(key, n, since)
                    CROSS JOIN LATERAL (
                      (SELECT l.id, l.recorded_at, l.value FROM metric_definitions m
                        CROSS JOIN LATERAL (SELECT o.id, o.recorded_at, o.value FROM observations o
                                             WHERE o.patient_id = ? AND o.metric_id = m.id AND o.recorded_at <= ?
                                             ORDER BY o.recorded_at DESC LIMIT q.n) l
                        WHERE m.key = q.key ORDER BY l.recorded_at DESC LIMIT q.n)
                      UNION
                      (SELECT o.id, o.recorded_at, o.value FROM observations o JOIN metric_definitions m ON m.id = o.metric_id
                        WHERE o.patient_id = ? AND m.key = q.key AND o.recorded_at > q.since AND o.recorded_at <= ?)
                    ) o""");
            ps.setArray(1, con.createArrayOf("text", keys));
            ps.setArray(2, con.createArrayOf("int4", counts));
            ps.setArray(3, con.createArrayOf("text", since));
            ps.setString(4, patientId);
            ps.setTimestamp(5, at);
            ps.setString(6, patientId);
            ps.setTimestamp(7, at);
            return ps;
        }, rs -> {
            BigDecimal value = number(rs.getString(3));
            if (value != null) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Reading(rs.getTimestamp(2).toInstant(), value));
            }
        });
        return out;
    }

    /** What one patient's rules need, judged at {@code now}. */
    public record Request(String patientId, Map<String, Need> needs, Instant now) {
    }

    /**
     * {@link #of} for many patients in one query (a batch's evaluation): by patient id, the
     * readings each metric needs; patients and metrics without readings are absent.
     */
    public Map<String, Map<String, List<Reading>>> ofAll(List<Request> requests) {
        Map<String, Map<String, List<Reading>>> out = new HashMap<>();
        List<String> patients = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<String> since = new ArrayList<>();
        List<String> until = new ArrayList<>();
        for (Request r : requests) {
            for (Map.Entry<String, Need> e : r.needs().entrySet()) {
                patients.add(r.patientId());
                keys.add(e.getKey());
                counts.add(Math.max(1, e.getValue().lastReadings()));
                since.add(r.now().minus(e.getValue().window()).toString());
                until.add(r.now().toString());
            }
        }
        if (patients.isEmpty()) {
            return out;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    SELECT q.patient_id, q.key, o.recorded_at, o.value::text
                      FROM unnest(?::text[], ?::text[], ?::int[], ?::timestamptz[], ?::timestamptz[])
                           AS q(patient_id, key, n, since, until)
                    CROSS JOIN LATERAL (
                      (SELECT l.id, l.recorded_at, l.value FROM metric_definitions m
                        CROSS JOIN LATERAL (SELECT o.id, o.recorded_at, o.value FROM observations o
                                             WHERE o.patient_id = q.patient_id AND o.metric_id = m.id
                                               AND o.recorded_at <= q.until
                                             ORDER BY o.recorded_at DESC LIMIT q.n) l
                        WHERE m.key = q.key ORDER BY l.recorded_at DESC LIMIT q.n)
                      UNION
                      (SELECT o.id, o.recorded_at, o.value FROM observations o JOIN metric_definitions m ON m.id = o.metric_id
                        WHERE o.patient_id = q.patient_id AND m.key = q.key AND o.recorded_at > q.since
                          AND o.recorded_at <= q.until)
                    ) o""");
            ps.setArray(1, con.createArrayOf("text", patients.toArray()));
            ps.setArray(2, con.createArrayOf("text", keys.toArray()));
            ps.setArray(3, con.createArrayOf("int4", counts.toArray()));
            ps.setArray(4, con.createArrayOf("text", since.toArray()));
            ps.setArray(5, con.createArrayOf("text", until.toArray()));
            return ps;
        }, rs -> {
            BigDecimal value = number(rs.getString(4));
            if (value != null) {
                out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                        .add(new Reading(rs.getTimestamp(3).toInstant(), value));
            }
        });
        return out;
    }

    private static BigDecimal number(String json) {
        if (json == null) {
            return null;
        }
        if (json.equals("true")) {
            return BigDecimal.ONE;
        }
        if (json.equals("false")) {
            return BigDecimal.ZERO;
        }
        char c = json.isEmpty() ? ' ' : json.charAt(0);
        if (c == '-' || Character.isDigit(c)) {
            return new BigDecimal(json);
        }
        return null;
    }
}
