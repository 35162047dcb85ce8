package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.identity.Caller;

/**
 * TOTP enrolment in the web UI ({@link MultiFactor}, as the API's): start (a new secret, shown as
 * a QR code and as text), confirm with a code, then see the backup codes once. A member of an
 * organization that requires MFA is sent here until enrolled ({@link WebSessionGuard}).
 */
@org.vigil.shared.web.WebPage
class WebMfaEnrolmentController {

    private final MultiFactor multiFactor;
    private final Profiles profiles;

    WebMfaEnrolmentController(MultiFactor multiFactor, Profiles profiles) {
        this.multiFactor = multiFactor;
        this.profiles = profiles;
    }

    @GetMapping("/mfa/enrolment")
    String page(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("enabled", profiles.of(caller.userId()).mfaEnabled());
        return "mfa-enrolment";
    }

    @PostMapping("/mfa/enrolment")
    String begin(@AuthenticationPrincipal Caller caller, Model model) {
        Optional<MultiFactor.Enrolment> enrolment = multiFactor.begin(caller.userId());
        if (enrolment.isEmpty()) {
            model.addAttribute("enabled", true);
            return "mfa-enrolment";
        }
        model.addAttribute("enabled", false);
        model.addAttribute("enrolment", enrolment.get());
        return "mfa-enrolment";
    }

    @PostMapping("/mfa/enrolment/confirm")
    String confirm(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String code, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        String trimmed = code == null ? "" : code.trim();
        Optional<List<String>> backupCodes = trimmed.isEmpty() || trimmed.length() > 20 ? Optional.empty()
                : multiFactor.confirm(caller.userId(), trimmed, AuthController.client(request));
        model.addAttribute("enabled", backupCodes.isPresent());
        if (backupCodes.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", "The code did not match (check the device's clock), or no enrolment was "
                    + "started. Start again.");
            return "mfa-enrolment";
        }
        model.addAttribute("backupCodes", backupCodes.get());
        return "mfa-enrolment";
    }
}
