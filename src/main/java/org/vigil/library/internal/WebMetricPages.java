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
import org.vigil.shared.web.Versioned;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.Granted;
import org.vigil.tenancy.Permission;
import org.vigil.tenancy.TenantPrincipal;

/**
 * Administration: a metric of the clinical library — name, normal and plausible ranges, active.
 *
 * <p>Standard items are read-only; the organization's own are edited through the same service and
 * rules as the API, each error next to its field; an edit carries the version it was based on, and
 * a stale one is refused ({@link WebLibraryForms#STALE}).
 */
@WebPage
class WebMetricPages {

    private final Metrics metrics;
    private final Validator validator;

    WebMetricPages(Metrics metrics, Validator validator) {
        this.metrics = metrics;
        this.validator = validator;
    }

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
}
