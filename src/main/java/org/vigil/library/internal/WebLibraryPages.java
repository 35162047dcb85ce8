package org.vigil.library.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.library.AlertSeverity;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.Versioned;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.Granted;
import org.vigil.tenancy.Permission;
import org.vigil.tenancy.TenantPrincipal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clinical library pages: condition presets, metrics, questionnaire templates and alert rules,
 * the standard's (read-only) and the organization's own; "clone" makes the organization's copy of
 * a standard item, which it can then edit: an alert rule's name, severity, cool-down, active flag
 * and conditions (validated by the condition language, each error next to the field), a metric's
 * ranges, a preset's rules and questionnaires, a questionnaire's name, description and items. The same services and rules as the API; edits carry
 * the version they were based on, and a stale one is refused.
 */
@WebPage
class WebLibraryPages {

    static final List<String> TABS = List.of("presets", "metrics", "templates", "rules");
    private static final java.util.regex.Pattern ITEM_ROW = java.util.regex.Pattern.compile("items\\[(\\d+)]");
    static final String STALE = "Someone else changed this item since you opened it, so your change was not saved. "
            + "Reload it to see theirs, then make yours again.";

    private final Rules rules;
    private final Metrics metrics;
    private final Presets presets;
    private final Templates templates;
    private final JsonMapper json;
    private final Validator validator;

    WebLibraryPages(Rules rules, Metrics metrics, Presets presets, Templates templates, JsonMapper json,
            Validator validator) {
        this.rules = rules;
        this.metrics = metrics;
        this.presets = presets;
        this.templates = templates;
        this.json = json;
        this.validator = validator;
    }

    @GetMapping("/admin/library")
    @PreAuthorize("hasAuthority('LIBRARY_READ')")
    String list(@AuthenticationPrincipal TenantPrincipal caller, Authentication authentication,
            @RequestParam(defaultValue = "presets") String tab, Model model) {
        return listPage(caller, authentication, TABS.contains(tab) ? tab : "presets", null, model);
    }

    private String listPage(TenantPrincipal caller, Authentication authentication, String tab, String problem,
            Model model) {
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", TABS);
        model.addAttribute("mayWrite", Granted.may(authentication, Permission.LIBRARY_WRITE));
        model.addAttribute("problem", problem);
        switch (tab) {
            case "metrics" -> model.addAttribute("items", metrics.list(caller, null, null));
            case "templates" -> model.addAttribute("items", templates.list(caller, null));
            case "rules" -> model.addAttribute("items", rules.list(caller, null));
            default -> model.addAttribute("items", presets.list(caller, null));
        }
        return "admin/library";
    }

    @PostMapping("/admin/library/{tab}/{id}/clone")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    String cloneOf(@AuthenticationPrincipal TenantPrincipal caller, Authentication authentication,
            @PathVariable String tab, @PathVariable String id, Model model, HttpServletResponse response) {
        if (!TABS.contains(tab)) {
            throw ApiProblem.notFound("library list");
        }
        try {
            String copy = switch (tab) {
                case "metrics" -> metrics.cloneOf(caller, id).body().id();
                case "templates" -> templates.cloneOf(caller, id, copyName(templates.get(caller, id).body().name()))
                        .body().id();
                case "rules" -> rules.cloneOf(caller, id, copyName(rules.get(caller, id).body().name())).body().id();
                default -> presets.cloneOf(caller, id, copyName(presets.get(caller, id).body().name())).body().id();
            };
            return "redirect:/admin/library/" + tab + "/" + copy;
        } catch (ApiProblem problem) {
            if (problem.getStatusCode().value() == 404) {
                throw problem;
            }
            response.setStatus(problem.getStatusCode().value());
            return listPage(caller, authentication, tab, problem.getBody().getDetail(), model);
        }
    }

