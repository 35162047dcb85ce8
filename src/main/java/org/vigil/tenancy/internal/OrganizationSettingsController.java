package org.vigil.tenancy.internal;

import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.tenancy.TenantPrincipal;

/**
 * The settings of the caller's organization. Every member may read them; changing them needs
 * ORGANIZATION_SETTINGS_MANAGE and the ETag of the last read in {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/organization/settings")
class OrganizationSettingsController {

    private final OrganizationSettingsService settings;

    OrganizationSettingsController(OrganizationSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<OrganizationSettings> read(@AuthenticationPrincipal TenantPrincipal caller) {
        return respond(settings.read(caller.organizationId(), caller.userId()));
    }

    @PutMapping
    @PreAuthorize("hasAuthority('ORGANIZATION_SETTINGS_MANAGE')")
    ResponseEntity<OrganizationSettings> replace(@AuthenticationPrincipal TenantPrincipal caller,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SettingsRequest request) {
        long expected = IfMatch.expectedVersion(ifMatch);
        return respond(settings.replace(caller.organizationId(), caller.userId(), expected, request.toSettings(),
                request.branding() == null));
    }

    private static ResponseEntity<OrganizationSettings> respond(OrganizationSettingsService.Versioned versioned) {
        return ResponseEntity.ok().eTag(IfMatch.etag(versioned.version())).body(versioned.settings());
    }
}
