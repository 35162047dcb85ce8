package org.vigil.monitoring.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of validated readings in one statement: the rows go in as arrays bound to one
 * prepared INSERT ... SELECT FROM unnest(...) (one parse, one round trip, whatever the batch size;
 * no literal multi-row VALUES), duplicates of stored readings are skipped by the unique reading key,
 * and the daily rollup is maintained in the same statement by one set-based INSERT ... ON CONFLICT
 * over exactly the rows inserted. Runs in the caller's tenant transaction.
 *
 * <p>The rollup table has no foreign keys of its own (V116): its rows are written only here, from
 * the readings this statement inserted, whose own keys (patient, enrollment, metric) are checked in
 * the same statement, so a refused reading takes its rollup row with it; checking every new rollup
 * row's references again was a fifth of a batch's statement.
 *
 * <p>Both inserts take their row locks in key order ({@code ORDER BY} of the inserted rows), so two
 * batches touching the same patients' daily rollup rows in different request orders wait for each
 * other instead of deadlocking.
 *
 * <p>The rollup keeps readings apart by source class (V90 {@code vigil_observation_source_class}):
 * DEVICE, SELF_REPORTED (MANUAL, API) and OTHER (IMPORT), as billing counts them. Its local dates
 * are in the organization's zone, read {@code FOR SHARE}: a zone change (which rebuilds the
 * organization's rollup in its transaction, V90) waits for batches in flight, and a batch that
 * starts during one waits for it and then uses the new zone. Every reading is written here (the
 * API, the device webhook, assessments); nothing updates or deletes readings. A reading written
 * with plain SQL is not rolled up until {@code SELECT vigil_rebuild_observation_daily(org)}.
 */
@Component
class ObservationStore {

    /** One reading ready to store: canonical value (JSON), canonical unit. */
    record Row(String id, String patientId, String enrollmentId, String metricId, String valueJson, String unit,
            String source, String sourceIdentifier, String context, String notes, Instant recordedAt) {
    }

    static final String INSERT = """
            WITH input AS (
              SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                   ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                AS t(id, patient_id, enrollment_id, metric_id, value, unit, source, source_identifier, context, notes,
                     recorded_at)
            ), inserted AS (
              INSERT INTO observations (id, patient_id, enrollment_id, metric_id, value, unit, source, source_identifier,
                                        context, notes, recorded_at, created_at, updated_at, organization_id)
              SELECT id, patient_id, enrollment_id, metric_id, value::jsonb, unit, source, source_identifier, context,
                     notes, recorded_at, ?, ?, ?
                FROM input
               ORDER BY patient_id, metric_id, recorded_at, source, source_identifier
              ON CONFLICT ON CONSTRAINT observations_reading_key DO NOTHING
              RETURNING id, patient_id, enrollment_id, metric_id, value, source, recorded_at
            ), zone AS (
              SELECT coalesce(nullif(time_zone, ''), 'America/New_York') AS name FROM organizations WHERE id = ? FOR SHARE
            ), rollup AS (
              INSERT INTO observation_daily AS d (organization_id, patient_id, metric_id, enrollment_id, local_date,
                  source_class, reading_count, numeric_count, min_value, max_value, sum_value, first_at, last_at)
              SELECT ?, patient_id, metric_id, enrollment_id, local_date, source_class, count(*), count(n), min(n),
                     max(n), sum(n), min(recorded_at), max(recorded_at)
                FROM (SELECT i.patient_id, i.metric_id, i.enrollment_id, i.recorded_at,
                             (i.recorded_at AT TIME ZONE (SELECT name FROM zone))::date AS local_date,
                             vigil_observation_source_class(i.source) AS source_class,
                             CASE WHEN jsonb_typeof(i.value) = 'number' THEN (i.value #>> '{}')::numeric END AS n
                        FROM inserted i) r
               GROUP BY patient_id, metric_id, enrollment_id, local_date, source_class
               ORDER BY patient_id, metric_id, enrollment_id, local_date, source_class
              ON CONFLICT ON CONSTRAINT observation_daily_key DO UPDATE SET
                reading_count = d.reading_count + excluded.reading_count,
                numeric_count = d.numeric_count + excluded.numeric_count,
                min_value = least(d.min_value, excluded.min_value),
                max_value = greatest(d.max_value, excluded.max_value),
                sum_value = CASE WHEN excluded.sum_value IS NULL THEN d.sum_value
                                 ELSE coalesce(d.sum_value, 0) + excluded.sum_value END,
                first_at = least(d.first_at, excluded.first_at),
                last_at = greatest(d.last_at, excluded.last_at)
            )
            SELECT id FROM inserted""";

