package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Caller;
import org.vigil.identity.AccountEvent;
import org.vigil.shared.web.ApiProblem;
import org.vigil.tenancy.ActiveMembership;
import org.vigil.tenancy.MembershipDirectory;

/** Sign-in for API clients: password → access token (15 min) + rotating refresh token. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final SignIn signIn;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final MembershipDirectory memberships;
    private final ApplicationEventPublisher events;

    AuthController(SignIn signIn, RefreshTokens refreshTokens, AccessTokens accessTokens,
            MembershipDirectory memberships, ApplicationEventPublisher events) {
        this.signIn = signIn;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.memberships = memberships;
        this.events = events;
    }

    record LoginRequest(@NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password,
            @Size(max = 40) String organizationId) {
    }

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    /** An organization the user may act in; {@code mfaEnrolmentRequired}: it requires MFA and the user has none yet. */
    record OrganizationView(String id, String name, String role, boolean mfaEnrolmentRequired) {
        static OrganizationView of(ActiveMembership membership) {
            return new OrganizationView(membership.organizationId(), membership.organizationName(),
                    membership.role().name(), membership.mfaEnrolmentRequired());
        }
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
            OrganizationView organization, List<OrganizationView> organizations) {
    }

    record MeResponse(String userId, OrganizationView organization, List<String> permissions) {
    }

    /** The password was right and the account has MFA: send the code with this ticket to /mfa/verify. */
    record SecondFactorChallenge(boolean mfaRequired, String mfaTicket, long expiresIn) {
    }

    @PostMapping("/login")
    Object login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        SignIn.Outcome outcome = signIn.withPassword(request.email(), request.password(), request.organizationId(), client(http));
        if (outcome instanceof SignIn.Outcome.Throttled throttled) {
            throw tooMany(throttled);
        }
        if (outcome instanceof SignIn.Outcome.SecondFactorRequired challenge) {
            return new SecondFactorChallenge(true, challenge.ticket(), AccessTokens.MFA_TICKET_LIFETIME.toSeconds());
        }
        if (outcome instanceof SignIn.Outcome.SignedIn signedIn) {
            return tokens(signedIn);
        }
        throw ApiProblem.unauthorized("Sign-in failed",
                "The email or password is incorrect, the account is locked for a while after repeated failures, "
                        + "or it has no active organization.");
    }

    static ApiProblem tooMany(SignIn.Outcome.Throttled throttled) {
        return ApiProblem.tooManyRequests("Too many failed sign-ins from this address; try again later.",
                java.time.Duration.between(java.time.Instant.now(), throttled.until()).toSeconds());
    }

    static TokenResponse tokens(SignIn.Outcome.SignedIn signedIn) {
        return new TokenResponse(signedIn.accessToken().value(), "Bearer", signedIn.accessToken().expiresInSeconds(),
                signedIn.refreshToken(), OrganizationView.of(signedIn.membership()),
                signedIn.memberships().stream().map(OrganizationView::of).toList());
    }

    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(request.refreshToken());
        SignIn.Client client = client(http);
        if (rotation instanceof RefreshTokens.Rotation.Rotated rotated) {
            var membership = memberships.find(rotated.userId(), rotated.organizationId());
            if (membership.isPresent()) {
                events.publishEvent(new AccountEvent("TOKEN_REFRESHED", true, rotated.userId(), rotated.organizationId(),
                        null, client.ipAddress(), client.userAgent()));
                var access = accessTokens.issue(rotated.userId(), rotated.organizationId(), rotated.sessionId());
                return new TokenResponse(access.value(), "Bearer", access.expiresInSeconds(), rotated.newToken(),
                        OrganizationView.of(membership.get()), memberships.forUser(rotated.userId()).stream()
                        .map(OrganizationView::of).toList());
            }
            refreshTokens.revoke(rotated.newToken());
            events.publishEvent(new AccountEvent("TOKEN_REFRESH_REFUSED", false, rotated.userId(), null,
                    "NO_ACTIVE_MEMBERSHIP", client.ipAddress(), client.userAgent()));
        } else if (rotation instanceof RefreshTokens.Rotation.Refused refused) {
            String action = "REUSED".equals(refused.reason()) ? "REFRESH_TOKEN_REUSE" : "TOKEN_REFRESH_REFUSED";
            events.publishEvent(new AccountEvent(action, false, refused.userId(), null, refused.reason(),
                    client.ipAddress(), client.userAgent()));
        }
        throw ApiProblem.unauthorized("Refresh refused",
                "The refresh token is unknown, expired, revoked or was already used. Sign in again.");
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        SignIn.Client client = client(http);
        refreshTokens.revoke(request.refreshToken()).ifPresent(userId -> events.publishEvent(
                new AccountEvent("LOGOUT", true, userId, null, null, client.ipAddress(), client.userAgent())));
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    record SwitchRequest(@NotBlank @Size(max = 40) String organizationId) {
    }

    /** Acts in another organization the user belongs to: a new token pair for it. */
    @PostMapping("/switch-organization")
    TokenResponse switchOrganization(@AuthenticationPrincipal Caller caller, @Valid @RequestBody SwitchRequest request,
            HttpServletRequest http) {
        ActiveMembership membership = memberships.find(caller.userId(), request.organizationId())
                .orElseThrow(() -> ApiProblem.notFound("organization you are an active member of"));
        SignIn.Client client = client(http);
        events.publishEvent(new AccountEvent("ORGANIZATION_SWITCHED", true, caller.userId(), membership.organizationId(),
                "FROM_" + caller.organizationId(), client.ipAddress(), client.userAgent()));
        RefreshTokens.Issued session = refreshTokens.issue(caller.userId(), membership.organizationId());
        var access = accessTokens.issue(caller.userId(), membership.organizationId(), session.sessionId());
        return new TokenResponse(access.value(), "Bearer", access.expiresInSeconds(),
                session.token(), OrganizationView.of(membership),
                memberships.forUser(caller.userId()).stream().map(OrganizationView::of).toList());
    }

    @GetMapping("/me")
    MeResponse me(@AuthenticationPrincipal Caller caller) {
        ActiveMembership membership = memberships.find(caller.userId(), caller.organizationId()).orElseThrow();
        return new MeResponse(caller.userId(), OrganizationView.of(membership),
                caller.permissions().stream().map(Enum::name).sorted().toList());
    }

    static SignIn.Client client(HttpServletRequest http) {
        String agent = http.getHeader("User-Agent");
        return new SignIn.Client(http.getRemoteAddr(), agent == null ? null : agent.substring(0, Math.min(agent.length(), 300)));
    }
}
