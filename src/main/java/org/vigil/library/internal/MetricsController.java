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
import org.springframework.validation.annotation.Validated;
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

/** Metric definitions: the standardized library's (read-only) and the organization's own. */
@RestController
@RequestMapping("/api/v1/library/metrics")
@Tag(name = "Clinical library")
@Validated
class MetricsController {

    private static ResponseEntity<MetricView> created(Versioned<MetricView> created) {
        return created.created("/api/v1/library/metrics/" + created.body().id());
    }

    private final Metrics metrics;

    MetricsController(Metrics metrics) {
        this.metrics = metrics;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('LIBRARY_READ')")
    @Operation(summary = "List metric definitions", description = "Standardized first; filters standardized, category.")
    List<MetricView> list(@AuthenticationPrincipal TenantPrincipal caller,
            @RequestParam(required = false) Boolean standardized,
            @RequestParam(required = false) @Size(max = 100) String category) {
        return metrics.list(caller, standardized, category);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_READ')")
    ResponseEntity<MetricView> get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        return metrics.get(caller, id).ok();
    }

    @PostMapping
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Create an organization metric", description = "409 naming key when the organization has it.")
    ResponseEntity<MetricView> create(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @RequestBody MetricRequest request) {
        return created(metrics.create(caller, request));
    }

    @PostMapping("/{id}/clone")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Clone a metric into the organization", description = "The copy keeps the key and takes "
            + "the standard's place for this organization.")
    ResponseEntity<MetricView> cloneOf(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        return created(metrics.cloneOf(caller, id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Replace an organization metric", description = "Needs If-Match; standardized metrics 409.")
    ResponseEntity<MetricView> replace(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody MetricRequest request) {
        return metrics.replace(caller, id, ETags.expectedVersion(ifMatch, "metric"), request).ok();
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Delete an organization metric", description = "Standardized or used metrics answer 409.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        metrics.delete(caller, id);
        return ResponseEntity.noContent().build();
    }


}
