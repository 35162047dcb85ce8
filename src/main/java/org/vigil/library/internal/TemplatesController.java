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

/** Assessment templates: the standardized library's (read-only) and the organization's own copies. */
@RestController
@RequestMapping("/api/v1/library/assessment-templates")
@Tag(name = "Clinical library")
class TemplatesController {

    private static ResponseEntity<TemplateView> created(Versioned<TemplateView> created) {
        return created.created("/api/v1/library/assessment-templates/" + created.body().id());
    }

    private final Templates templates;

    TemplatesController(Templates templates) {
        this.templates = templates;
    }

    record CloneRequest(@Size(max = 200) String name) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('LIBRARY_READ')")
    @Operation(summary = "List assessment templates", description = "Standardized first, then the organization's own; "
            + "standardized=true|false filters.")
    List<TemplateView> list(@AuthenticationPrincipal TenantPrincipal caller,
            @RequestParam(required = false) Boolean standardized) {
        return templates.list(caller, standardized);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_READ')")
    ResponseEntity<TemplateView> get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        return templates.get(caller, id).ok();
    }

    @PostMapping
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Create an organization template")
    ResponseEntity<TemplateView> create(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @RequestBody TemplateRequest request) {
        return created(templates.create(caller, request));
    }

    @PostMapping("/{id}/clone")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Clone a template into the organization", description = "Copies every item; "
            + "sourceTemplateId names the origin. Optional body {name}.")
    ResponseEntity<TemplateView> cloneOf(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @Valid @RequestBody(required = false) CloneRequest request) {
        return created(templates.cloneOf(caller, id, request == null ? null : request.name()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Replace an organization template", description = "Needs If-Match; standardized templates "
            + "answer 409 (clone them instead).")
    ResponseEntity<TemplateView> replace(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody TemplateRequest request) {
        return templates.replace(caller, id, ETags.expectedVersion(ifMatch, "template"), request).ok();
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Delete an organization template", description = "Standardized templates and templates in "
            + "use answer 409.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        templates.delete(caller, id);
        return ResponseEntity.noContent().build();
    }


}
