package org.vigil.tenancy.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.TenantPrincipal;

/**
 * The organization settings page: the same settings and validation as
 * {@code PUT /api/v1/organization/settings} ({@link SettingsRequest}), each message next to its
 * field, and the same optimistic concurrency: the form carries the version it was read at, and a
 * form based on a version someone else has since replaced is refused, changing nothing.
 */
@WebPage
class WebSettingsPage {

    static final List<String> PROGRAMS = List.of("RPM", "RTM", "CCM", "PCM", "APCM", "BHI");
    static final String STALE = "Someone else changed the settings since you opened this page, so yours were not "
            + "saved. Reload the page to see their change, then make yours again.";

    private final OrganizationSettingsService settings;
    private final Validator validator;

    WebSettingsPage(OrganizationSettingsService settings, Validator validator) {
        this.settings = settings;
        this.validator = validator;
    }

    /** What the form shows: the values (as typed, when refused) and a message per field. */
    record Form(long version, String timeZone, Map<String, String> slaMinutes, Set<String> programs,
            boolean mfaRequired, String logoUrl, String primaryColor) {
    }

    @GetMapping("/admin/settings")
    @PreAuthorize("hasAuthority('ORGANIZATION_SETTINGS_MANAGE')")
    String page(@AuthenticationPrincipal TenantPrincipal caller,
            @RequestParam(name = "m", required = false) String message, Model model) {
        OrganizationSettingsService.Versioned current = settings.read(caller.organizationId(), caller.userId());
        if ("saved".equals(message)) {
            model.addAttribute("notice", "The settings were saved.");
        }
        return render(form(current), Map.of(), null, model);
    }

    @PostMapping("/admin/settings")
    @PreAuthorize("hasAuthority('ORGANIZATION_SETTINGS_MANAGE')")
    String save(@AuthenticationPrincipal TenantPrincipal caller, @RequestParam long version,
            @RequestParam(defaultValue = "") String timeZone,
            @RequestParam Map<String, String> parameters,
            @RequestParam(name = "programs", required = false) List<String> programs,
            @RequestParam(defaultValue = "false") boolean mfaRequired,
            @RequestParam(defaultValue = "") String logoUrl, @RequestParam(defaultValue = "") String primaryColor,
            Model model, HttpServletResponse response) {
        Map<String, String> sla = new LinkedHashMap<>();
        for (String severity : OrganizationSettings.SEVERITIES) {
            sla.put(severity, parameters.getOrDefault("sla" + severity, "").trim());
        }
        Form form = new Form(version, timeZone.trim(), sla, programs == null ? Set.of() : new LinkedHashSet<>(programs),
                mfaRequired, logoUrl.trim(), primaryColor.trim());
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Integer> minutes = new LinkedHashMap<>();
        sla.forEach((severity, text) -> {
            try {
                minutes.put(severity, Integer.valueOf(text));
            } catch (NumberFormatException e) {
                errors.put("sla" + severity, "must be a whole number of minutes");
            }
        });
        SettingsRequest request = new SettingsRequest(form.timeZone(), minutes, List.copyOf(form.programs()),
                mfaRequired, new Branding(form.logoUrl(), form.primaryColor()));
        for (ConstraintViolation<SettingsRequest> violation : validator.validate(request)) {
            errors.putIfAbsent(field(violation.getPropertyPath().toString()), violation.getMessage());
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return render(form, errors, null, model);
        }
        try {
            settings.replace(caller.organizationId(), caller.userId(), version, request.toSettings());
        } catch (ApiProblem problem) {
            if (problem.getStatusCode().value() != 412) {
                throw problem;
            }
            response.setStatus(409);
            return render(form, errors, STALE, model);
        }
        return "redirect:/admin/settings?m=saved";
    }

    /** The form field a validation path names: slaMinutes[HIGH] → slaHIGH, branding.logoUrl → logoUrl. */
    private static String field(String path) {
        for (String severity : OrganizationSettings.SEVERITIES) {
            if (path.startsWith("slaMinutes") && path.contains(severity)) {
                return "sla" + severity;
            }
        }
        if (path.startsWith("slaMinutes")) {
            return "slaLOW";
        }
        if (path.startsWith("billingProgramsOffered")) {
            return "programs";
        }
        return path.startsWith("branding.") ? path.substring("branding.".length()) : path;
    }

    private static Form form(OrganizationSettingsService.Versioned current) {
        OrganizationSettings s = current.settings();
        Map<String, String> sla = new LinkedHashMap<>();
        s.slaMinutes().forEach((severity, minutes) -> sla.put(severity, String.valueOf(minutes)));
        return new Form(current.version(), s.timeZone(), sla, new LinkedHashSet<>(s.billingProgramsOffered()),
                s.mfaRequired(), s.branding().logoUrl() == null ? "" : s.branding().logoUrl(),
                s.branding().primaryColor() == null ? "" : s.branding().primaryColor());
    }

    private String render(Form form, Map<String, String> errors, String problem, Model model) {
        Set<String> programs = new LinkedHashSet<>(PROGRAMS);
        programs.addAll(form.programs());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("programs", List.copyOf(programs));
        model.addAttribute("severities", OrganizationSettings.SEVERITIES);
        model.addAttribute("zones", new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
                .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
                .toList());
        model.addAttribute("validLogo", !form.logoUrl().isEmpty() && LogoUrl.Validator.valid(form.logoUrl()));
        return "admin/settings";
    }
}
