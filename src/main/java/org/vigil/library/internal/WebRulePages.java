package org.vigil.library.internal;

import static org.vigil.library.internal.WebLibraryForms.*;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.library.AlertSeverity;
import org.vigil.shared.web.Versioned;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.Granted;
import org.vigil.tenancy.Permission;
import org.vigil.tenancy.TenantPrincipal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Administration: an alert rule of the clinical library — name, severity, cool-down, active flag
 * and conditions (validated by the condition language, errors with their JSON path).
 *
 * <p>Standard items are read-only; the organization's own are edited through the same service and
 * rules as the API, each error next to its field; an edit carries the version it was based on, and
 * a stale one is refused ({@link WebLibraryForms#STALE}).
 */
@WebPage
class WebRulePages {

    private final Rules rules;
    private final JsonMapper json;
    private final Validator validator;

    WebRulePages(Rules rules, JsonMapper json, Validator validator) {
        this.rules = rules;
        this.json = json;
        this.validator = validator;
    }

    @GetMapping("/admin/library/rules/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_READ')")
    String rule(@AuthenticationPrincipal TenantPrincipal caller, Authentication authentication, @PathVariable String id,
            @RequestParam(name = "m", required = false) String message, Model model) {
        Versioned<RuleView> rule = rules.get(caller, id);
        RuleView r = rule.body();
        model.addAttribute("notice", "saved".equals(message) ? "The alert rule was saved." : null);
        return rulePage(authentication, r, new RuleForm(rule.version(), r.name(), r.severity().name(),
                String.valueOf(r.cooldownMinutes()), r.conditions().toPrettyString(), r.isActive()), Map.of(), null, model);
    }

    record RuleForm(long version, String name, String severity, String cooldownMinutes, String conditions,
            boolean active) {
    }

    @PostMapping("/admin/library/rules/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    String saveRule(@AuthenticationPrincipal TenantPrincipal caller, Authentication authentication,
            @PathVariable String id, @RequestParam long version, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String severity, @RequestParam(defaultValue = "") String cooldownMinutes,
            @RequestParam(defaultValue = "") String conditions, @RequestParam(defaultValue = "false") boolean active,
            Model model, HttpServletResponse response) {
        RuleView current = rules.get(caller, id).body();
        RuleForm form = new RuleForm(version, name, severity, cooldownMinutes, conditions, active);
        Map<String, String> errors = new LinkedHashMap<>();
        AlertSeverity level = null;
        try {
            level = AlertSeverity.valueOf(severity);
        } catch (IllegalArgumentException e) {
            errors.put("severity", "must be one of LOW, MEDIUM, HIGH, CRITICAL");
        }
        Integer cooldown = integer(cooldownMinutes, "cooldownMinutes", errors);
        JsonNode parsed = null;
        try {
            parsed = json.readTree(conditions);
            if (parsed == null || parsed.isMissingNode() || !parsed.isObject()) {
                errors.put("conditions", "must be a JSON object in the condition language");
                parsed = null;
            }
        } catch (JacksonException e) {
            errors.put("conditions", "is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        Map<String, Object> actions = current.actions() == null || !current.actions().isObject() ? Map.of()
                : json.treeToValue(current.actions(), Map.class);
        RuleRequest request = new RuleRequest(name, current.description(), current.category(), level,
                current.priority(), parsed, actions, cooldown, current.clinicalEvidence(), active);
        violations(validator.validate(request), errors);
        if (errors.isEmpty()) {
            String refused = attempt(() -> rules.replace(caller, id, version, request), errors);
            if (refused == null && errors.isEmpty()) {
                return "redirect:/admin/library/rules/" + id + "?m=saved";
            }
            response.setStatus(refused != null ? 409 : 400);
            return rulePage(authentication, current, form, errors, refused, model);
        }
        response.setStatus(400);
        return rulePage(authentication, current, form, errors, null, model);
    }

    private String rulePage(Authentication authentication, RuleView rule, RuleForm form, Map<String, String> errors,
            String problem, Model model) {
        model.addAttribute("rule", rule);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("severities", AlertSeverity.values());
        model.addAttribute("editable", !rule.isStandardized() && Granted.may(authentication, Permission.LIBRARY_WRITE));
        model.addAttribute("mayWrite", Granted.may(authentication, Permission.LIBRARY_WRITE));
        return "admin/library-rule";
    }
}
