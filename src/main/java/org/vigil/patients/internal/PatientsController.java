package org.vigil.patients.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.Versioned;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.tenancy.TenantPrincipal;

/** Patients of the caller's organization. */
@RestController
@RequestMapping("/api/v1/patients")
@Tag(name = "Patients")
class PatientsController {

    private final Patients patients;

    PatientsController(Patients patients) {
        this.patients = patients;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('PATIENT_WRITE')")
    @Operation(summary = "Create a patient", description = "201 with Location and ETag. The medical record "
            + "number is unique within the organization (409 naming medicalRecordNumber).")
    ResponseEntity<PatientView> create(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @RequestBody PatientRequest request) {
        Versioned<PatientView> created = patients.create(caller, request);
        return created.created("/api/v1/patients/" + created.body().id());
    }

    @GetMapping
    @PreAuthorize("hasAuthority('PATIENT_READ')")
    @Operation(summary = "Search patients", description = "Filters: name (every word in first or last name), "
            + "medicalRecordNumber, dateOfBirth, active. Sort: lastName, firstName, dateOfBirth, "
            + "medicalRecordNumber, createdAt ('-' for descending). Page size at most 100.")
    PageResponse<PatientView> search(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @ModelAttribute PatientSearchParams params, @Valid @ModelAttribute PageQuery paging) {
        return patients.search(caller, params, paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PATIENT_READ')")
    @Operation(summary = "Read a patient", description = "404 for an unknown id and for another organization's.")
    ResponseEntity<PatientView> get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        return patients.get(caller, id).ok();
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('PATIENT_WRITE')")
    @Operation(summary = "Replace a patient's editable fields", description = "Needs If-Match with the ETag of the "
            + "last read (428 without, 412 when stale). Absent optional fields are cleared.")
    ResponseEntity<PatientView> replace(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PatientRequest request) {
        long expected = ETags.expectedVersion(ifMatch, "patient");
        return patients.replace(caller, id, expected, request).ok();
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize("hasAuthority('PATIENT_WRITE')")
    @Operation(summary = "Deactivate a patient", description = "Keeps every record; needs If-Match.")
    ResponseEntity<PatientView> deactivate(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return patients.setActive(caller, id, ETags.expectedVersion(ifMatch, "patient"), false).ok();
    }

    @PostMapping("/{id}/activate")
    @PreAuthorize("hasAuthority('PATIENT_WRITE')")
    @Operation(summary = "Reactivate a patient", description = "Needs If-Match.")
    ResponseEntity<PatientView> activate(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return patients.setActive(caller, id, ETags.expectedVersion(ifMatch, "patient"), true).ok();
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('PATIENT_WRITE')")
    @Operation(summary = "Delete a patient entered by mistake", description = "Refused with 409 when the patient "
            + "has any clinical data (enrollments, readings, diagnoses, consents…); deactivate instead.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        patients.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

}
