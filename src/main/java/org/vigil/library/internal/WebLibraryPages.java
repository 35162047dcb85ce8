package org.vigil.library.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.Granted;
import org.vigil.tenancy.Permission;
import org.vigil.tenancy.TenantPrincipal;

/**
 * The clinical library's lists: condition presets, metrics, questionnaire templates and alert
 * rules, the standard's (read-only) and the organization's own; "clone" makes the organization's
 * copy of a standard item and opens it on its edit page ({@link WebRulePages}, {@link WebMetricPages},
 * {@link WebPresetPages}, {@link WebTemplatePages}).
 */
@WebPage
class WebLibraryPages {

    static final List<String> TABS = List.of("presets", "metrics", "templates", "rules");

    private final Rules rules;
    private final Metrics metrics;
    private final Presets presets;
    private final Templates templates;

    WebLibraryPages(Rules rules, Metrics metrics, Presets presets, Templates templates) {
        this.rules = rules;
        this.metrics = metrics;
        this.presets = presets;
        this.templates = templates;
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
}
