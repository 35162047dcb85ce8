package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.vigil.identity.Caller;
import org.vigil.tenancy.ActiveMembership;
import org.vigil.tenancy.MembershipDirectory;

/**
 * What happens once an OpenID Connect provider has authenticated someone (Spring Security has
 * checked the ID token's signature, issuer, audience, expiry and nonce, and the state of the
 * request): either a signed-in user links that identity to their account, or the identity signs in
 * the user it is linked to.
 * <p>
 * An identity signs in <em>only</em> the user who linked it while signed in. Vigil never links by
 * matching the provider's email to an account's email: whoever controls an identity at some
 * provider with that email address (a misconfigured or multi-tenant provider, a recycled mailbox,
 * an unverified email claim) would otherwise take over the Vigil account, MFA included.
 * <p>
 * The sign-in itself is {@link SignIn}'s: the account must be active, not locked and an active
 * member somewhere, and an account with MFA still needs its second factor.
 */
@Component
class SingleSignOn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final SignIn signIn;
    private final LinkedAccounts linkedAccounts;
    private final WebSessions sessions;
    private final MembershipDirectory memberships;
    private final Clock clock;

    SingleSignOn(SignIn signIn, LinkedAccounts linkedAccounts, WebSessions sessions, MembershipDirectory memberships,
            Clock clock) {
        this.signIn = signIn;
        this.linkedAccounts = linkedAccounts;
        this.sessions = sessions;
        this.memberships = memberships;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        SignIn.Client client = AuthController.client(request);
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        String registrationId = token.getAuthorizedClientRegistrationId();
        Optional<WebSessions.LinkIntent> intent = sessions.takeLinkIntent(request);
        if (!(token.getPrincipal() instanceof OidcUser user) || user.getIdToken().getIssuer() == null
                || user.getSubject() == null) {
            // A plain OAuth 2.0 provider gives no verified (issuer, subject): not usable here.
            intent.ifPresentOrElse(i -> linkedAccounts.linkFailed(i.userId(), "NOT_OPENID_CONNECT", client),
                    () -> signIn.refuseSingleSignOn(null, "NOT_OPENID_CONNECT", client));
            response.sendRedirect(intent.isPresent() ? "/account?m=link-failed" : "/login?m=sso-failed");
            return;
        }
        String issuer = user.getIdToken().getIssuer().toString();
        String subject = user.getSubject();
        if (intent.isPresent()) {
            link(intent.get(), registrationId, issuer, subject, user.getEmail(), client, request, response);
            return;
        }
        sessions.signOutQuietly(request, response);
        Optional<String> userId = linkedAccounts.userOf(issuer, subject);
        if (userId.isEmpty()) {
            signIn.refuseSingleSignOn(null, "NOT_LINKED", client);
            response.sendRedirect("/login?m=not-linked");
            return;
        }
        SignIn.Outcome outcome = signIn.withLinkedIdentity(userId.get(), registrationId, client);
        if (outcome instanceof SignIn.Outcome.SignedIn signedIn) {
            linkedAccounts.recordSignIn(userId.get(), issuer, subject);
            sessions.signIn(signedIn.membership(), request, response);
            response.sendRedirect("/");
        } else if (outcome instanceof SignIn.Outcome.SecondFactorRequired challenge) {
            sessions.awaitSecondFactor(new WebSessions.PendingSignIn(challenge.ticket(),
                    SignIn.FirstFactor.openIdConnect(registrationId), registrationId, issuer, subject), request, response);
            response.sendRedirect("/login/mfa");
        } else if (outcome instanceof SignIn.Outcome.Throttled) {
            response.sendRedirect("/login?m=throttled");
        } else {
            response.sendRedirect("/login?m=sso-refused");
        }
    }

    private void link(WebSessions.LinkIntent intent, String registrationId, String issuer, String subject, String email,
            SignIn.Client client, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Caller> caller = sessions.storedCaller(request);
        Optional<ActiveMembership> membership = caller.filter(c -> c.userId().equals(intent.userId()))
                .flatMap(c -> memberships.find(c.userId(), c.organizationId()));
        if (membership.isEmpty()) {
            // Signed out (or someone else signed in) while at the provider: nothing is linked.
            linkedAccounts.linkFailed(intent.userId(), "NOT_SIGNED_IN", client);
            response.sendRedirect("/login?m=expired");
            return;
        }
        if (!intent.registrationId().equals(registrationId)
                || intent.startedAt().plus(WebSessions.LINK_INTENT_LIFETIME).isBefore(clock.instant())) {
            linkedAccounts.linkFailed(intent.userId(), "LINK_EXPIRED", client);
            response.sendRedirect("/account?m=link-failed");
            return;
        }
        LinkedAccounts.LinkResult result = linkedAccounts.link(intent.userId(), membership.get().organizationId(),
                registrationId, issuer, subject, email, client);
        response.sendRedirect(switch (result) {
            case LINKED -> "/account?m=linked";
            case ALREADY_LINKED -> "/account?m=already-linked";
            case LINKED_TO_ANOTHER_USER -> "/account?m=linked-elsewhere";
        });
    }

    /** The provider refused, the user cancelled, or the response did not verify (state, nonce, signature…). */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        SignIn.Client client = AuthController.client(request);
        String reason = "PROVIDER_ERROR";
        if (exception instanceof OAuth2AuthenticationException oauth) {
            // OAuth error codes are short fixed tokens; keep only their letters, never free text.
            String code = oauth.getError().getErrorCode().replaceAll("[^A-Za-z_]", "");
            reason = "PROVIDER_ERROR:" + code.substring(0, Math.min(code.length(), 60));
        }
        Optional<WebSessions.LinkIntent> intent = sessions.takeLinkIntent(request);
        if (intent.isPresent()) {
            linkedAccounts.linkFailed(intent.get().userId(), reason, client);
            response.sendRedirect("/account?m=link-failed");
            return;
        }
        signIn.refuseSingleSignOn(null, reason, client);
        response.sendRedirect("/login?m=sso-failed");
    }
}
