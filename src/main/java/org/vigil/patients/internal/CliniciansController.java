package org.vigil.patients.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.tenancy.TenantPrincipal;

/** The clinicians of the caller's organization (docs/api.md "Clinicians"). */
@RestController
@RequestMapping("/api/v1/clinicians")
@Tag(name = "Clinicians")
class CliniciansController {

    static final String PATH = "/api/v1/clinicians";
    private final Clinicians clinicians;

    CliniciansController(Clinicians clinicians) {
        this.clinicians = clinicians;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('CLINICIAN_WRITE')")
    @Operation(summary = "Create a clinician", description = "201 with Location and ETag. 409 naming email, npiNumber or "
            + "userId when another clinician of the organization has it; 400 naming userId unless it is an active member.")
    ResponseEntity<ClinicianView> create(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @RequestBody ClinicianRequest request) {
        ClinicianView created = clinicians.create(caller, request);
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).eTag(ETags.of(created.version())).body(created);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('CLINICIAN_READ')")
    @Operation(summary = "Read a clinician", description = "ETag carries the version for a later PUT.")
    ResponseEntity<ClinicianView> read(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        return respond(clinicians.read(caller, id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('CLINICIAN_READ')")
    @Operation(summary = "Search clinicians", description = "Filters name (part of first or last name), email (part), "
            + "npi (exact), active; sort by lastName, firstName, email, createdAt ('-' for descending).")
    PageResponse<ClinicianView> search(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @ModelAttribute ClinicianSearch search, @Valid @ModelAttribute PageQuery page,
            @Parameter(example = "lastName,-createdAt") @RequestParam(required = false) String sort) {
        return clinicians.search(caller, search, page, sort);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('CLINICIAN_WRITE')")
    @Operation(summary = "Replace a clinician's editable fields", description = "Needs If-Match (428 without, 412 when "
            + "stale). Optional fields left out are cleared.")
    ResponseEntity<ClinicianView> replace(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ClinicianRequest request) {
        return respond(clinicians.replace(caller, id, ETags.expectedVersion(ifMatch, "clinician"), request));
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize("hasAuthority('CLINICIAN_WRITE')")
    @Operation(summary = "Deactivate a clinician", description = "Keeps the clinician and their history. Needs If-Match. "
            + "409 while they are responsible for ACTIVE or PENDING enrollments.")
    ResponseEntity<ClinicianView> deactivate(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return respond(clinicians.setActive(caller, id, ETags.expectedVersion(ifMatch, "clinician"), false));
    }

    @PostMapping("/{id}/reactivate")
    @PreAuthorize("hasAuthority('CLINICIAN_WRITE')")
    @Operation(summary = "Reactivate a clinician", description = "Needs If-Match.")
    ResponseEntity<ClinicianView> reactivate(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return respond(clinicians.setActive(caller, id, ETags.expectedVersion(ifMatch, "clinician"), true));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('CLINICIAN_WRITE')")
    @Operation(summary = "Delete a clinician who was never used", description = "204. 409 when enrollments, time logs, "
            + "alerts, notes or assessments name the clinician: deactivate instead. If-Match is optional (checked when sent).")
    ResponseEntity<Void> delete(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        clinicians.delete(caller, id, ifMatch == null ? null : ETags.expectedVersion(ifMatch, "clinician"));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ClinicianView> respond(ClinicianView view) {
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
