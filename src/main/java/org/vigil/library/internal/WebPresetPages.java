package org.vigil.library.internal;

import static org.vigil.library.internal.WebLibraryForms.*;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.shared.web.Versioned;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.Granted;
import org.vigil.tenancy.Permission;
import org.vigil.tenancy.TenantPrincipal;
import tools.jackson.databind.json.JsonMapper;

/**
 * Administration: a condition preset of the clinical library — name, and which alert rules and
 * questionnaires it brings.
 *
 * <p>Standard items are read-only; the organization's own are edited through the same service and
 * rules as the API, each error next to its field; an edit carries the version it was based on, and
 * a stale one is refused ({@link WebLibraryForms#STALE}).
 */
@WebPage
class WebPresetPages {

    private final Presets presets;
    private final Rules rules;
    private final Templates templates;
    private final JsonMapper json;
    private final Validator validator;

    WebPresetPages(Presets presets, Rules rules, Templates templates, JsonMapper json, Validator validator) {
        this.presets = presets;
        this.rules = rules;
        this.templates = templates;
        this.json = json;
        this.validator = validator;
    }

    @GetMapping("/admin/library/presets/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_READ')")
    String preset(@AuthenticationPrincipal TenantPrincipal caller, Authentication authentication,
            @PathVariable String id, @RequestParam(name = "m", required = false) String message, Model model) {
        Versioned<PresetView> preset = presets.get(caller, id);
        PresetView p = preset.body();
        model.addAttribute("notice", "saved".equals(message) ? "The preset was saved." : null);
        return presetPage(caller, authentication, p, preset.version(), p.name(),
                p.alertRules().stream().map(PresetView.Rule::alertRuleId).toList(),
                p.templates().stream().map(PresetView.Template::templateId).toList(), Map.of(), null, model);
    }

    @PostMapping("/admin/library/presets/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    String savePreset(@AuthenticationPrincipal TenantPrincipal caller, Authentication authentication,
            @PathVariable String id, @RequestParam long version, @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "rules", required = false) List<String> ruleIds,
            @RequestParam(name = "templates", required = false) List<String> templateIds, Model model,
            HttpServletResponse response) {
        PresetView p = presets.get(caller, id).body();
        List<String> chosenRules = ruleIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(ruleIds));
        List<String> chosenTemplates = templateIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(templateIds));
        List<PresetRequest.Rule> linkedRules = new ArrayList<>();
        for (String ruleId : chosenRules) {
            PresetView.Rule existing = p.alertRules().stream().filter(r -> r.alertRuleId().equals(ruleId)).findFirst()
                    .orElse(null);
            linkedRules.add(new PresetRequest.Rule(ruleId, existing == null ? 5 : existing.priority(),
                    existing == null || existing.isEnabled()));
        }
        List<PresetRequest.Template> linkedTemplates = new ArrayList<>();
        for (int i = 0; i < chosenTemplates.size(); i++) {
            String templateId = chosenTemplates.get(i);
            PresetView.Template existing = p.templates().stream().filter(t -> t.templateId().equals(templateId))
                    .findFirst().orElse(null);
            linkedTemplates.add(existing == null ? new PresetRequest.Template(templateId, "7", false, i)
                    : new PresetRequest.Template(templateId, existing.frequency(), existing.isRequired(),
                            existing.displayOrder()));
        }
        Map<String, Object> guidelines = p.clinicalGuidelines() == null || !p.clinicalGuidelines().isObject() ? null
                : json.treeToValue(p.clinicalGuidelines(), Map.class);
        PresetRequest request = new PresetRequest(name.trim(), p.description(), p.category(), guidelines, p.isActive(),
                p.diagnoses().stream().map(d -> new PresetRequest.Diagnosis(d.icd10(), d.snomed(), d.label(),
                        d.isPrimary())).toList(), linkedTemplates, linkedRules);
        Map<String, String> errors = new LinkedHashMap<>();
        violations(validator.validate(request), errors);
        String refused = null;
        if (errors.isEmpty()) {
            refused = attempt(() -> presets.replace(caller, id, version, request), errors);
            if (refused == null && errors.isEmpty()) {
                return "redirect:/admin/library/presets/" + id + "?m=saved";
            }
        }
        response.setStatus(refused != null ? 409 : 400);
        return presetPage(caller, authentication, p, version, name, chosenRules, chosenTemplates, errors, refused, model);
    }

    private String presetPage(TenantPrincipal caller, Authentication authentication, PresetView preset, long version,
            String name, List<String> chosenRules, List<String> chosenTemplates, Map<String, String> errors,
            String problem, Model model) {
        boolean editable = !preset.isStandardized() && Granted.may(authentication, Permission.LIBRARY_WRITE);
        model.addAttribute("preset", preset);
        model.addAttribute("version", version);
        model.addAttribute("name", name);
        model.addAttribute("chosenRules", Set.copyOf(chosenRules));
        model.addAttribute("chosenTemplates", Set.copyOf(chosenTemplates));
        model.addAttribute("allRules", editable ? rules.list(caller, null) : List.of());
        model.addAttribute("allTemplates", editable ? templates.list(caller, null) : List.of());
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("editable", editable);
        model.addAttribute("mayWrite", Granted.may(authentication, Permission.LIBRARY_WRITE));
        return "admin/library-preset";
    }
}