    /** A copy's name: the standard's, marked as the organization's, so both can be told apart in lists. */
    private static String copyName(String name) {
        String copy = name + " (ours)";
        return copy.length() > 200 ? copy.substring(0, 200) : copy;
    }

    // ---- alert rules ----

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

    // ---- metrics ----

    record MetricForm(long version, String displayName, String normalMin, String normalMax, String plausibleMin,
            String plausibleMax, boolean active) {
    }

    @GetMapping("/admin/library/metrics/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_READ')")
    String metric(@AuthenticationPrincipal TenantPrincipal caller, Authentication authentication,
            @PathVariable String id, @RequestParam(name = "m", required = false) String message, Model model) {
        Versioned<MetricView> metric = metrics.get(caller, id);
        MetricView m = metric.body();
        model.addAttribute("notice", "saved".equals(message) ? "The metric was saved." : null);
        return metricPage(authentication, m, new MetricForm(metric.version(), m.displayName(), text(m.normalMin()),
                text(m.normalMax()), text(m.plausibleMin()), text(m.plausibleMax()), m.isActive()), Map.of(), null, model);
    }

    @PostMapping("/admin/library/metrics/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    String saveMetric(@AuthenticationPrincipal TenantPrincipal caller, Authentication authentication,
            @PathVariable String id, @RequestParam long version, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String normalMin, @RequestParam(defaultValue = "") String normalMax,
            @RequestParam(defaultValue = "") String plausibleMin, @RequestParam(defaultValue = "") String plausibleMax,
            @RequestParam(defaultValue = "false") boolean active, Model model, HttpServletResponse response) {
        MetricView m = metrics.get(caller, id).body();
        MetricForm form = new MetricForm(version, displayName, normalMin, normalMax, plausibleMin, plausibleMax, active);
        Map<String, String> errors = new LinkedHashMap<>();
        MetricRequest request = new MetricRequest(m.key(), displayName.trim(), m.description(), m.category(),
                m.valueType(), m.unit(), m.alternativeUnits(), decimal(normalMin, "normalMin", errors),
                decimal(normalMax, "normalMax", errors), decimal(plausibleMin, "plausibleMin", errors),
                decimal(plausibleMax, "plausibleMax", errors), m.decimalPrecision(), m.loincCode(), m.snomedCode(),
                m.options(), m.panel(), active);
        violations(validator.validate(request), errors);
        String refused = null;
        if (errors.isEmpty()) {
            refused = attempt(() -> metrics.replace(caller, id, version, request), errors);
            if (refused == null && errors.isEmpty()) {
                return "redirect:/admin/library/metrics/" + id + "?m=saved";
            }
        }
        response.setStatus(refused != null ? 409 : 400);
        return metricPage(authentication, m, form, errors, refused, model);
    }

    private String metricPage(Authentication authentication, MetricView metric, MetricForm form,
            Map<String, String> errors, String problem, Model model) {
        model.addAttribute("metric", metric);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("editable", !metric.isStandardized() && Granted.may(authentication, Permission.LIBRARY_WRITE));
        model.addAttribute("mayWrite", Granted.may(authentication, Permission.LIBRARY_WRITE));
        return "admin/library-metric";
    }

    // ---- condition presets ----

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

    // ---- questionnaire templates ----

    /** One row of a questionnaire's items as the form shows and sends it (metric empty: no item). */
    record ItemRow(String metricId, boolean required, String helpText) {
    }

    record TemplateForm(long version, String name, String description, boolean active, List<ItemRow> items) {
    }

    @GetMapping("/admin/library/templates/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_READ')")
    String template(@AuthenticationPrincipal TenantPrincipal caller, Authentication authentication,
            @PathVariable String id, @RequestParam(name = "m", required = false) String message, Model model) {
        Versioned<TemplateView> template = templates.get(caller, id);
        TemplateView t = template.body();
        model.addAttribute("notice", "saved".equals(message) ? "The questionnaire was saved." : null);
        List<ItemRow> rows = t.items().stream()
                .map(i -> new ItemRow(i.metricDefinitionId(), i.isRequired(), i.helpText() == null ? "" : i.helpText()))
                .toList();
        return templatePage(caller, authentication, t, new TemplateForm(template.version(), t.name(),
                t.description() == null ? "" : t.description(), t.isActive(), rows), Map.of(), null, model);
    }

