package org.vigil.patients.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.Versioned;
import org.vigil.tenancy.TenantPrincipal;

/** A patient's diagnoses and consents, which billing eligibility depends on. */
@RestController
@RequestMapping("/api/v1/patients/{patientId}")
@Tag(name = "Patients")
class PatientRecordsController {

    private final Diagnoses diagnoses;
    private final Consents consents;

    PatientRecordsController(Diagnoses diagnoses, Consents consents) {
        this.diagnoses = diagnoses;
        this.consents = consents;
    }

    record Revocation(@NotNull @PastOrPresent LocalDate revokedOn) {
    }

    @GetMapping("/diagnoses")
    @PreAuthorize("hasAuthority('PATIENT_READ')")
    @Operation(summary = "List a patient's diagnoses", description = "Primary first.")
    List<DiagnosisView> diagnoses(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String patientId) {
        return diagnoses.list(caller, patientId);
    }

    @PostMapping("/diagnoses")
    @PreAuthorize("hasAuthority('PATIENT_WRITE')")
    @Operation(summary = "Add a diagnosis", description = "ICD-10-CM code (E11.9 or E119); a new current primary "
            + "diagnosis demotes the previous one; a code already current is refused (409).")
    ResponseEntity<DiagnosisView> addDiagnosis(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String patientId, @Valid @RequestBody DiagnosisRequest request) {
        Versioned<DiagnosisView> added = diagnoses.add(caller, patientId, request);
        return added.created("/api/v1/patients/" + patientId + "/diagnoses/" + added.body().id());
    }

    @PutMapping("/diagnoses/{diagnosisId}")
    @PreAuthorize("hasAuthority('PATIENT_WRITE')")
    @Operation(summary = "Replace a diagnosis", description = "Needs If-Match (the ETag of the diagnosis).")
    ResponseEntity<DiagnosisView> replaceDiagnosis(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String patientId, @PathVariable String diagnosisId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DiagnosisRequest request) {
        long expected = ETags.expectedVersion(ifMatch, "diagnosis");
        return diagnoses.replace(caller, patientId, diagnosisId, expected, request).ok();
    }

    @DeleteMapping("/diagnoses/{diagnosisId}")
    @PreAuthorize("hasAuthority('PATIENT_WRITE')")
    @Operation(summary = "Remove a diagnosis entered in error", description = "A diagnosis that ended is "
            + "resolved (resolvedDate), not removed.")
    ResponseEntity<Void> deleteDiagnosis(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String patientId, @PathVariable String diagnosisId) {
        diagnoses.delete(caller, patientId, diagnosisId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/consents")
    @PreAuthorize("hasAuthority('PATIENT_READ')")
    @Operation(summary = "List a patient's consents", description = "Newest first, revoked ones included.")
    List<ConsentView> consents(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String patientId) {
        return consents.list(caller, patientId);
    }

    @PostMapping("/consents")
    @PreAuthorize("hasAuthority('PATIENT_WRITE')")
    @Operation(summary = "Record a consent", description = "TREATMENT, BILLING or PROGRAM (with programType); "
            + "method VERBAL, WRITTEN or ELECTRONIC; whether cost-sharing was acknowledged. Never edited afterwards.")
    ResponseEntity<ConsentView> recordConsent(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String patientId, @Valid @RequestBody ConsentRequest request) {
        ConsentView consent = consents.record(caller, patientId, request);
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/consents/" + consent.id()))
                .body(consent);
    }

    @PostMapping("/consents/{consentId}/revoke")
    @PreAuthorize("hasAuthority('PATIENT_WRITE')")
    @Operation(summary = "Revoke a consent", description = "Once; a second revocation is refused (409).")
    ConsentView revokeConsent(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String patientId,
            @PathVariable String consentId, @Valid @RequestBody Revocation revocation) {
        return consents.revoke(caller, patientId, consentId, revocation.revokedOn());
    }
}
