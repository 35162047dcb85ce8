package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Caller;
import org.vigil.shared.web.ApiProblem;

/** TOTP enrolment (secret, otpauth URI, QR code), confirmation, verification at sign-in, disabling. */
@RestController
@RequestMapping("/api/v1/auth/mfa")
class MfaController {

    private final MultiFactor multiFactor;
    private final SignIn signIn;

    MfaController(MultiFactor multiFactor, SignIn signIn) {
        this.multiFactor = multiFactor;
        this.signIn = signIn;
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
        SignIn.Outcome outcome = signIn.withSecondFactor(request.mfaTicket(), request.code(), AuthController.client(http),
                SignIn.FirstFactor.PASSWORD, SignIn.Delivery.TOKENS);
        if (outcome instanceof SignIn.Outcome.Throttled throttled) {
            throw AuthController.tooMany(throttled);
        }
        if (outcome instanceof SignIn.Outcome.SignedIn signedIn) {
            return AuthController.tokens(signedIn);
        }
        if (outcome instanceof SignIn.Outcome.Refused refused && "TICKET_INVALID".equals(refused.reason())) {
            throw ApiProblem.unauthorized("Sign-in expired", "The sign-in ticket is invalid or expired. Sign in again.");
        }
        throw ApiProblem.unauthorized("Code not accepted",
                "The code is wrong or was already used, or the account is locked for a while after repeated failures.");
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
