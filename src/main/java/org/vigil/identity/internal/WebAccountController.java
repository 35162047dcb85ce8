package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.identity.Caller;

/**
 * The signed-in user's account page: linked single sign-on identities, linking a new one (through
 * the provider, see {@link SingleSignOn}) and unlinking.
 */
@org.vigil.shared.web.WebPage
class WebAccountController {

    static final Map<String, String> MESSAGES = Map.of(
            "linked", "The sign-in was linked to your account. You can now sign in with it.",
            "already-linked", "That sign-in is already linked to your account.",
            "linked-elsewhere", "That sign-in is linked to another Vigil account, so it was not linked to yours.",
            "link-failed", "Linking failed or was cancelled at the provider. Nothing was linked.",
            "unlinked", "The sign-in was unlinked from your account.");

    private final LinkedAccounts linkedAccounts;
    private final Profiles profiles;
    private final WebSessions sessions;
    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final Clock clock;

    WebAccountController(LinkedAccounts linkedAccounts, Profiles profiles, WebSessions sessions,
            ObjectProvider<ClientRegistrationRepository> registrations, Clock clock) {
        this.linkedAccounts = linkedAccounts;
        this.profiles = profiles;
        this.sessions = sessions;
        this.registrations = registrations;
        this.clock = clock;
    }

    @GetMapping("/account")
    String page(@AuthenticationPrincipal Caller caller, @RequestParam(name = "m", required = false) String message,
            Model model) {
        model.addAttribute("profile", profiles.of(caller.userId()));
        model.addAttribute("linkedAccounts", linkedAccounts.list(caller.userId()));
        model.addAttribute("providers", WebLoginController.providers(registrations));
        if (message != null && MESSAGES.containsKey(message)) {
            model.addAttribute(message.equals("linked-elsewhere") || message.equals("link-failed") ? "problem" : "notice",
                    MESSAGES.get(message));
        }
        return "account";
    }

    /** Starts linking: the provider authenticates the person, and the callback links that identity to this user. */
    @PostMapping("/account/linked-accounts/{registrationId}")
    String link(@AuthenticationPrincipal Caller caller, @PathVariable String registrationId, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        boolean known = WebLoginController.providers(registrations).stream()
                .anyMatch(provider -> provider.id().equals(registrationId));
        if (!known) {
            return notFound(model, response, "No sign-in provider with that name is configured.");
        }
        sessions.startLink(new WebSessions.LinkIntent(caller.userId(), registrationId, clock.instant()), request);
        return "redirect:/oauth2/authorization/" + registrationId;
    }

    @PostMapping("/account/linked-accounts/{id}/unlink")
    String unlink(@AuthenticationPrincipal Caller caller, @PathVariable String id, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (!linkedAccounts.unlink(caller.userId(), caller.organizationId(), id, AuthController.client(request))) {
            return notFound(model, response, "You have no linked sign-in with that id.");
        }
        return "redirect:/account?m=unlinked";
    }

    static String notFound(Model model, HttpServletResponse response, String detail) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("detail", detail);
        return "problem";
    }
}
