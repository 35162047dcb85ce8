package org.vigil.monitoring.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.audit.AuditedResource;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.monitoring.ScheduledAssessmentStatus;
import org.vigil.patients.PatientDirectory;
import org.vigil.shared.web.ApiProblem;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/** Questionnaires due from the condition presets of active enrollments. */
@RestController
@Tag(name = "Assessments")
class ScheduledAssessmentsController {

    static final AuditedResource SCHEDULED = AuditedResource.phi("ScheduledAssessment");

    record ScheduledView(String id, String patientId, String enrollmentId, String templateId, String templateName,
            String frequency, Instant dueAt, ScheduledAssessmentStatus status, boolean isRequired, Instant completedAt,
            String completedAssessmentId) {
    }

    private static final String SELECT = "SELECT s.id, s.patient_id, s.enrollment_id, s.template_id, t.name, s.frequency, "
            + "s.due_at, s.status, s.is_required, s.completed_at, s.completed_assessment_id FROM scheduled_assessments s "
            + "JOIN assessment_templates t ON t.id = s.template_id";

    private final TenantScope tenantScope;
    private final PatientDirectory patients;
    private final JdbcTemplate jdbc;
    private final RecordAccessAudit audit;
    private final java.time.Clock clock;

    ScheduledAssessmentsController(TenantScope tenantScope, PatientDirectory patients, JdbcTemplate jdbc,
            RecordAccessAudit audit, java.time.Clock clock) {
        this.clock = clock;
        this.tenantScope = tenantScope;
        this.patients = patients;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @GetMapping("/api/v1/patients/{patientId}/scheduled-assessments")
    @PreAuthorize("hasAuthority('ASSESSMENT_READ')")
    @Operation(summary = "A patient's scheduled questionnaires", description = "Open ones first (by due date), then "
            + "the 50 most recent completed or cancelled.")
    List<ScheduledView> forPatient(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String patientId) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            patients.find(patientId).orElseThrow(() -> ApiProblem.notFound("patient"));
            List<ScheduledView> items = jdbc.query(SELECT + " WHERE s.patient_id = ? ORDER BY (s.status IN ('PENDING', "
                    + "'IN_PROGRESS', 'OVERDUE')) DESC, s.due_at, s.id LIMIT 100", this::view, patientId);
            audit.searched(SCHEDULED, items.stream().map(ScheduledView::id).toList(), List.of(), patientId);
            return items;
        });
    }

    @GetMapping("/api/v1/scheduled-assessments")
    @PreAuthorize("hasAuthority('ASSESSMENT_READ')")
    @Operation(summary = "The organization's open questionnaires due by a time", description = "dueBefore "
            + "(default: now + 1 day); status PENDING, IN_PROGRESS or OVERDUE (default all three); at most 500, "
            + "earliest due first.")
    List<ScheduledView> due(@AuthenticationPrincipal TenantPrincipal caller,
            @RequestParam(required = false) Instant dueBefore,
            @RequestParam(required = false) ScheduledAssessmentStatus status) {
        if (status != null && (status == ScheduledAssessmentStatus.COMPLETED || status == ScheduledAssessmentStatus.CANCELLED)) {
            throw ApiProblem.invalid("status", "must be PENDING, IN_PROGRESS or OVERDUE");
        }
        Instant before = dueBefore == null ? clock.instant().plusSeconds(86_400) : dueBefore;
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            List<ScheduledView> items = jdbc.query(SELECT + " WHERE s.due_at < ? AND s.status IN ('PENDING', "
                    + "'IN_PROGRESS', 'OVERDUE') AND (?::text IS NULL OR s.status = ?) ORDER BY s.due_at, s.id LIMIT 500",
                    this::view, java.sql.Timestamp.from(before), status == null ? null : status.name(),
                    status == null ? null : status.name());
            audit.searched(SCHEDULED, items.stream().map(ScheduledView::id).toList(), List.of("dueBefore", "status"), null);
            return items;
        });
    }

    private ScheduledView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ScheduledView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant(), ScheduledAssessmentStatus.valueOf(rs.getString(8)),
                rs.getBoolean(9), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(), rs.getString(11));
    }
}
