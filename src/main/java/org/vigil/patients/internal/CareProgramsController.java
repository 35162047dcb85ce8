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

/** The care programs of the caller's organization (docs/api.md "Care programs"). */
@RestController
@RequestMapping("/api/v1/care-programs")
@Tag(name = "Care programs")
class CareProgramsController {

    static final String PATH = "/api/v1/care-programs";
    private final CarePrograms programs;

    CareProgramsController(CarePrograms programs) {
        this.programs = programs;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('PROGRAM_WRITE')")
    @Operation(summary = "Create a care program", description = "201 with Location and ETag. 409 naming name when "
            + "another program of the organization has it; 400 naming settings unless it is a bounded JSON object.")
    ResponseEntity<CareProgramView> create(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @RequestBody CareProgramRequest request) {
        CareProgramView created = programs.create(caller, request);
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).eTag(ETags.of(created.version())).body(created);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PROGRAM_READ')")
    @Operation(summary = "Read a care program", description = "ETag carries the version for a later PUT.")
    ResponseEntity<CareProgramView> read(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        return respond(programs.read(caller, id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('PROGRAM_READ')")
    @Operation(summary = "Search care programs", description = "Filters name (part, any case), type, active; sort by "
            + "name, type, createdAt ('-' for descending).")
    PageResponse<CareProgramView> search(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @ModelAttribute CareProgramSearch search, @Valid @ModelAttribute PageQuery page,
            @Parameter(example = "name") @RequestParam(required = false) String sort) {
        return programs.search(caller, search, page, sort);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('PROGRAM_WRITE')")
    @Operation(summary = "Replace a care program's editable fields", description = "Needs If-Match (428 without, 412 when "
            + "stale). Optional fields left out are cleared.")
    ResponseEntity<CareProgramView> replace(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody CareProgramRequest request) {
        return respond(programs.replace(caller, id, ETags.expectedVersion(ifMatch, "care program"), request));
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize("hasAuthority('PROGRAM_WRITE')")
    @Operation(summary = "Deactivate a care program", description = "It takes no new enrollments; existing ones carry on. "
            + "Needs If-Match.")
    ResponseEntity<CareProgramView> deactivate(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return respond(programs.setActive(caller, id, ETags.expectedVersion(ifMatch, "care program"), false));
    }

    @PostMapping("/{id}/reactivate")
    @PreAuthorize("hasAuthority('PROGRAM_WRITE')")
    @Operation(summary = "Reactivate a care program", description = "Needs If-Match.")
    ResponseEntity<CareProgramView> reactivate(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return respond(programs.setActive(caller, id, ETags.expectedVersion(ifMatch, "care program"), true));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('PROGRAM_WRITE')")
    @Operation(summary = "Delete a care program no enrollment names", description = "204. 409 when enrollments name "
            + "it: deactivate instead. If-Match is optional (checked when sent).")
    ResponseEntity<Void> delete(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        programs.delete(caller, id, ifMatch == null ? null : ETags.expectedVersion(ifMatch, "care program"));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<CareProgramView> respond(CareProgramView view) {
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
