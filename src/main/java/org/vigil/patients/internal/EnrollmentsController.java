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

/**
 * Enrollments of the caller's organization (docs/api.md "Enrollments"). There is no DELETE: an
 * enrollment is clinical and billing history; WITHDRAWN ends one that should not have started.
 */
@RestController
@RequestMapping("/api/v1/enrollments")
@Tag(name = "Enrollments")
class EnrollmentsController {

    static final String PATH = "/api/v1/enrollments";
    private final Enrollments enrollments;

    EnrollmentsController(Enrollments enrollments) {
        this.enrollments = enrollments;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ENROLLMENT_WRITE')")
    @Operation(summary = "Enroll a patient", description = "201 with Location and ETag. 404 naming the field for a "
            + "referenced id that does not exist here; 409 for a second ACTIVE enrollment in the same care program, for "
            + "RPM and RTM billing enrollments active over overlapping periods, and for deactivated references.")
    ResponseEntity<EnrollmentView> create(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @RequestBody EnrollmentCreateRequest request) {
        EnrollmentView created = enrollments.create(caller, request);
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).eTag(ETags.of(created.version())).body(created);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('ENROLLMENT_READ')")
    @Operation(summary = "Read an enrollment")
    ResponseEntity<EnrollmentView> read(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        return respond(enrollments.read(caller, id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ENROLLMENT_READ')")
    @Operation(summary = "List enrollments", description = "Filters patientId, clinicianId, careProgramId, status (exact; "
            + "an id naming nothing here is 404); sort by startDate (default, newest first), endDate, status, createdAt.")
    PageResponse<EnrollmentView> search(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @ModelAttribute EnrollmentSearch search, @Valid @ModelAttribute PageQuery page,
            @Parameter(example = "-startDate") @RequestParam(required = false) String sort) {
        return enrollments.search(caller, search, page, sort);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('ENROLLMENT_WRITE')")
    @Operation(summary = "Replace an enrollment's editable fields", description = "Needs If-Match. Patient, care "
            + "program and status are not editable here.")
    ResponseEntity<EnrollmentView> replace(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody EnrollmentUpdateRequest request) {
        return respond(enrollments.replace(caller, id, ETags.expectedVersion(ifMatch, "enrollment"), request));
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("hasAuthority('ENROLLMENT_WRITE')")
    @Operation(summary = "Change an enrollment's status", description = "Needs If-Match. Legal: PENDING→ACTIVE, "
            + "PENDING→WITHDRAWN, ACTIVE→INACTIVE, ACTIVE→COMPLETED, ACTIVE→WITHDRAWN, INACTIVE→ACTIVE; anything else is "
            + "409 naming status. COMPLETED and WITHDRAWN set endDate when it is empty.")
    ResponseEntity<EnrollmentView> changeStatus(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody StatusChangeRequest request) {
        return respond(enrollments.changeStatus(caller, id, ETags.expectedVersion(ifMatch, "enrollment"), request));
    }

    private static ResponseEntity<EnrollmentView> respond(EnrollmentView view) {
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