    /**
     * Saves a questionnaire's name, description, active flag and items (rows in the order shown; a
     * row without a metric is left out). What the form does not show stays as it was: the key,
     * category, LOINC code, scoring, and each kept item's default value and flag rule.
     */
    @PostMapping("/admin/library/templates/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    String saveTemplate(@AuthenticationPrincipal TenantPrincipal caller, Authentication authentication,
            @PathVariable String id, @RequestParam long version, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(name = "itemMetric", required = false) List<String> itemMetrics,
            @RequestParam(name = "itemRequired", required = false) List<String> itemRequired,
            @RequestParam(name = "itemHelp", required = false) List<String> itemHelp, Model model,
            HttpServletResponse response) {
        TemplateView t = templates.get(caller, id).body();
        List<String> metricIds = itemMetrics == null ? List.of() : itemMetrics;
        Set<String> required = itemRequired == null ? Set.of() : Set.copyOf(itemRequired);
        List<ItemRow> rows = new ArrayList<>();
        for (int i = 0; i < metricIds.size(); i++) {
            String help = itemHelp != null && i < itemHelp.size() ? itemHelp.get(i) : "";
            rows.add(new ItemRow(metricIds.get(i) == null ? "" : metricIds.get(i).trim(),
                    required.contains(String.valueOf(i)), help == null ? "" : help));
        }
        TemplateForm form = new TemplateForm(version, name, description, active, rows);
        Map<String, TemplateView.Item> existing = new LinkedHashMap<>();
        t.items().forEach(item -> existing.putIfAbsent(item.metricDefinitionId(), item));
        List<TemplateRequest.Item> items = new ArrayList<>();
        List<Integer> positions = new ArrayList<>(); // the form's row of each item
        for (int r = 0; r < rows.size(); r++) {
            ItemRow row = rows.get(r);
            if (row.metricId().isEmpty()) {
                continue;
            }
            positions.add(r);
            TemplateView.Item kept = existing.get(row.metricId());
            Map<String, Object> flagRule = kept == null || kept.flagRule() == null || !kept.flagRule().isObject() ? null
                    : json.treeToValue(kept.flagRule(), Map.class);
            items.add(new TemplateRequest.Item(row.metricId(), items.size(), row.required(),
                    row.helpText().isBlank() ? null : row.helpText().trim(), kept == null ? null : kept.defaultValue(),
                    flagRule));
        }
        Map<String, Object> scoring = t.scoring() == null || !t.scoring().isObject() ? null
                : json.treeToValue(t.scoring(), Map.class);
        TemplateRequest request = new TemplateRequest(t.key(), name.trim(), description.isBlank() ? null
                : description.trim(), t.category(), t.loincCode(), scoring, t.copyrightInfo(), active, items);
        Map<String, String> errors = new LinkedHashMap<>();
        violations(validator.validate(request), errors);
        if (items.isEmpty()) {
            errors.put("items", "choose the metric of at least one item");
        }
        String refused = null;
        if (errors.isEmpty()) {
            refused = attempt(() -> templates.replace(caller, id, version, request), errors);
            if (refused == null && errors.isEmpty()) {
                return "redirect:/admin/library/templates/" + id + "?m=saved";
            }
        }
        if (errors.containsKey("items")) {
            // "row n" of the errors counts the items sent; the form also has rows left empty
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("row (\\d+): ").matcher(errors.get("items"));
            StringBuilder text = new StringBuilder();
            while (m.find()) {
                int item = Integer.parseInt(m.group(1)) - 1;
                m.appendReplacement(text, "row " + (item < positions.size() ? positions.get(item) + 1 : item + 1) + ": ");
            }
            m.appendTail(text);
            errors.put("items", text.toString());
        }
        if (errors.containsKey("scoring")) {
            // the items the scoring needs: shown with the items, where they are chosen
            errors.merge("items", errors.remove("scoring"), (a, b) -> a + "; " + b);
        }
        response.setStatus(refused != null ? 409 : 400);
        return templatePage(caller, authentication, t, form, errors, refused, model);
    }

