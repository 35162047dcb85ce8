package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.identity.AccountEvent;
import org.vigil.identity.Caller;
import org.vigil.tenancy.ActiveMembership;
import org.vigil.tenancy.MembershipDirectory;

/**
 * The organization switcher of the web session. (The signed-in home page, the dashboard at
 * {@code /}, is the web module's {@code DashboardPage}.)
 */
@org.vigil.shared.web.WebPage
class WebHomeController {

    private final MembershipDirectory memberships;
    private final WebSessions sessions;
    private final ApplicationEventPublisher events;

    WebHomeController(MembershipDirectory memberships, WebSessions sessions,
            ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.sessions = sessions;
        this.events = events;
    }

    /** Acts in another organization the user is an active member of; any other id: 404. */
    @PostMapping("/session/organization")
    String switchOrganization(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String organizationId, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<ActiveMembership> membership = organizationId == null || organizationId.isBlank()
                || organizationId.length() > 40 ? Optional.empty() : memberships.find(caller.userId(), organizationId);
        if (membership.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("status", 404);
            model.addAttribute("detail", "You are not an active member of that organization.");
            return "problem";
        }
        SignIn.Client client = AuthController.client(request);
        events.publishEvent(new AccountEvent("ORGANIZATION_SWITCHED", true, caller.userId(),
                membership.get().organizationId(), "FROM_" + caller.organizationId(), client.ipAddress(),
                client.userAgent()));
        request.changeSessionId();
        sessions.actAs(membership.get(), request, response);
        return "redirect:/";
    }
}
