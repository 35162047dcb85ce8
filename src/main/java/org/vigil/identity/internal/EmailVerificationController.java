package org.vigil.identity.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Caller;
import org.vigil.shared.web.ApiProblem;

/** Confirming the signed-in user's email address by a mailed link. */
@RestController
@RequestMapping("/api/v1/auth/email-verification")
class EmailVerificationController {

    private final EmailVerification verification;

    EmailVerificationController(EmailVerification verification) {
        this.verification = verification;
    }

    record Confirmation(@NotBlank @Size(max = 100) String token) {
    }

    @PostMapping
    ResponseEntity<Map<String, String>> send(@AuthenticationPrincipal Caller caller) {
        if (!verification.send(caller.userId())) {
            throw ApiProblem.conflict("Already verified", "This account's email address is already verified.");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("message", "A confirmation link was sent to your address. It is valid for one hour."));
    }

    @PostMapping("/confirm")
    ResponseEntity<Void> confirm(@Valid @RequestBody Confirmation confirmation) {
        if (!verification.confirm(confirmation.token())) {
            throw ApiProblem.badRequest("Link not valid",
                    "The confirmation link is invalid, was already used, or has expired. Ask for a new one.");
        }
        return ResponseEntity.noContent().build();
    }
}
