package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Forgotten password: request a reset link by email, then set a new password with its token. */
@RestController
@RequestMapping("/api/v1/auth/password-reset")
class PasswordResetController {

    private final PasswordReset reset;

    PasswordResetController(PasswordReset reset) {
        this.reset = reset;
    }

    record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    record ResetConfirmation(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 1000) String newPassword) {
    }

    record FieldViolation(String field, String code, String message) {
    }

    @PostMapping
    ResponseEntity<Map<String, String>> request(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
        reset.request(request.email(), AuthController.client(http));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message",
                "If an account exists for that email, a link to reset its password has been sent. It is valid for one hour."));
    }

    @PostMapping("/confirm")
    ResponseEntity<?> confirm(@Valid @RequestBody ResetConfirmation confirmation, HttpServletRequest http) {
        PasswordReset.Completion completion = reset.complete(confirmation.token(), confirmation.newPassword(),
                AuthController.client(http));
        if (completion instanceof PasswordReset.Completion.Done) {
            return ResponseEntity.noContent().build();
        }
        if (completion instanceof PasswordReset.Completion.WeakPassword weak) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The new password does not meet the password policy; see 'errors'.");
            problem.setTitle("Password not accepted");
            problem.setProperty("errors", weak.violations().stream()
                    .map(v -> new FieldViolation("newPassword", v.code(), v.message())).toList());
            return ResponseEntity.badRequest().body(problem);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The reset link is invalid, was already used, or has expired. Ask for a new one.");
        problem.setTitle("Reset link not valid");
        return ResponseEntity.badRequest().body(problem);
    }
}
