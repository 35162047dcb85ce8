package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.WebPage;

/**
 * The signed-out invitation page ({@code /invitations/accept?token=…}), through {@link Invitations}
 * exactly as {@code POST /api/v1/invitations/accept}: someone new sets their name and a password
 * (the policy's messages next to the field); someone who already has an account proves its
 * password. Then on to sign-in. The token travels in a hidden field and is never logged.
 */
@WebPage
class WebInvitationController {

    static final String INVALID_LINK = "The invitation link is invalid, was already used, was withdrawn or has expired. "
            + "Ask the person who invited you for a new one.";

    private final Invitations invitations;
    private final PasswordPolicy policy = new PasswordPolicy();

    WebInvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/invitations/accept")
    String page(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        Optional<Invitations.Preview> preview = WebPasswordResetController.plausible(token) ? invitations.preview(token)
                : Optional.empty();
        if (preview.isEmpty()) {
            return invalid(model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("invitation", preview.get());
        return "invitation";
    }

    @PostMapping("/invitations/accept")
    String accept(@RequestParam(required = false) String token, @RequestParam(required = false) String firstName,
            @RequestParam(required = false) String lastName, @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirmPassword, Model model, HttpServletResponse response) {
        Optional<Invitations.Preview> preview = WebPasswordResetController.plausible(token) ? invitations.preview(token)
                : Optional.empty();
        if (preview.isEmpty()) {
            return invalid(model, response);
        }
        Invitations.Preview invitation = preview.get();
        model.addAttribute("token", token);
        model.addAttribute("invitation", invitation);
        String first = firstName == null ? "" : firstName.trim();
        String last = lastName == null ? "" : lastName.trim();
        model.addAttribute("firstName", first.length() > 100 ? "" : first);
        model.addAttribute("lastName", last.length() > 100 ? "" : last);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (password == null || password.isEmpty()) {
            errors.put("password", List.of(invitation.existingAccount() ? "Enter the password of your account."
                    : "Choose a password."));
        } else if (password.length() > 1000) {
            errors.put("password", List.of("Password must be at most " + PasswordPolicy.MAX_LENGTH + " characters long."));
        }
        if (!invitation.existingAccount()) {
            if (first.isEmpty()) {
                errors.put("firstName", List.of("Enter your first name."));
            } else if (first.length() > 100) {
                errors.put("firstName", List.of("At most 100 characters."));
            }
            if (last.isEmpty()) {
                errors.put("lastName", List.of("Enter your last name."));
            } else if (last.length() > 100) {
                errors.put("lastName", List.of("At most 100 characters."));
            }
            if (!errors.containsKey("password")) {
                List<String> violations = policy.validate(password, invitation.email()).stream()
                        .map(PasswordViolation::message).toList();
                if (!violations.isEmpty()) {
                    errors.put("password", violations);
                } else if (!password.equals(confirmPassword)) {
                    errors.put("confirmPassword", List.of("The two passwords are not the same."));
                }
            }
        }
        if (errors.isEmpty()) {
            try {
                invitations.accept(token, password, invitation.existingAccount() ? null : first,
                        invitation.existingAccount() ? null : last);
                return "redirect:/login?m=invitation-accepted";
            } catch (ApiProblem refused) {
                if (invitations.preview(token).isEmpty()) {
                    return invalid(model, response);
                }
                errors.put("password", List.of(String.valueOf(refused.getBody().getDetail())));
            }
        }
        model.addAttribute("errors", errors);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "invitation";
    }

    private static String invalid(Model model, HttpServletResponse response) {
        model.addAttribute("problem", INVALID_LINK);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "invitation";
    }
}
