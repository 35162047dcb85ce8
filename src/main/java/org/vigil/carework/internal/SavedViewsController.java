package org.vigil.carework.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.carework.ViewType;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.tenancy.TenantPrincipal;

/** Saved views: a member's own and the organization's shared filters for lists and the triage queue. */
@RestController
@Tag(name = "Saved views")
@Validated
class SavedViewsController {

    private final SavedViews views;

    SavedViewsController(SavedViews views) {
        this.views = views;
    }

    @PostMapping("/api/v1/saved-views")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Save a view", description = "Name unique among the caller's views (409 naming name); "
            + "isDefault clears the caller's previous default of the same viewType.")
    ResponseEntity<SavedViewView> create(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @RequestBody SavedViewRequest request) {
        SavedViewView view = views.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/saved-views/" + view.id())).eTag(ETags.of(view.version()))
                .body(view);
    }

    @GetMapping("/api/v1/saved-views")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "List saved views", description = "The caller's own and the organization's shared views, "
            + "by viewType and name; filter viewType; paged.")
    PageResponse<SavedViewView> list(@AuthenticationPrincipal TenantPrincipal caller,
            @RequestParam(required = false) ViewType viewType, @Valid @ModelAttribute PageQuery paging) {
        return views.list(caller, viewType, paging);
    }

    @GetMapping("/api/v1/saved-views/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Read a saved view", description = "Own or shared; another member's private view is 404.")
    ResponseEntity<SavedViewView> get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        SavedViewView view = views.get(caller, id);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @PutMapping("/api/v1/saved-views/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Replace a saved view", description = "Owner only (a shared view of another member is 403, "
            + "a private one 404); needs If-Match.")
    ResponseEntity<SavedViewView> update(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SavedViewRequest request) {
        SavedViewView view = views.update(caller, id, ETags.expectedVersion(ifMatch, "saved view"), request);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @DeleteMapping("/api/v1/saved-views/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Delete a saved view", description = "Owner only (403 for another member's shared view).")
    ResponseEntity<Void> delete(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        views.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/saved-views/{id}/use")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Count a use of a view", description = "Increments usageCount and sets lastUsedAt; "
            + "the version (ETag) does not change.")
    ResponseEntity<SavedViewView> use(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        return ResponseEntity.ok(views.use(caller, id));
    }
}
