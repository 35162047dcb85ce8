package org.vigil.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vigil.identity.AccountEvent;
import org.vigil.identity.CallerAuthentication;
import org.vigil.tenancy.ActiveMembership;
import org.vigil.tenancy.MembershipDirectory;
import org.vigil.tenancy.TenantScope;

/**
 * The web session's counterpart of the API's token check: on every request of a signed-in session
 * the membership is read again ({@link MembershipDirectory}). A deactivated user, membership or
 * organization ends the session at once, and so do an account lock and a password change after
 * the session's sign-in (as they end the API's refresh tokens); otherwise the request runs with
 * the member's current role and permissions. A member of an organization that requires MFA and who has not enrolled
 * may only enrol (or sign out, or switch organization) until they do.
 * <p>
 * Not a bean: it is placed in the web filter chain only, never in the servlet container's chain.
 */
class WebSessionGuard extends OncePerRequestFilter {

    /** Where a member who must enrol in MFA first may still go. */
    private static final Set<String> ENROLMENT_PATHS = Set.of("/mfa/enrolment", "/mfa/enrolment/confirm", "/logout",
            "/session/organization");
    static final String MEMBERSHIP = ActiveMembership.class.getName();

    private final MembershipDirectory memberships;
    private final WebSessions sessions;
    private final ApplicationEventPublisher events;
    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    WebSessionGuard(MembershipDirectory memberships, WebSessions sessions, ApplicationEventPublisher events,
            TenantScope tenantScope, JdbcTemplate jdbc, Clock clock) {
        this.memberships = memberships;
        this.sessions = sessions;
        this.events = events;
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return WebSecurityConfiguration.isStaticAsset(path(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        if (!(authentication instanceof CallerAuthentication stored)) {
            // Only sign-in code puts anything in the session; anything else is not trusted.
            sessions.end(request);
            WebSecurityConfiguration.redirectToLogin(request, response, "session-ended");
            return;
        }
        String userId = stored.caller().userId();
        String organizationId = stored.caller().organizationId();
        Instant signedInAt = sessions.signedInAt(request).orElse(Instant.EPOCH);
        // One transaction: the membership and the account's credential facts.
        Check check = tenantScope.call(organizationId, userId, () -> new Check(memberships.find(userId, organizationId),
                jdbc.queryForMap("SELECT password_changed_at, locked_until FROM users WHERE id = ?", userId)));
        Optional<ActiveMembership> membership = check.membership();
        String ended = membership.isEmpty() ? "NO_ACTIVE_MEMBERSHIP"
                : after(check.account().get("locked_until"), clock.instant()) ? "ACCOUNT_LOCKED"
                : after(check.account().get("password_changed_at"), signedInAt) ? "PASSWORD_CHANGED" : null;
        if (ended != null) {
            SignIn.Client client = AuthController.client(request);
            events.publishEvent(new AccountEvent("SESSION_ENDED", false, userId, organizationId, ended,
                    client.ipAddress(), client.userAgent()));
            sessions.end(request);
            WebSecurityConfiguration.redirectToLogin(request, response, "session-ended");
            return;
        }
        SecurityContext current = holder.createEmptyContext();
        current.setAuthentication(WebSessions.authentication(membership.get()));
        holder.setContext(current); // this request only; the session keeps who, not what they may do
        request.setAttribute(MEMBERSHIP, membership.get());
        if (membership.get().mfaEnrolmentRequired() && !ENROLMENT_PATHS.contains(path(request))) {
            response.sendRedirect("/mfa/enrolment");
            return;
        }
        chain.doFilter(request, response);
    }

    private record Check(Optional<ActiveMembership> membership, Map<String, Object> account) {
    }

    private static boolean after(Object timestamp, Instant instant) {
        return timestamp instanceof Timestamp at && at.toInstant().isAfter(instant);
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
