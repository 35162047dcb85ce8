package org.vigil.monitoring.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.tenancy.TenantPrincipal;

/** A patient's completed questionnaires, scored on the server. */
@RestController
@RequestMapping("/api/v1/patients/{patientId}/assessments")
@Tag(name = "Assessments")
class AssessmentsController {

    private final Assessments assessments;

    AssessmentsController(Assessments assessments) {
        this.assessments = assessments;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ASSESSMENT_WRITE')")
    @Operation(summary = "Submit a completed questionnaire", description = "answers keyed by item metric key; each "
            + "checked (400 naming answers.<item>); score, band and flags computed on the server; answers and total "
            + "recorded as observations; all or nothing.")
    ResponseEntity<AssessmentView> submit(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String patientId, @Valid @RequestBody AssessmentSubmission submission) {
        AssessmentView stored = assessments.submit(caller, patientId, submission);
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/assessments/" + stored.id()))
                .body(stored);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ASSESSMENT_READ')")
    @Operation(summary = "A patient's assessments", description = "Newest first, at most 200.")
    List<AssessmentView> list(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String patientId) {
        return assessments.list(caller, patientId);
    }

    @GetMapping("/{assessmentId}")
    @PreAuthorize("hasAuthority('ASSESSMENT_READ')")
    AssessmentView get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String patientId,
            @PathVariable String assessmentId) {
        return assessments.get(caller, patientId, assessmentId);
    }
}
