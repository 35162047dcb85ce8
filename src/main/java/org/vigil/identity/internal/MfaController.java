package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Caller;
import org.vigil.identity.AccountEvent;
import org.vigil.shared.web.ApiProblem;
import org.vigil.tenancy.ActiveMembership;
import org.vigil.tenancy.MembershipDirectory;

/** TOTP enrolment (secret, otpauth URI, QR code), confirmation, verification at sign-in, disabling. */
@RestController
@RequestMapping("/api/v1/auth/mfa")
class MfaController {

    private final MultiFactor multiFactor;
    private final AccessTokens accessTokens;
    private final SignIn signIn;
    private final MembershipDirectory memberships;
    private final ApplicationEventPublisher events;

    MfaController(MultiFactor multiFactor, AccessTokens accessTokens, SignIn signIn, MembershipDirectory memberships,
            ApplicationEventPublisher events) {
        this.multiFactor = multiFactor;
        this.accessTokens = accessTokens;
        this.signIn = signIn;
        this.memberships = memberships;
        this.events = events;
    }

    record CodeRequest(@NotBlank @Size(max = 20) String code) {
    }

    record VerifyRequest(@NotBlank @Size(max = 2000) String mfaTicket, @NotBlank @Size(max = 20) String code) {
    }

    record DisableRequest(@NotBlank @Size(max = 128) String password, @NotBlank @Size(max = 20) String code) {
    }

    record BackupCodesResponse(List<String> backupCodes) {
    }

    @PostMapping("/enrolment")
    MultiFactor.Enrolment begin(@AuthenticationPrincipal Caller caller) {
        return multiFactor.begin(caller.userId()).orElseThrow(() -> ApiProblem.conflict("MFA already enabled",
                "Multi-factor authentication is already on for this account; disable it first to enrol a new device."));
    }

    @PostMapping("/enrolment/confirm")
    ResponseEntity<?> confirm(@AuthenticationPrincipal Caller caller, @Valid @RequestBody CodeRequest request,
            HttpServletRequest http) {
        Optional<List<String>> codes = multiFactor.confirm(caller.userId(), request.code(), AuthController.client(http));
        if (codes.isPresent()) {
            return ResponseEntity.ok(new BackupCodesResponse(codes.get()));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The code does not match the pending enrolment (check the device's clock), or no enrolment is pending.");
        problem.setTitle("Code not accepted");
        return ResponseEntity.badRequest().body(problem);
    }

    @PostMapping("/verify")
    AuthController.TokenResponse verify(@Valid @RequestBody VerifyRequest request, HttpServletRequest http) {
        SignIn.Client client = AuthController.client(http);
        signIn.throttled(client).ifPresent(throttled -> {
            throw AuthController.tooMany((SignIn.Outcome.Throttled) throttled);
        });
        Optional<String[]> ticket = accessTokens.readSecondFactorTicket(request.mfaTicket());
        if (ticket.isEmpty()) {
            throw ApiProblem.unauthorized("Sign-in expired", "The sign-in ticket is invalid or expired. Sign in again.");
        }
        String userId = ticket.get()[0];
        String organizationId = ticket.get()[1];
        Optional<ActiveMembership> membership = memberships.find(userId, organizationId);
        if (membership.isEmpty() || signIn.isLocked(userId) || !multiFactor.verify(userId, request.code())) {
            signIn.recordFailure(userId, client);
            events.publishEvent(new AccountEvent("MFA_FAILURE", false, userId, null, "BAD_CODE", client.ipAddress(),
                    client.userAgent()));
            throw ApiProblem.unauthorized("Code not accepted",
                    "The code is wrong or was already used, or the account is locked for a while after repeated failures.");
        }
        return AuthController.tokens((SignIn.Outcome.SignedIn) signIn.complete(userId, membership.get(),
                memberships.forUser(userId), client, true));
    }

    @PostMapping("/disable")
    ResponseEntity<Void> disable(@AuthenticationPrincipal Caller caller, @Valid @RequestBody DisableRequest request,
            HttpServletRequest http) {
        if (!multiFactor.disable(caller.userId(), request.password(), request.code(), AuthController.client(http))) {
            throw ApiProblem.unauthorized("Re-authentication failed", "The password or the code is wrong.");
        }
        return ResponseEntity.noContent().build();
    }
}
