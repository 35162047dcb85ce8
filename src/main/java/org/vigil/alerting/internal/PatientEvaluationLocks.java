package org.vigil.alerting.internal;

import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two evaluations of the same patient never judge without each other's readings.
 *
 * <p>A reading sent on its own is evaluated inside the transaction that stores it, before that
 * commits ({@link InlineEvaluation}). Two such transactions for one patient running at once — the
 * systolic and the diastolic of one cuff from two senders, or from two lanes of one sender — would
 * each read the patient's history without the other's uncommitted reading, and a rule that needs
 * both (all-of, consecutive, a windowed average, a trend) would fire in neither: a missed alert. So
 * each evaluation prompted by new data takes, before it reads its patients' history, a
 * transaction-scoped lock per patient, held until its transaction ends. The second waits for the
 * first to commit, and its history read (a new statement, a new snapshot under READ COMMITTED)
 * then sees the first's readings. An evaluation after commit (batches, devices, questionnaires)
 * takes the same locks, so it and an in-transaction evaluation also see each other in either order.
 *
 * <p>Patients are spread over {@value #BUCKETS} locks per organization (by {@link String#hashCode},
 * which the Java language specifies, so every node agrees): a transaction holds at most that many
 * advisory locks whatever the size of its batch (PostgreSQL's shared lock table is sized for 64 per
 * connection), and two patients in one bucket only wait for each other. Taken in bucket order in
 * one statement, so evaluations cannot deadlock on them; always before the organization's alert
 * lock ({@link AlertWriter#lockOrganization}).
 *
 * <p>The missing-data check does not take them: it judges the absence of readings, and a reading
 * committing while it runs leaves its alert as it would be had the reading come a moment later.
 */
@Component
class PatientEvaluationLocks {

    static final int BUCKETS = 128;

    private final JdbcTemplate jdbc;

    PatientEvaluationLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for, then holds until the running transaction ends, the locks of these patients. */
    void lock(String organizationId, Collection<String> patientIds) {
        if (patientIds.isEmpty()) {
            return;
        }
        String buckets = patientIds.stream().map(PatientEvaluationLocks::bucket)
                .collect(Collectors.toCollection(TreeSet::new)).stream().map(String::valueOf)
                .collect(Collectors.joining(",", "{", "}"));
        // the sub-query's ORDER BY keeps it from being pulled up: the locks are taken in bucket order
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext('vigil.evaluation:' || ?), b) "
                + "FROM (SELECT b FROM unnest(?::int[]) b ORDER BY b) s", rs -> {
                }, organizationId, buckets);
    }

    static int bucket(String patientId) {
        return Math.floorMod(patientId.hashCode(), BUCKETS);
    }
}
