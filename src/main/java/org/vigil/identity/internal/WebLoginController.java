package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The web UI's sign-in pages: email and password, then the second factor when the account has
 * MFA. Both steps go through {@link SignIn} exactly as the API's, so the account lock, the
 * per-address throttle and the audit log apply alike. The second-factor ticket stays in the
 * server-side session; the browser never sees it.
 */
@org.vigil.shared.web.WebPage
class WebLoginController {

    /** Messages shown on the sign-in page, chosen by a short code in the address (never echoed text). */
    static final Map<String, String> MESSAGES = Map.of(
            "signed-out", "You have signed out.",
            "session-ended", "Your session has ended. Sign in again.",
            "expired", "Your sign-in expired. Sign in again.",
            "not-linked", "No Vigil account is linked to this sign-in. Sign in with your password and link it from "
                    + "your account page.",
            "sso-refused", "Single sign-on did not sign you in: the account is inactive, locked for a while after "
                    + "repeated failures, or has no active organization.",
            "sso-failed", "Single sign-on failed or was cancelled. Try again, or sign in with your password.",
            "throttled", "Too many failed sign-ins from this address. Try again later.",
            "password-changed", "Your password has been changed. Sign in with the new one.",
            "invitation-accepted", "You have joined the organization. Sign in to start.");
    /** The messages above that report success (shown as a notice, not a problem). */
    static final java.util.Set<String> NOTICES = java.util.Set.of("signed-out", "password-changed", "invitation-accepted");
    static final String REFUSED = "The email or password is incorrect, the account is locked for a while after "
            + "repeated failures, or it has no active organization.";

    record Provider(String id, String name) {
    }

    private final SignIn signIn;
    private final WebSessions sessions;
    private final LinkedAccounts linkedAccounts;
    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final Clock clock;

    WebLoginController(SignIn signIn, WebSessions sessions, LinkedAccounts linkedAccounts,
            ObjectProvider<ClientRegistrationRepository> registrations, Clock clock) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.linkedAccounts = linkedAccounts;
        this.registrations = registrations;
        this.clock = clock;
    }

    @GetMapping("/login")
    String page(@RequestParam(name = "m", required = false) String message, Model model) {
        model.addAttribute("providers", providers(registrations));
        if (message != null && MESSAGES.containsKey(message)) {
            model.addAttribute(NOTICES.contains(message) ? "notice" : "problem", MESSAGES.get(message));
        }
        return "login";
    }

    @PostMapping("/login")
    String signIn(@RequestParam(required = false) String email, @RequestParam(required = false) String password,
            @RequestParam(required = false) String organizationId, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("providers", providers(registrations));
        model.addAttribute("email", email == null ? "" : email.length() > 254 ? "" : email);
        Map<String, String> errors = new LinkedHashMap<>();
        if (email == null || email.isBlank()) {
            errors.put("email", "Enter your email address.");
        } else if (email.length() > 254) {
            errors.put("email", "This email address is too long.");
        }
        if (password == null || password.isEmpty()) {
            errors.put("password", "Enter your password.");
        } else if (password.length() > 128) {
            errors.put("password", "This password is too long.");
        }
        String organization = organizationId == null || organizationId.isBlank() ? null : organizationId.trim();
        if (organization != null && organization.length() > 40) {
            errors.put("organizationId", "This organization id is too long.");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "login";
        }
        SignIn.Outcome outcome = signIn.withPassword(email, password, organization, AuthController.client(request),
                SignIn.Delivery.SESSION);
        if (outcome instanceof SignIn.Outcome.SignedIn signedIn) {
            sessions.signIn(signedIn.membership(), request, response);
            return "redirect:/";
        }
        if (outcome instanceof SignIn.Outcome.SecondFactorRequired challenge) {
            sessions.awaitSecondFactor(new WebSessions.PendingSignIn(challenge.ticket(), SignIn.FirstFactor.PASSWORD,
                    null, null, null), request, response);
            return "redirect:/login/mfa";
        }
        return refused(outcome, REFUSED, model, response, "login");
    }

    @GetMapping("/login/mfa")
    String secondFactorPage(HttpServletRequest request) {
        return sessions.pendingSignIn(request).isPresent() ? "login-mfa" : "redirect:/login?m=expired";
    }

    @PostMapping("/login/mfa")
    String secondFactor(@RequestParam(required = false) String code, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        var pending = sessions.pendingSignIn(request);
        if (pending.isEmpty()) {
            return "redirect:/login?m=expired";
        }
        String trimmed = code == null ? "" : code.trim();
        if (trimmed.isEmpty() || trimmed.length() > 20) {
            model.addAttribute("errors", Map.of("code", trimmed.isEmpty() ? "Enter the code from your authenticator app "
                    + "or one of your backup codes." : "This code is too long."));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "login-mfa";
        }
        SignIn.Outcome outcome = signIn.withSecondFactor(pending.get().ticket(), trimmed, AuthController.client(request),
                pending.get().firstFactor(), SignIn.Delivery.SESSION);
        if (outcome instanceof SignIn.Outcome.SignedIn signedIn) {
            if (pending.get().issuer() != null) {
                linkedAccounts.recordSignIn(signedIn.userId(), pending.get().issuer(), pending.get().subject());
            }
            sessions.signIn(signedIn.membership(), request, response);
            return "redirect:/";
        }
        if (outcome instanceof SignIn.Outcome.Refused refused && "TICKET_INVALID".equals(refused.reason())) {
            sessions.forgetPendingSignIn(request);
            return "redirect:/login?m=expired";
        }
        return refused(outcome, "The code is wrong or was already used, or the account is locked for a while after "
                + "repeated failures.", model, response, "login-mfa");
    }

    private String refused(SignIn.Outcome outcome, String detail, Model model, HttpServletResponse response,
            String view) {
        if (outcome instanceof SignIn.Outcome.Throttled throttled) {
            long seconds = Math.max(1, Duration.between(clock.instant(), throttled.until()).toSeconds());
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(seconds));
            model.addAttribute("problem", "Too many failed sign-ins from this address. Try again in "
                    + Math.max(1, (seconds + 59) / 60) + " minutes.");
            return view;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        model.addAttribute("problem", detail);
        return view;
    }

    /** The configured OpenID Connect providers, for the sign-in buttons; none unless configured. */
    static List<Provider> providers(ObjectProvider<ClientRegistrationRepository> registrations) {
        List<Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object each : all) {
                ClientRegistration registration = (ClientRegistration) each;
                providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
            }
        }
        return providers;
    }
}
