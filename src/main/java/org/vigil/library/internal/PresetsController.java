package org.vigil.library.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.Versioned;
import org.vigil.tenancy.TenantPrincipal;

/** Condition presets: the standardized library's (read-only) and the organization's own copies. */
@RestController
@RequestMapping("/api/v1/library/condition-presets")
@Tag(name = "Clinical library")
class PresetsController {

    private static ResponseEntity<PresetView> created(Versioned<PresetView> created) {
        return created.created("/api/v1/library/condition-presets/" + created.body().id());
    }

    private final Presets presets;

    PresetsController(Presets presets) {
        this.presets = presets;
    }

    record CloneRequest(@Size(max = 200) String name) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('LIBRARY_READ')")
    @Operation(summary = "List condition presets", description = "Standardized first, then the organization's own; "
            + "standardized=true|false filters.")
    List<PresetView> list(@AuthenticationPrincipal TenantPrincipal caller,
            @RequestParam(required = false) Boolean standardized) {
        return presets.list(caller, standardized);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_READ')")
    ResponseEntity<PresetView> get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        return presets.get(caller, id).ok();
    }

    @PostMapping
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Create an organization preset")
    ResponseEntity<PresetView> create(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @RequestBody PresetRequest request) {
        return created(presets.create(caller, request));
    }

    @PostMapping("/{id}/clone")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Clone a preset into the organization", description = "Deep copy of diagnoses, template "
            + "links and alert-rule links; sourcePresetId names the origin. Optional body {name}.")
    ResponseEntity<PresetView> cloneOf(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @Valid @RequestBody(required = false) CloneRequest request) {
        return created(presets.cloneOf(caller, id, request == null ? null : request.name()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Replace an organization preset", description = "Needs If-Match; standardized presets "
            + "answer 409 (clone them instead).")
    ResponseEntity<PresetView> replace(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PresetRequest request) {
        return presets.replace(caller, id, ETags.expectedVersion(ifMatch, "preset"), request).ok();
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Delete an organization preset", description = "Standardized presets and presets used by "
            + "enrollments answer 409.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        presets.delete(caller, id);
        return ResponseEntity.noContent().build();
    }


}