    private String templatePage(TenantPrincipal caller, Authentication authentication, TemplateView template,
            TemplateForm form, Map<String, String> errors, String problem, Model model) {
        boolean editable = !template.isStandardized() && Granted.may(authentication, Permission.LIBRARY_WRITE);
        List<ItemRow> rows = new ArrayList<>(form.items());
        if (editable) {
            rows.add(new ItemRow("", false, "")); // a free row to add an item
        }
        model.addAttribute("template", template);
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        model.addAttribute("metricChoices", editable ? metrics.list(caller, null, null).stream()
                .sorted(java.util.Comparator.comparing(MetricView::displayName, String.CASE_INSENSITIVE_ORDER)).toList()
                : List.of());
        model.addAttribute("metricNames", template.items().stream().collect(java.util.stream.Collectors.toMap(
                TemplateView.Item::metricDefinitionId, TemplateView.Item::metricName, (a, b) -> a)));
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("editable", editable);
        model.addAttribute("mayWrite", Granted.may(authentication, Permission.LIBRARY_WRITE));
        return "admin/library-template";
    }

    // ---- helpers ----

    /** Runs a change: null when done; the stale message, or the field errors put in {@code errors}. */
    private static String attempt(Supplier<?> change, Map<String, String> errors) {
        try {
            change.get();
            return null;
        } catch (ApiProblem problem) {
            int status = problem.getStatusCode().value();
            if (status == 412) {
                return STALE;
            }
            if (status == 404) {
                throw problem;
            }
            boolean named = false;
            if (problem.getBody().getProperties() != null
                    && problem.getBody().getProperties().get("errors") instanceof List<?> list) {
                for (Object error : list) {
                    if (error instanceof ApiProblem.FieldError field) {
                        String key = field.field().startsWith("conditions") ? "conditions" : root(field.field());
                        String where = field.field().startsWith("conditions") && field.field().length() > "conditions".length()
                                ? "at " + field.field().substring("conditions".length()) + ": " : "";
                        java.util.regex.Matcher row = ITEM_ROW.matcher(field.field());
                        if (row.lookingAt()) {
                            where = "row " + (Integer.parseInt(row.group(1)) + 1) + ": ";
                        }
                        errors.merge(key, where + field.message(), (a, b) -> a + "; " + b);
                        named = true;
                    }
                }
            }
            return named ? null : problem.getBody().getDetail();
        }
    }

    private static <T> void violations(Set<ConstraintViolation<T>> violations, Map<String, String> errors) {
        for (ConstraintViolation<T> violation : violations) {
            String path = violation.getPropertyPath().toString();
            java.util.regex.Matcher row = ITEM_ROW.matcher(path);
            String where = row.lookingAt() ? "row " + (Integer.parseInt(row.group(1)) + 1) + ": " : "";
            errors.merge(root(path), where + violation.getMessage(), (x, y) -> x + "; " + y);
        }
    }

    private static String root(String path) {
        int cut = path.indexOf('.');
        int bracket = path.indexOf('[');
        int end = cut < 0 ? bracket : bracket < 0 ? cut : Math.min(cut, bracket);
        return end < 0 ? path : path.substring(0, end);
    }

    private static Integer integer(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a whole number");
            return null;
        }
    }

    private static BigDecimal decimal(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a number such as 90 or 37.5");
            return null;
        }
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
