package org.vigil.tenancy.internal;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.tenancy.TenantPrincipal;

/**
 * Organizations, for platform administrators only ({@code users.is_platform_admin}, checked in the
 * database on every call). Others get 403.
 */
@RestController
@RequestMapping("/api/v1/platform/organizations")
class PlatformOrganizationsController {

    static final String PLATFORM_ADMIN = "@platformAdmins.isPlatformAdmin(authentication.name)";

    private final OrganizationAdministration administration;

    PlatformOrganizationsController(OrganizationAdministration administration) {
        this.administration = administration;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(PLATFORM_ADMIN)
    OrganizationView create(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @RequestBody OrganizationRequests.Create request) {
        return administration.create(caller.userId(), request);
    }

    @GetMapping
    @PreAuthorize(PLATFORM_ADMIN)
    PageResponse<OrganizationView> list(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @ModelAttribute OrganizationRequests.Filter filter, @Valid @ModelAttribute PageQuery page) {
        return administration.list(caller.userId(), filter, page);
    }

    @PatchMapping("/{id}")
    @PreAuthorize(PLATFORM_ADMIN)
    OrganizationView update(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @Valid @RequestBody OrganizationRequests.Update request) {
        return administration.update(caller.userId(), id, request);
    }
}
