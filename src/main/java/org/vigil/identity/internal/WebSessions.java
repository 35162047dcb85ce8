package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;
import org.vigil.identity.Caller;
import org.vigil.identity.CallerAuthentication;
import org.vigil.tenancy.ActiveMembership;

/**
 * The web UI's server-side session: who is signed in (a {@link CallerAuthentication} in the
 * session's security context), a sign-in waiting for its second factor, and an account link in
 * progress. The session itself is the servlet container's (cookie {@code VIGIL_SESSION}); every
 * change of who is signed in gets a new session id and a new CSRF token.
 */
@Component
class WebSessions {

    /** How long a started account link may take at the provider. */
    static final Duration LINK_INTENT_LIFETIME = Duration.ofMinutes(10);

    private static final String PENDING_SIGN_IN = WebSessions.class.getName() + ".PENDING_SIGN_IN";
    private static final String LINK_INTENT = WebSessions.class.getName() + ".LINK_INTENT";
    private static final String SIGNED_IN_AT = WebSessions.class.getName() + ".SIGNED_IN_AT";

    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final CsrfTokenRepository csrfTokens = new SessionCsrfTokens();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final java.time.Clock clock;

    WebSessions(java.time.Clock clock) {
        this.clock = clock;
    }

    /**
     * The first factor was right; the second is still to come. The ticket never leaves the server.
     * {@code issuer} and {@code subject} name the OpenID Connect identity for a single sign-on, else null.
     */
    record PendingSignIn(String ticket, SignIn.FirstFactor firstFactor, String registrationId, String issuer,
            String subject) implements Serializable {
    }

    /** A signed-in user asked to link an identity of this provider to their account. */
    record LinkIntent(String userId, String registrationId, Instant startedAt) implements Serializable {
    }

    HttpSessionSecurityContextRepository contextRepository() {
        return contexts;
    }

    CsrfTokenRepository csrfTokenRepository() {
        return csrfTokens;
    }

    /**
     * Signs the member in: a new session id (so an id planted before sign-in is worthless), a new
     * CSRF token, and the caller kept in the session.
     */
    void signIn(ActiveMembership membership, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(true);
        session.removeAttribute(PENDING_SIGN_IN);
        session.removeAttribute(LINK_INTENT);
        session.setAttribute(SIGNED_IN_AT, clock.instant());
        request.changeSessionId();
        csrfTokens.saveToken(null, request, response);
        actAs(membership, request, response);
    }

    /** When the session's user signed in (a password changed since then ends the session). */
    Optional<Instant> signedInAt(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : (Instant) session.getAttribute(SIGNED_IN_AT));
    }

    /** Keeps the member (user and organization) as the session's caller, e.g. after switching organization. */
    void actAs(ActiveMembership membership, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication(membership));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    static CallerAuthentication authentication(ActiveMembership membership) {
        return new CallerAuthentication(new Caller(membership.userId(), membership.organizationId(), membership.role(),
                membership.permissions()), null);
    }

    /** The caller kept in the session, whatever this request's security context says. */
    Optional<Caller> storedCaller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object stored = session == null ? null
                : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (stored instanceof SecurityContext context && context.getAuthentication() instanceof CallerAuthentication caller) {
            return Optional.of(caller.caller());
        }
        return Optional.empty();
    }

    /** Ends the session: nothing of it can be used again. */
    void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        holder.clearContext();
    }

    /** Forgets who was signed in (a new sign-in attempt replaces the old one), keeping the session. */
    void signOutQuietly(HttpServletRequest request, HttpServletResponse response) {
        holder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            session.removeAttribute(PENDING_SIGN_IN);
        }
    }

    void awaitSecondFactor(PendingSignIn pending, HttpServletRequest request, HttpServletResponse response) {
        signOutQuietly(request, response);
        request.getSession(true).setAttribute(PENDING_SIGN_IN, pending);
        request.changeSessionId();
    }

    Optional<PendingSignIn> pendingSignIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : (PendingSignIn) session.getAttribute(PENDING_SIGN_IN));
    }

    void forgetPendingSignIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING_SIGN_IN);
        }
    }

    void startLink(LinkIntent intent, HttpServletRequest request) {
        request.getSession(true).setAttribute(LINK_INTENT, intent);
    }

    /** The link in progress, removed from the session (it is good for one callback only). */
    Optional<LinkIntent> takeLinkIntent(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        LinkIntent intent = (LinkIntent) session.getAttribute(LINK_INTENT);
        session.removeAttribute(LINK_INTENT);
        return Optional.ofNullable(intent);
    }

    /**
     * CSRF tokens kept in the session (form field {@code _csrf}, header {@code X-CSRF-TOKEN}). A
     * state-changing request that arrives without a session is refused by the CSRF check anyway;
     * the token generated to compare against is then not stored, so a refused request (a forged
     * cross-site post, say) leaves no session behind.
     */
    private static final class SessionCsrfTokens implements CsrfTokenRepository {

        private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");
        private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

        @Override
        public CsrfToken generateToken(HttpServletRequest request) {
            return sessions.generateToken(request);
        }

        @Override
        public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
            if (token != null && request.getSession(false) == null && !SAFE_METHODS.contains(request.getMethod())) {
                return;
            }
            sessions.saveToken(token, request, response);
        }

        @Override
        public CsrfToken loadToken(HttpServletRequest request) {
            return sessions.loadToken(request);
        }
    }
}
