package org.vigil.library.internal;

import static org.vigil.library.internal.WebLibraryForms.*;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Administration: a questionnaire of the clinical library — name, description, active flag and
 * its items in order.
 *
 * <p>Standard items are read-only; the organization's own are edited through the same service and
 * rules as the API, each error next to its field; an edit carries the version it was based on, and
 * a stale one is refused ({@link WebLibraryForms#STALE}).
 */
@WebPage
class WebTemplatePages {

    private final Templates templates;
    private final Metrics metrics;
    private final JsonMapper json;
    private final Validator validator;

    WebTemplatePages(Templates templates, Metrics metrics, JsonMapper json, Validator validator) {
        this.templates = templates;
        this.metrics = metrics;
        this.json = json;
        this.validator = validator;
    }

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
}
