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

/** Alert rules: the standardized library's (read-only) and the organization's own copies. */
@RestController
@RequestMapping("/api/v1/library/alert-rules")
@Tag(name = "Clinical library")
class RulesController {

    private static ResponseEntity<RuleView> created(Versioned<RuleView> created) {
        return created.created("/api/v1/library/alert-rules/" + created.body().id());
    }

    private final Rules rules;

    RulesController(Rules rules) {
        this.rules = rules;
    }

    record CloneRequest(@Size(max = 200) String name) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('LIBRARY_READ')")
    @Operation(summary = "List alert rules", description = "Standardized first, then the organization's own; "
            + "standardized=true|false filters.")
    List<RuleView> list(@AuthenticationPrincipal TenantPrincipal caller,
            @RequestParam(required = false) Boolean standardized) {
        return rules.list(caller, standardized);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_READ')")
    ResponseEntity<RuleView> get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        return rules.get(caller, id).ok();
    }

    @PostMapping
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Create an organization alert rule", description = "conditions in the condition language; 400 with the path of each error")
    ResponseEntity<RuleView> create(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @RequestBody RuleRequest request) {
        return created(rules.create(caller, request));
    }

    @PostMapping("/{id}/clone")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Clone an alert rule into the organization", description = "sourceRuleId names the origin. Optional body {name}.")
    ResponseEntity<RuleView> cloneOf(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @Valid @RequestBody(required = false) CloneRequest request) {
        return created(rules.cloneOf(caller, id, request == null ? null : request.name()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Replace an organization alert rule", description = "Needs If-Match; standardized rules "
            + "answer 409 (clone them instead).")
    ResponseEntity<RuleView> replace(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RuleRequest request) {
        return rules.replace(caller, id, ETags.expectedVersion(ifMatch, "alert rule"), request).ok();
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Delete an organization alert rule", description = "Standardized rules and rules in use answer 409.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        rules.delete(caller, id);
        return ResponseEntity.noContent().build();
    }


}
