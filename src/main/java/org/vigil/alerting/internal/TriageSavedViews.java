package org.vigil.alerting.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.vigil.carework.SavedTriageViews;
import org.vigil.identity.Caller;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.WebPage;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Save the current filters as a view" on the triage page: the carework module keeps saved views
 * ({@link SavedTriageViews}); choosing one is {@code GET /triage?applyView=id} ({@link TriagePage}).
 * A refused name answers 422 with the message next to the name field.
 */
@WebPage
class TriageSavedViews {

    static final int MAX_NAME = 100;

    private final TriagePage page;
    private final SavedTriageViews views;
    private final JsonMapper json;

    TriageSavedViews(TriagePage page, SavedTriageViews views, JsonMapper json) {
        this.page = page;
        this.views = views;
        this.json = json;
    }

    @PostMapping("/triage/views")
    @PreAuthorize("hasAuthority('ALERT_READ')")
    String save(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String name,
            @RequestParam(required = false) List<String> severity, @RequestParam(required = false) String status,
            @RequestParam(required = false) String claimed, @RequestParam(required = false) String slaBreached,
            @RequestParam(required = false) String includeSnoozed, Model model, HttpServletResponse response) {
        QueueFilter filter = QueueFilter.of(severity, status, claimed, null, slaBreached, includeSnoozed);
        filter.toService(); // refuses values the queue does not offer, like the queue itself
        String error = null;
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            error = "Enter a name for the view.";
        } else if (trimmed.length() > MAX_NAME) {
            error = "At most " + MAX_NAME + " characters.";
        } else {
            try {
                SavedTriageViews.SavedTriageView saved = views.save(caller, trimmed, filter.saved());
                page.viewChoices(caller, saved.id(), model);
                String query = filter.query();
                response.setHeader("HX-Push-Url", UriComponentsBuilder.fromPath("/triage")
                        .query(query.isEmpty() ? null : query).queryParam("view", saved.id()).build().toUriString());
                response.setHeader("HX-Trigger", TriageActions.trigger(json, Map.of("vigil:notice",
                        "View \u201c" + saved.name() + "\u201d saved; choose it under Saved view to see these filters again.")));
                return "triage :: saved-views";
            } catch (ApiProblem problem) {
                error = nameError(problem);
            }
        }
        response.setStatus(422);
        model.addAttribute("errors", Map.of("name", error));
        return "triage :: field-errors";
    }

    /** The message of a refusal that names the field {@code name}; other refusals stand as they are. */
    private static String nameError(ApiProblem problem) {
        if (problem.getBody().getProperties() != null
                && problem.getBody().getProperties().get("errors") instanceof List<?> fields) {
            for (Object field : fields) {
                if (field instanceof ApiProblem.FieldError f && f.field().equals("name")) {
                    String message = f.message();
                    message = Character.toUpperCase(message.charAt(0)) + message.substring(1);
                    return message.endsWith(".") ? message : message + ".";
                }
            }
        }
        throw problem;
    }
}
