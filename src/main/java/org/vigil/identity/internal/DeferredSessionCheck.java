package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.vigil.identity.Caller;
import org.vigil.identity.CallerAuthentication;
import org.vigil.shared.web.Problems;
import org.vigil.tenancy.ActiveMembership;
import org.vigil.tenancy.CallerRefused;
import org.vigil.tenancy.LiveSession;
import org.vigil.tenancy.MembershipDirectory;
import org.vigil.tenancy.Permission;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API request is checked live — the user an active member of the active organization, the
 * session not ended — and for almost all of them that costs a statement before the handler runs.
 * For {@code POST /api/v1/observations} (readings, sent one per request by devices and apps, many
 * per second) the check is made by the first statement of the request's own transaction instead,
 * the one that scopes it to the organization ({@code TenantScope} with a {@link LiveSession}); a
 * burst of single readings stored together then pays one check, not one per reading.
 *
 * <p>How it holds:
 * <ul>
 * <li>The first such request of a session is checked before its handler, as any other; the
 *     membership it found (role, permissions) is remembered for that session (only for this
 *     endpoint: other requests remember nothing).</li>
 * <li>A later request of the session is let through to its handler with that membership, marked
 *     unconfirmed, only if it carries the endpoint's permission; the handler's transaction confirms
 *     it before anything else runs, and refuses it (401, or 403 if the permission was withdrawn)
 *     with nothing stored when it does not hold. A membership remembered stale can therefore
 *     never grant anything: it only decides whether the check may wait for the transaction.</li>
 * <li>A request that fails before reaching its transaction (an unreadable body, a batch too
 *     large) is checked here, before its error is answered, so an ended session is answered 401
 *     and learns nothing else ({@link #resolveException}).</li>
 * </ul>
 * Logout, revocation and deactivation therefore end access at once, as before.
 */
@Component
class DeferredSessionCheck implements HandlerExceptionResolver, Ordered {

    /** The endpoint whose check waits for its transaction, and the permission its handler requires. */
    static final RequestMatcher ENDPOINT = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/api/v1/observations");
    static final Permission REQUIRED = Permission.OBSERVATION_WRITE;

    /** Sessions remembered at most; when full, all are forgotten (each costs one check before its handler again). */
    private static final int CAPACITY = 10_000;

    private record SessionKey(String userId, String organizationId, String sessionId) {
    }

    private final MembershipDirectory memberships;
    private final JsonMapper json;
    private final Map<SessionKey, ActiveMembership> lastConfirmed = new ConcurrentHashMap<>();
    private final AtomicLong deferred = new AtomicLong();

    DeferredSessionCheck(MembershipDirectory memberships, JsonMapper json) {
        this.memberships = memberships;
        this.json = json;
    }

    /** The caller of a request to {@link #ENDPOINT}: unconfirmed when the session's last answer allows, else checked now. */
    CallerAuthentication authenticate(Jwt token) {
        String userId = token.getSubject();
        String organizationId = token.getClaimAsString("org");
        String sessionId = token.getClaimAsString(AccessTokens.SESSION_CLAIM);
        if (userId == null || organizationId == null || sessionId == null) {
            return checkedNow(token);
        }
        SessionKey key = new SessionKey(userId, organizationId, sessionId);
        ActiveMembership known = lastConfirmed.get(key);
        if (known != null && known.permissions().contains(REQUIRED)) {
            deferred.incrementAndGet();
            return new CallerAuthentication(new Caller(userId, organizationId, known.role(), known.permissions(),
                    new LiveSession(userId, organizationId, sessionId, REQUIRED)), token.getTokenValue());
        }
        ActiveMembership now;
        try {
            now = liveMembership(token);
        } catch (InvalidBearerTokenException ended) {
            lastConfirmed.remove(key);
            throw ended;
        }
        if (lastConfirmed.size() >= CAPACITY) {
            lastConfirmed.clear();
        }
        lastConfirmed.put(key, now);
        return caller(now, token);
    }

    /** Every other request's check, before its handler ({@link ApiSecurityConfiguration}). */
    CallerAuthentication checkedNow(Jwt token) {
        return caller(liveMembership(token), token);
    }

    private ActiveMembership liveMembership(Jwt token) {
        return memberships.findInLiveSession(token.getSubject(), token.getClaimAsString("org"),
                token.getClaimAsString(AccessTokens.SESSION_CLAIM)).orElseThrow(() -> new InvalidBearerTokenException(
                        "The token's session has ended, or its user is no longer an active member of an active organization"));
    }

    private static CallerAuthentication caller(ActiveMembership m, Jwt token) {
        return new CallerAuthentication(new Caller(m.userId(), m.organizationId(), m.role(), m.permissions()),
                token.getTokenValue());
    }

    /**
     * Before any error of a request whose check waits for its transaction is answered: the
     * transaction's refusal becomes 401 or 403; any other error (the transaction not reached, or
     * the request refused for its content) is answered only once the session is confirmed here.
     */
    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof CallerAuthentication ca) || ca.caller().unconfirmed() == null) {
            return null;
        }
        LiveSession session = ca.caller().unconfirmed();
        boolean sessionEnded;
        if (ex instanceof CallerRefused refused) {
            sessionEnded = refused.sessionEnded();
        } else {
            Optional<ActiveMembership> now = memberships.findInLiveSession(session.userId(), session.organizationId(),
                    session.sessionId());
            if (now.isPresent() && now.get().permissions().contains(session.required())) {
                return null; // confirmed: the error is answered as usual
            }
            sessionEnded = now.isEmpty();
        }
        if (sessionEnded) {
            lastConfirmed.remove(new SessionKey(session.userId(), session.organizationId(), session.sessionId()));
        }
        write(response, sessionEnded ? Problems.unauthenticated() : Problems.forbidden());
        return new ModelAndView();
    }

    private void write(HttpServletResponse response, ProblemDetail problem) {
        try {
            response.resetBuffer();
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Before Spring MVC's own resolvers (the problem handler), after none that answers. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    /** Requests let through to their handler unconfirmed so far (for tests). */
    long deferredCount() {
        return deferred.get();
    }
}
