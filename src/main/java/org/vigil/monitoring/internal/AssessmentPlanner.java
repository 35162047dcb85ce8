package org.vigil.monitoring.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns condition presets into due questionnaires. For every ACTIVE enrollment with a preset, each
 * of the preset's templates has exactly one open scheduled assessment: due at the enrollment's
 * start the first time, then {@code frequency} days (the seed's String, "7" = weekly) after the
 * last completion. An open item still PENDING one day after it was due becomes OVERDUE. When an
 * enrollment stops being ACTIVE its open items are CANCELLED. Set-based and idempotent (one open
 * item per enrollment and template is also a unique index), so it may run on every node.
 */
@Component
class AssessmentPlanner {

    /** A due questionnaire may be completed within a day before it counts as overdue. */
    static final Duration GRACE = Duration.ofDays(1);

    private final JdbcTemplate jdbc;

    AssessmentPlanner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Plans the next item of every preset template of the ACTIVE enrollments visible in this scope. */
    int plan(String enrollmentIdOrNull) {
        return jdbc.update("INSERT INTO scheduled_assessments (id, organization_id, patient_id, enrollment_id, template_id, "
                + "condition_preset_id, frequency, due_at, status, is_required) "
                + "SELECT 's' || md5(random()::text || e.id || t.template_id), e.organization_id, e.patient_id, e.id, "
                + "t.template_id, e.condition_preset_id, t.frequency, "
                + "greatest(e.start_date, coalesce(last.completed_at + make_interval(days => t.frequency::int), e.start_date)), "
                + "'PENDING', t.is_required "
                + "FROM enrollments e JOIN condition_preset_templates t ON t.condition_preset_id = e.condition_preset_id "
                + "LEFT JOIN LATERAL (SELECT max(s.completed_at) AS completed_at FROM scheduled_assessments s "
                + "  WHERE s.enrollment_id = e.id AND s.template_id = t.template_id AND s.status = 'COMPLETED') last ON true "
                + "WHERE e.status = 'ACTIVE' AND e.condition_preset_id IS NOT NULL AND t.frequency ~ '^[1-9][0-9]*$' "
                + "AND (?::text IS NULL OR e.id = ?) "
                + "AND NOT EXISTS (SELECT 1 FROM scheduled_assessments s WHERE s.enrollment_id = e.id "
                + "  AND s.template_id = t.template_id AND s.status IN ('PENDING', 'IN_PROGRESS', 'OVERDUE')) "
                + "ON CONFLICT DO NOTHING", enrollmentIdOrNull, enrollmentIdOrNull);
    }

    /** Cancels the open items of an enrollment that is no longer ACTIVE. */
    int cancelIfNotActive(String enrollmentId) {
        return jdbc.update("UPDATE scheduled_assessments s SET status = 'CANCELLED', version = s.version + 1 "
                + "FROM enrollments e WHERE e.id = s.enrollment_id AND s.enrollment_id = ? AND e.status <> 'ACTIVE' "
                + "AND s.status IN ('PENDING', 'IN_PROGRESS', 'OVERDUE')", enrollmentId);
    }

    /** Marks the items still PENDING a day after they were due as OVERDUE. */
    int markOverdue(Instant now) {
        return jdbc.update("UPDATE scheduled_assessments SET status = 'OVERDUE', version = version + 1 "
                + "WHERE status = 'PENDING' AND due_at <= ?", Timestamp.from(now.minus(GRACE)));
    }
}
