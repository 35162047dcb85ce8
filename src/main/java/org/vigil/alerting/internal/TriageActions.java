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
 * escalate): the same service methods and validation as the API ({@link Triage},
 * {@link AlertRequests}); each answers the alert's fresh panel ({@link TriagePage#panel}) and asks
 * the page to refresh its list, or, when a field is invalid, 422 with a message per field.
 */
@WebPage
class TriageActions {

    private final TriagePage page;
    private final TenantScope tenantScope;
    private final Triage triage;
    private final Validator validator;
    private final JsonMapper json;
    private final Clock clock;

    TriageActions(TriagePage page, TenantScope tenantScope, Triage triage, Validator validator, JsonMapper json,
            Clock clock) {
        this.page = page;
        this.tenantScope = tenantScope;
        this.triage = triage;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/triage/alerts/{id}/claim")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    String claim(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) Long version, Model model, HttpServletResponse response) {
        triage.claim(caller, TriagePage.checked(id), version);
        return changed(caller, id, "You claimed the alert.", model, response);
    }

    @PostMapping("/triage/alerts/{id}/unclaim")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    String unclaim(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) Long version, Model model, HttpServletResponse response) {
        triage.unclaim(caller, TriagePage.checked(id), version);
        return changed(caller, id, "You released your claim.", model, response);
    }

    @PostMapping("/triage/alerts/{id}/acknowledge")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    String acknowledge(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) Long version, Model model, HttpServletResponse response) {
        triage.acknowledge(caller, TriagePage.checked(id), version);
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
                () -> triage.resolve(caller, id, version, request));
    }

    @PostMapping("/triage/alerts/{id}/dismiss")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    String dismiss(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) Long version, @RequestParam(required = false) String reason, Model model,
            HttpServletResponse response) {
        AlertRequests.Dismiss request = new AlertRequests.Dismiss(reason);
        return act(caller, id, request, new LinkedHashMap<>(), model, response, "Alert dismissed; it has left the queue.",
                () -> triage.dismiss(caller, id, version, request));
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
            if (!TriagePage.SNOOZE_HOURS.contains(h)) {
                throw new NumberFormatException();
            }
            until = clock.instant().plus(Duration.ofHours(h)).minusSeconds(h == 168 ? 60 : 0);
        } catch (NumberFormatException e) {
            errors.put("hours", "Choose how long to snooze.");
        }
        AlertRequests.Snooze request = new AlertRequests.Snooze(until);
        return act(caller, id, request, errors, model, response, "Alert snoozed; it returns to the queue when the snooze ends.",
                () -> triage.snooze(caller, id, version, request));
    }

    @PostMapping("/triage/alerts/{id}/escalate")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    String escalate(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) Long version, @RequestParam(required = false) String level,
            @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer to = null;
        if (level != null && !level.isBlank()) {
            try {
                to = Integer.valueOf(level.trim());
            } catch (NumberFormatException e) {
                errors.put("level", "Choose a level.");
            }
        }
        AlertRequests.Escalate request = new AlertRequests.Escalate(to, null, reason);
        return act(caller, id, request, errors, model, response, "Alert escalated.",
                () -> triage.escalate(caller, id, version, request));
    }

    /**
     * Validates the request like the API does (bean validation of {@link AlertRequests}, then the
     * service's own field checks); invalid fields answer 422 with one message per field, which
     * {@code vigil.js} shows next to the field. Otherwise runs the action and answers the panel.
     */
    private String act(Caller caller, String id, Object request, Map<String, String> errors, Model model,
            HttpServletResponse response, String notice, Runnable action) {
        TriagePage.checked(id);
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
            page.panel(caller, id, model);
            return null;
        });
        response.setHeader("HX-Trigger", json.writeValueAsString(Map.of("triage-changed", true, "vigil:notice", notice)));
        return "triage :: panel";
    }
}
