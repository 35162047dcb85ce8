package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.shared.web.WebPage;

/**
 * The signed-out password reset pages, through {@link PasswordReset} exactly as the API's
 * ({@code /api/v1/auth/password-reset}): asking for a link answers the same whether or not the
 * address has an account; the link ({@code /password-reset/confirm?token=…}) sets a new password,
 * with the policy's messages next to the field. The token travels in a hidden field and is never logged.
 */
@WebPage
class WebPasswordResetController {

    static final String SENT = "If an account exists for that email, a link to reset its password has been sent. "
            + "It is valid for one hour.";
    static final String INVALID_LINK = "The reset link is invalid, was already used, or has expired. Ask for a new one.";

    private final PasswordReset reset;

    WebPasswordResetController(PasswordReset reset) {
        this.reset = reset;
    }

    @GetMapping("/password-reset")
    String page() {
        return "password-reset";
    }

    @PostMapping("/password-reset")
    String request(@RequestParam(required = false) String email, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        String trimmed = email == null ? "" : email.trim();
        String error = trimmed.isEmpty() ? "Enter your email address."
                : trimmed.length() > 254 ? "This email address is too long."
                : !trimmed.matches("[^@\\s]+@[^@\\s]+") ? "Enter an email address such as name@clinic.org." : null;
        if (error != null) {
            model.addAttribute("email", trimmed.length() > 254 ? "" : trimmed);
            model.addAttribute("errors", Map.of("email", error));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "password-reset";
        }
        reset.request(trimmed, AuthController.client(request));
        model.addAttribute("notice", SENT);
        return "password-reset";
    }

    @GetMapping("/password-reset/confirm")
    String confirmPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        if (!plausible(token)) {
            return invalidLink(model, response);
        }
        model.addAttribute("token", token);
        return "password-reset-confirm";
    }

    @PostMapping("/password-reset/confirm")
    String confirm(@RequestParam(required = false) String token, @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String confirmPassword, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (!plausible(token)) {
            return invalidLink(model, response);
        }
        model.addAttribute("token", token);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (newPassword == null || newPassword.isEmpty()) {
            errors.put("newPassword", List.of("Enter a new password."));
        } else if (newPassword.length() > 1000) {
            errors.put("newPassword", List.of("Password must be at most " + PasswordPolicy.MAX_LENGTH + " characters long."));
        } else if (!newPassword.equals(confirmPassword)) {
            errors.put("confirmPassword", List.of("The two passwords are not the same."));
        }
        if (errors.isEmpty()) {
            PasswordReset.Completion completion = reset.complete(token, newPassword, AuthController.client(request));
            if (completion instanceof PasswordReset.Completion.Done) {
                return "redirect:/login?m=password-changed";
            }
            if (completion instanceof PasswordReset.Completion.InvalidToken) {
                return invalidLink(model, response);
            }
            if (completion instanceof PasswordReset.Completion.WeakPassword weak) {
                errors.put("newPassword", weak.violations().stream().map(PasswordViolation::message).toList());
            }
        }
        model.addAttribute("errors", errors);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "password-reset-confirm";
    }

    private static String invalidLink(Model model, HttpServletResponse response) {
        model.addAttribute("problem", INVALID_LINK);
        model.addAttribute("token", null);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "password-reset-confirm";
    }

    /** A token as Vigil issues them (URL-safe base64); anything else is not looked up. */
    static boolean plausible(String token) {
        return token != null && token.length() >= 16 && token.length() <= 100 && token.matches("[A-Za-z0-9_-]+");
    }
}
