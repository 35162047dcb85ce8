package org.vigil.alerting.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.carework.TimeLogActivity;
import org.vigil.identity.Caller;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * The triage page's alert actions (claim, release, acknowledge, resolve, dismiss, snooze,
 * escalate): the same service methods and validation as the API ({@link AlertActions},
 * {@link AlertRequests}); each answers the alert's fresh panel ({@link TriagePanel}) and asks
 * the page to refresh its list, or, when a field is invalid, 422 with a message per field.
 */
@WebPage
class TriageActions {

    private final TriagePanel panel;
    private final TenantScope tenantScope;
    private final AlertActions actions;
    private final Validator validator;
    private final JsonMapper json;
    private final Clock clock;

    TriageActions(TriagePanel panel, TenantScope tenantScope, AlertActions actions, Validator validator,
            JsonMapper json, Clock clock) {
        this.panel = panel;
        this.tenantScope = tenantScope;
        this.actions = actions;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/triage/alerts/{id}/claim")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    String claim(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) Long version, Model model, HttpServletResponse response) {
        actions.claim(caller, checked(id), version);
        return changed(caller, id, "You claimed the alert.", model, response);
    }

    @PostMapping("/triage/alerts/{id}/unclaim")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    String unclaim(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) Long version, Model model, HttpServletResponse response) {
        actions.unclaim(caller, checked(id), version);
        return changed(caller, id, "You released your claim.", model, response);
    }

    @PostMapping("/triage/alerts/{id}/acknowledge")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    String acknowledge(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) Long version, Model model, HttpServletResponse response) {
        actions.acknowledge(caller, checked(id), version);
        return changed(caller, id, "Alert acknowledged; it is claimed by you.", model, response);
    }

    @PostMapping("/triage/alerts/{id}/resolve")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    String resolve(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) Long version, @RequestParam(required = false) String resolutionNotes,
            @RequestParam(required = false) String actionTaken, @RequestParam(required = false) String minutesSpent,
            @RequestParam(required = false) String interactiveCommunication,
            @RequestParam(required = false) String activity, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer minutes = null;
        if (minutesSpent != null && !minutesSpent.isBlank()) {
            try {
                minutes = Integer.valueOf(minutesSpent.trim());
            } catch (NumberFormatException e) {
                errors.put("minutesSpent", "Enter whole minutes, from 1 to 1440, or leave it empty.");
            }
        }
        TimeLogActivity kind = null;
        if (activity != null && !activity.isBlank()) {
            try {
                kind = TimeLogActivity.valueOf(activity);
            } catch (IllegalArgumentException e) {
                errors.put("activity", "Choose one of the offered activities.");
            }
        }
        AlertRequests.Resolve request = new AlertRequests.Resolve(resolutionNotes, actionTaken, minutes,
                "true".equals(interactiveCommunication), kind);
        return act(caller, id, request, errors, model, response, "Alert resolved; it has left the queue.",
                () -> actions.resolve(caller, id, version, request));
    }

    @PostMapping("/triage/alerts/{id}/dismiss")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    String dismiss(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) Long version, @RequestParam(required = false) String reason, Model model,
            HttpServletResponse response) {
        AlertRequests.Dismiss request = new AlertRequests.Dismiss(reason);
        return act(caller, id, request, new LinkedHashMap<>(), model, response, "Alert dismissed; it has left the queue.",
                () -> actions.dismiss(caller, id, version, request));
    }

    @PostMapping("/triage/alerts/{id}/snooze")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    String snooze(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) Long version, @RequestParam(required = false) String hours, Model model,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Instant until = null;
        try {
            int h = Integer.parseInt(hours == null ? "" : hours.trim());
            if (!TriagePanel.SNOOZE_HOURS.contains(h)) {
                throw new NumberFormatException();
            }
            until = clock.instant().plus(Duration.ofHours(h)).minusSeconds(h == 168 ? 60 : 0);
        } catch (NumberFormatException e) {
            errors.put("hours", "Choose how long to snooze.");
        }
        AlertRequests.Snooze request = new AlertRequests.Snooze(until);
        return act(caller, id, request, errors, model, response, "Alert snoozed; it returns to the queue when the snooze ends.",
                () -> actions.snooze(caller, id, version, request));
    }

    @PostMapping("/triage/alerts/{id}/escalate")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    String escalate(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) Long version, @RequestParam(required = false) String level,
            @RequestParam(required = false) String targetUserId, @RequestParam(required = false) String reason,
            Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer to = null;
        if (level != null && !level.isBlank()) {
            try {
                to = Integer.valueOf(level.trim());
            } catch (NumberFormatException e) {
                errors.put("level", "Choose a level.");
            }
        }
        AlertRequests.Escalate request = new AlertRequests.Escalate(to,
                targetUserId == null || targetUserId.isBlank() ? null : targetUserId.trim(), reason);
        return act(caller, id, request, errors, model, response, "Alert escalated.",
                () -> actions.escalate(caller, id, version, request));
    }

    /** Bulk actions of the queue, as the page offers them (the API has more). */
    static final Map<AlertRequests.BulkAction, String> BULK_DONE = Map.of(AlertRequests.BulkAction.CLAIM, "claimed",
            AlertRequests.BulkAction.ACKNOWLEDGE, "acknowledged");

    /**
     * One action on the alerts ticked in the queue (the API's bulk action: each alert on its own);
     * answers how many changed and why the others did not, and asks the page to refresh its list.
     */
    @PostMapping("/triage/bulk")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    String bulk(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String action,
            @RequestParam(required = false) List<String> alertIds, Model model, HttpServletResponse response) {
        AlertRequests.BulkAction kind = null;
        try {
            kind = action == null ? null : AlertRequests.BulkAction.valueOf(action);
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null || !BULK_DONE.containsKey(kind)) {
            throw ApiProblem.invalid("action", "must be CLAIM or ACKNOWLEDGE");
        }
        List<String> ids = alertIds == null ? List.of()
                : alertIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        if (ids.isEmpty() || ids.size() > 100) {
            response.setStatus(422);
            model.addAttribute("errors", Map.of("alertIds", ids.isEmpty() ? "Tick at least one alert in the list."
                    : "Choose at most 100 alerts at once."));
            return "triage :: field-errors";
        }
        List<AlertActions.BulkResult> results = actions.bulk(caller, new AlertRequests.Bulk(kind, ids, null, null, null,
                null, null, null));
        long done = results.stream().filter(r -> r.status() == 200).count();
        Map<String, Long> refusals = new java.util.TreeMap<>();
        results.stream().filter(r -> r.status() != 200)
                .forEach(r -> refusals.merge(r.title() == null ? "Refused" : r.title(), 1L, Long::sum));
        StringBuilder notice = new StringBuilder(done == 1 ? "1 alert " : done + " alerts ").append(BULK_DONE.get(kind));
        if (!refusals.isEmpty()) {
            notice.append("; not ").append(BULK_DONE.get(kind)).append(": ");
            List<String> reasons = new java.util.ArrayList<>();
            refusals.forEach((title, count) -> reasons.add(count + " (" + title.toLowerCase(java.util.Locale.ROOT) + ")"));
            notice.append(String.join(", ", reasons));
        }
        notice.append('.');
        response.setHeader("HX-Trigger", trigger(json, Map.of("triage-changed", true, "vigil:notice",
                notice.toString())));
        model.addAttribute("bulkResults", results);
        return "triage :: bulk-done";
    }

    /**
     * Validates the request like the API does (bean validation of {@link AlertRequests}, then the
     * service's own field checks); invalid fields answer 422 with one message per field, which
     * {@code vigil.js} shows next to the field. Otherwise runs the action and answers the panel.
     */
    private String act(Caller caller, String id, Object request, Map<String, String> errors, Model model,
            HttpServletResponse response, String notice, Runnable action) {
        checked(id);
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), message(violation));
        }
        if (errors.isEmpty()) {
            try {
                action.run();
                return changed(caller, id, notice, model, response);
            } catch (ApiProblem problem) {
                if (problem.getStatusCode().value() != 400
                        || !(problem.getBody().getProperties() != null
                                && problem.getBody().getProperties().get("errors") instanceof List<?> fields)) {
                    throw problem;
                }
                for (Object field : fields) {
                    if (field instanceof ApiProblem.FieldError f) {
                        errors.putIfAbsent(f.field(), capitalize(f.message()) + ".");
                    }
                }
            }
        }
        response.setStatus(422);
        model.addAttribute("errors", errors);
        return "triage :: field-errors";
    }

    /** The alert id of a path, or 404 for one that cannot be an alert id. */
    private static String checked(String id) {
        if (id == null || id.length() > 64) {
            throw ApiProblem.notFound("alert");
        }
        return id;
    }

    private static String message(ConstraintViolation<Object> violation) {
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        return switch (constraint) {
            case "NotBlank", "NotNull", "NotEmpty" -> "Required.";
            case "Size" -> "At most " + attributes.get("max") + " characters.";
            case "Min", "Max" -> violation.getPropertyPath().toString().equals("minutesSpent")
                    ? "Enter whole minutes, from 1 to 1440, or leave it empty." : "Choose one of the offered values.";
            default -> capitalize(violation.getMessage()) + ".";
        };
    }

    private static String capitalize(String text) {
        return text == null || text.isEmpty() ? "Invalid" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** After an action: the alert's fresh panel; the page's list refreshes and shows the notice. */
    private String changed(Caller caller, String id, String notice, Model model, HttpServletResponse response) {
        tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            panel.addTo(caller, id, model);
            return null;
        });
        response.setHeader("HX-Trigger", trigger(json, Map.of("triage-changed", true, "vigil:notice", notice)));
        return "triage :: panel";
    }

    /**
     * The value of an {@code HX-Trigger} header: the events as JSON, with every character outside
     * ASCII escaped ({@code \\uXXXX}), since a header value must be ASCII (a saved view's name need not be).
     */
    static String trigger(JsonMapper json, Map<String, Object> events) {
        String text = json.writeValueAsString(events);
        StringBuilder ascii = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c > 0x7e) {
                ascii.append(String.format("\\u%04x", (int) c));
            } else {
                ascii.append(c);
            }
        }
        return ascii.toString();
    }
}
