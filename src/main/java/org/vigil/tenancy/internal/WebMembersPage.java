package org.vigil.tenancy.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.Granted;
import org.vigil.tenancy.Permission;
import org.vigil.tenancy.Role;
import org.vigil.tenancy.RolePermissions;
import org.vigil.tenancy.TenantPrincipal;

/**
 * Administration of the organization's members: the list (name, email, role, active, MFA) and,
 * for member managers, a member's role, active flag and explicit grants. The same service as the
 * API ({@link Members}): nobody changes their own membership, and nobody grants administrative
 * powers they lack ({@link org.vigil.tenancy.GrantCeiling}); a refusal is shown on the form.
 */
@WebPage
class WebMembersPage {

    private final Members members;

    WebMembersPage(Members members) {
        this.members = members;
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasAuthority('MEMBER_READ')")
    String list(@AuthenticationPrincipal TenantPrincipal caller, Authentication authentication,
            @RequestParam(name = "saved", required = false) String saved, Model model) {
        List<MemberView> all = members.list(caller.organizationId(), caller.userId());
        model.addAttribute("members", all);
        model.addAttribute("mayManage", Granted.may(authentication, Permission.MEMBER_MANAGE));
        model.addAttribute("callerId", caller.userId());
        all.stream().filter(member -> member.userId().equals(saved)).findFirst().ifPresent(member -> model.addAttribute(
                "notice", "Saved: " + (member.name() != null ? member.name() : member.email()) + " is "
                        + (member.active() ? "an active " : "an inactive ") + member.role() + "."));
        return "admin/users";
    }

    @GetMapping("/admin/users/{userId}")
    @PreAuthorize("hasAuthority('MEMBER_MANAGE')")
    String edit(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String userId, Model model) {
        MemberView member = find(caller, userId);
        return form(caller, member, member.role(), member.active(), Set.copyOf(member.permissions()), null, model);
    }

    @PostMapping("/admin/users/{userId}")
    @PreAuthorize("hasAuthority('MEMBER_MANAGE')")
    String change(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String userId,
            @RequestParam Role role, @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(name = "permissions", required = false) List<Permission> permissions, Model model,
            HttpServletResponse response) {
        Set<Permission> grants = permissions == null ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
        try {
            members.change(caller.organizationId(), caller.userId(), userId, new Members.Change(role, active, grants));
        } catch (ApiProblem problem) {
            if (problem.getStatusCode().value() == 404) {
                throw problem;
            }
            response.setStatus(problem.getStatusCode().value());
            return form(caller, find(caller, userId), role, active,
                    grants.stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()),
                    problem.getBody().getDetail(), model);
        }
        return "redirect:/admin/users?saved=" + userId;
    }

    private String form(TenantPrincipal caller, MemberView member, Role role, boolean active, Set<String> grants,
            String problem, Model model) {
        model.addAttribute("member", member);
        model.addAttribute("self", member.userId().equals(caller.userId()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("role", role);
        model.addAttribute("active", active);
        model.addAttribute("grants", grants);
        model.addAttribute("permissions", Permission.values());
        model.addAttribute("fromRole", Arrays.stream(Permission.values())
                .filter(p -> RolePermissions.of(role).contains(p)).map(Enum::name).toList());
        model.addAttribute("problem", problem);
        return "admin/user";
    }

    private MemberView find(TenantPrincipal caller, String userId) {
        return members.list(caller.organizationId(), caller.userId()).stream()
                .filter(member -> member.userId().equals(userId)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("member"));
    }

}
