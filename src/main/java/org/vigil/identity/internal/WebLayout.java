package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.vigil.identity.Caller;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.ActiveMembership;
import org.vigil.tenancy.MembershipDirectory;
import org.vigil.tenancy.OrganizationBranding;
import org.vigil.tenancy.Permission;

/**
 * What every page's frame shows ({@code fragments :: nav}): who is signed in, in which
 * organization, the organizations they may switch to, and the sections their permissions open.
 * A section a member may not use is not offered (its pages refuse them anyway). {@code logoUrl} is the
 * organization's banner logo (a validated data: URL, see {@link OrganizationBranding}) or null.
 */
@ControllerAdvice(annotations = WebPage.class)
class WebLayout {

    /** One entry of the navigation: shown when the member holds any of its permissions. */
    record Section(String path, String label, List<Permission> anyOf) {
    }

    static final List<Section> SECTIONS = List.of(
            new Section("/", "Dashboard", List.of()),
            new Section("/triage", "Triage", List.of(Permission.ALERT_READ)),
            new Section("/patients", "Patients", List.of(Permission.PATIENT_READ)),
            new Section("/billing", "Billing", List.of(Permission.BILLING_READ)),
            new Section("/admin", "Administration", List.of(Permission.MEMBER_READ, Permission.LIBRARY_WRITE,
                    Permission.ORGANIZATION_SETTINGS_MANAGE, Permission.AUDIT_READ)));

    record Link(String path, String label, boolean current) {
    }

    record Frame(String userName, String email, String organizationName, String role, String organizationId,
            List<ActiveMembership> memberships, List<Link> links, String logoUrl) {
    }

    private final MembershipDirectory memberships;
    private final Profiles profiles;
    private final OrganizationBranding branding;

    WebLayout(MembershipDirectory memberships, Profiles profiles, OrganizationBranding branding) {
        this.memberships = memberships;
        this.profiles = profiles;
        this.branding = branding;
    }

    @ModelAttribute("frame")
    Frame frame(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        if (caller == null || !(request.getAttribute(WebSessionGuard.MEMBERSHIP) instanceof ActiveMembership membership)) {
            return null;
        }
        String path = request.getRequestURI();
        List<Link> links = new ArrayList<>();
        for (Section section : SECTIONS) {
            if (section.anyOf().isEmpty() || section.anyOf().stream().anyMatch(caller::may)) {
                boolean current = section.path().equals("/") ? path.equals("/") : path.startsWith(section.path());
                links.add(new Link(section.path(), section.label(), current));
            }
        }
        Profiles.Profile profile = profiles.of(caller.userId());
        return new Frame(profile.displayName(), profile.email(), membership.organizationName(),
                membership.role().name(), membership.organizationId(), memberships.forUser(caller.userId()),
                List.copyOf(links), branding.of(membership.organizationId(), caller.userId()).logoUrl());
    }
}
