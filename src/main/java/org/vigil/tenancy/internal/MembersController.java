package org.vigil.tenancy.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import jakarta.validation.Valid;
import org.vigil.shared.web.ApiProblem;
import org.vigil.tenancy.Permission;
import org.vigil.tenancy.Role;
import org.vigil.tenancy.TenantPrincipal;

/** The members of the caller's organization. */
@RestController
@RequestMapping("/api/v1/members")
class MembersController {

    private final Members members;

    MembersController(Members members) {
        this.members = members;
    }

    /**
     * A change to a membership; only the fields given change. {@code permissions} replaces the
     * explicit grants (on top of the role's template).
     */
    record MemberPatch(Role role, Boolean active, @Size(max = 64) Set<@NotNull Permission> permissions) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('MEMBER_READ')")
    List<MemberView> list(@AuthenticationPrincipal TenantPrincipal caller) {
        return members.list(caller.organizationId(), caller.userId());
    }

    @PatchMapping("/{userId}")
    @PreAuthorize("hasAuthority('MEMBER_MANAGE')")
    MemberView change(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String userId,
            @Valid @RequestBody MemberPatch patch) {
        if (patch.role() == null && patch.active() == null && patch.permissions() == null) {
            throw ApiProblem.badRequest("Nothing to change", "Give at least one of 'role', 'active' or 'permissions'.");
        }
        return members.change(caller.organizationId(), caller.userId(), userId,
                new Members.Change(patch.role(), patch.active(), patch.permissions()));
    }
}