    static final String EXISTING = """
            SELECT t.i, o.id FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::int[])
                AS t(patient_id, metric_id, recorded_at, source, source_identifier, i)
              JOIN observations o ON o.patient_id = t.patient_id AND o.metric_id = t.metric_id
                AND o.recorded_at = t.recorded_at AND o.source = t.source
                AND o.source_identifier IS NOT DISTINCT FROM t.source_identifier""";

    private final JdbcTemplate jdbc;

    ObservationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the rows not already stored; returns the ids of those inserted. */
    Set<String> insert(String organizationId, Instant now, List<Row> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        return jdbc.execute((ConnectionCallback<Set<String>>) connection -> {
            int n = rows.size();
            String[][] columns = new String[11][n];
            for (int i = 0; i < n; i++) {
                Row r = rows.get(i);
                columns[0][i] = r.id();
                columns[1][i] = r.patientId();
                columns[2][i] = r.enrollmentId();
                columns[3][i] = r.metricId();
                columns[4][i] = r.valueJson();
                columns[5][i] = r.unit();
                columns[6][i] = r.source();
                columns[7][i] = r.sourceIdentifier();
                columns[8][i] = r.context();
                columns[9][i] = r.notes();
                columns[10][i] = r.recordedAt().toString();
            }
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                int p = 1;
                for (String[] column : columns) {
                    statement.setArray(p++, connection.createArrayOf("text", column));
                }
                java.sql.Timestamp stamp = java.sql.Timestamp.from(now);
                statement.setTimestamp(p++, stamp);
                statement.setTimestamp(p++, stamp);
                statement.setString(p++, organizationId);
                statement.setString(p++, organizationId);
                statement.setString(p, organizationId);
                Set<String> inserted = new HashSet<>(n * 2);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getString(1));
                    }
                }
                return inserted;
            }
        });
    }

    /** For rows that were not inserted: the id of the stored reading each one duplicates, by position in {@code rows}. */
    Map<Integer, String> existing(List<Row> rows) {
        Map<Integer, String> found = new HashMap<>();
        if (rows.isEmpty()) {
            return found;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            int n = rows.size();
            String[] patients = new String[n];
            String[] metrics = new String[n];
            String[] times = new String[n];
            String[] sources = new String[n];
            String[] identifiers = new String[n];
            Integer[] positions = new Integer[n];
            for (int i = 0; i < n; i++) {
                Row r = rows.get(i);
                patients[i] = r.patientId();
                metrics[i] = r.metricId();
                times[i] = r.recordedAt().toString();
                sources[i] = r.source();
                identifiers[i] = r.sourceIdentifier();
                positions[i] = i;
            }
            try (PreparedStatement statement = connection.prepareStatement(EXISTING)) {
                statement.setArray(1, text(connection, patients));
                statement.setArray(2, text(connection, metrics));
                statement.setArray(3, text(connection, times));
                statement.setArray(4, text(connection, sources));
                statement.setArray(5, text(connection, identifiers));
                statement.setArray(6, connection.createArrayOf("int4", positions));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getInt(1), rs.getString(2));
                    }
                }
            }
            return null;
        });
        return found;
    }

    private static Array text(Connection connection, String[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }
}
