package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.identity.Caller;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.Permission;
import org.vigil.tenancy.Role;

/**
 * The administration landing page (links to the sections the member may use) and the invitations
 * page: invite an address with a role (the mail is sent by {@link Invitations}, bounded by the
 * grant ceiling like the API), list pending invitations and withdraw one.
 */
@WebPage
class WebAdminPages {

    /** One administration section: where, what, and the permission that opens it. */
    record Section(String path, String label, String description, Permission permission) {
    }

    static final List<Section> SECTIONS = List.of(
            new Section("/admin/users", "Users and roles", "Members, their roles, extra permissions and two-factor status.",
                    Permission.MEMBER_READ),
            new Section("/admin/invitations", "Invitations", "Invite people by email and withdraw pending invitations.",
                    Permission.MEMBER_READ),
            new Section("/admin/settings", "Organization settings", "Time zone, alert SLAs, billing programs, "
                    + "two-factor requirement and branding.", Permission.ORGANIZATION_SETTINGS_MANAGE),
            new Section("/admin/library", "Clinical library", "Condition presets, metrics, questionnaires and alert "
                    + "rules; customize copies of the standard.", Permission.LIBRARY_READ),
            new Section("/admin/audit", "Audit log", "Search who did what and when; export as CSV.", Permission.AUDIT_READ),
            new Section("/admin/devices", "Devices", "Registered devices and their patient assignments.",
                    Permission.OBSERVATION_READ));

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private final Invitations invitations;

    WebAdminPages(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/admin")
    @PreAuthorize("hasAnyAuthority('MEMBER_READ', 'LIBRARY_WRITE', 'ORGANIZATION_SETTINGS_MANAGE', 'AUDIT_READ')")
    String landing(@AuthenticationPrincipal Caller caller, Model model) {
        List<Section> open = new ArrayList<>();
        SECTIONS.stream().filter(section -> caller.may(section.permission())).forEach(open::add);
        model.addAttribute("sections", open);
        return "admin/index";
    }

    @GetMapping("/admin/invitations")
    @PreAuthorize("hasAuthority('MEMBER_READ')")
    String invitations(@AuthenticationPrincipal Caller caller,
            @RequestParam(name = "m", required = false) String message, Model model) {
        if ("sent".equals(message)) {
            model.addAttribute("notice", "The invitation was sent.");
        } else if ("withdrawn".equals(message)) {
            model.addAttribute("notice", "The invitation was withdrawn; its link no longer works.");
        }
        return page(caller, "", Role.NURSE, null, null, model);
    }

    @PostMapping("/admin/invitations")
    @PreAuthorize("hasAuthority('MEMBER_MANAGE')")
    String invite(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "") String email,
            @RequestParam Role role, Model model, HttpServletResponse response) {
        String address = email.trim();
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            response.setStatus(400);
            return page(caller, address.length() > 254 ? "" : address, role,
                    "Enter an email address such as name@clinic.org.", null, model);
        }
        try {
            invitations.invite(caller, address.toLowerCase(Locale.ROOT), role);
        } catch (ApiProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return page(caller, address, role, null, problem.getBody().getDetail(), model);
        }
        return "redirect:/admin/invitations?m=sent";
    }

    @PostMapping("/admin/invitations/{id}/withdraw")
    @PreAuthorize("hasAuthority('MEMBER_MANAGE')")
    String withdraw(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        if (!invitations.revoke(caller, id)) {
            throw ApiProblem.notFound("pending invitation");
        }
        return "redirect:/admin/invitations?m=withdrawn";
    }

    private String page(Caller caller, String email, Role role, String emailError, String problem, Model model) {
        model.addAttribute("pending", invitations.pending(caller));
        model.addAttribute("mayManage", caller.may(Permission.MEMBER_MANAGE));
        model.addAttribute("roles", Role.values());
        model.addAttribute("email", email);
        model.addAttribute("role", role);
        model.addAttribute("emailError", emailError);
        model.addAttribute("problem", problem);
        return "admin/invitations";
    }
}
