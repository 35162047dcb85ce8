package org.vigil.carework.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.carework.TimeLogActivity;
import org.vigil.identity.Caller;
import org.vigil.patients.PatientDirectory;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.OrganizationZones;
import org.vigil.tenancy.Permission;
import org.vigil.tenancy.TenantScope;

/**
 * The patient chart's care-work section ({@code /patients/{id}/care}, an htmx fragment): the
 * signed-in member's timer for this patient (start and stop through the time-tracking service, the
 * running time shown by {@code data-timer-since}), the patient's time logs, tasks and encounter
 * notes. Reads and writes go through the API's services (tenant-scoped, audited); another
 * organization's patient is 404.
 */
@WebPage
class WebPatientCare {

    static final int SHOWN = 20;

    private final TimeTracking tracking;
    private final Tasks tasks;
    private final EncounterNotes notes;
    private final PatientDirectory patients;
    private final OrganizationZones zones;
    private final TenantScope tenantScope;

    WebPatientCare(TimeTracking tracking, Tasks tasks, EncounterNotes notes, PatientDirectory patients,
            OrganizationZones zones, TenantScope tenantScope) {
        this.tracking = tracking;
        this.tasks = tasks;
        this.notes = notes;
        this.patients = patients;
        this.zones = zones;
        this.tenantScope = tenantScope;
    }

    /** An active enrollment to attribute time to, when the patient has several. */
    record EnrollmentChoice(String id, String label) {
    }

    @GetMapping("/patients/{id}/care")
    @PreAuthorize("hasAuthority('PATIENT_READ') and hasAuthority('TIME_LOG_READ') and hasAuthority('TASK_READ') "
            + "and hasAuthority('NOTE_READ')")
    String care(@AuthenticationPrincipal Caller caller, @PathVariable String id, Model model) {
        return render(caller, id, model);
    }

    @PostMapping("/patients/{id}/care/timer")
    @PreAuthorize("hasAuthority('PATIENT_READ') and hasAuthority('TIME_LOG_WRITE') and hasAuthority('TIME_LOG_READ') "
            + "and hasAuthority('TASK_READ') and hasAuthority('NOTE_READ')")
    String start(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) String activity, @RequestParam(required = false) String enrollmentId,
            Model model, HttpServletResponse response) {
        zoneOfVisiblePatient(caller, id); // another organization's patient: 404 before anything else
        TimeLogActivity chosen;
        try {
            chosen = activity == null ? TimeLogActivity.REVIEW_DATA : TimeLogActivity.valueOf(activity);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("activity", "is not one of the choices");
        }
        tracking.startTimer(caller, new TimeLogRequests.StartTimer(id,
                enrollmentId == null || enrollmentId.isBlank() ? null : enrollmentId, chosen));
        response.setHeader("HX-Trigger", "{\"vigil:notice\": \"Timer started.\"}");
        return render(caller, id, model);
    }

    @PostMapping("/patients/{id}/care/timer/stop")
    @PreAuthorize("hasAuthority('PATIENT_READ') and hasAuthority('TIME_LOG_WRITE') and hasAuthority('TIME_LOG_READ') "
            + "and hasAuthority('TASK_READ') and hasAuthority('NOTE_READ')")
    String stop(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) String interactive, @RequestParam(required = false) String notes,
            Model model, HttpServletResponse response) {
        zoneOfVisiblePatient(caller, id);
        if (notes != null && notes.length() > 2000) {
            throw ApiProblem.invalid("notes", "at most 2000 characters");
        }
        TimeLogView log = tracking.stopTimer(caller, new TimeLogRequests.StopTimer(interactive != null, null,
                notes == null || notes.isBlank() ? null : notes.trim()));
        response.setHeader("HX-Trigger", "{\"vigil:notice\": \"Timer stopped: " + log.duration() + " min logged.\"}");
        return render(caller, id, model);
    }

    @PostMapping("/patients/{id}/care/timer/cancel")
    @PreAuthorize("hasAuthority('PATIENT_READ') and hasAuthority('TIME_LOG_WRITE') and hasAuthority('TIME_LOG_READ') "
            + "and hasAuthority('TASK_READ') and hasAuthority('NOTE_READ')")
    String cancel(@AuthenticationPrincipal Caller caller, @PathVariable String id, Model model,
            HttpServletResponse response) {
        zoneOfVisiblePatient(caller, id);
        tracking.cancelTimer(caller);
        response.setHeader("HX-Trigger", "{\"vigil:notice\": \"Timer cancelled; nothing was logged.\"}");
        return render(caller, id, model);
    }

    /** The organization's time zone, once the patient is known to be visible here (else 404). */
    private ZoneId zoneOfVisiblePatient(Caller caller, String id) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            if (patients.find(id).isEmpty()) {
                throw ApiProblem.notFound("patient");
            }
            return zones.zoneOf(caller.organizationId());
        });
    }

    private String render(Caller caller, String id, Model model) {
        ZoneId zone = zoneOfVisiblePatient(caller, id);
        Optional<TimerView> timer = caller.may(Permission.TIME_LOG_WRITE) ? tracking.currentTimer(caller) : Optional.empty();
        List<PatientDirectory.EnrollmentRef> active = tenantScope.call(caller.organizationId(), caller.userId(),
                () -> patients.activeEnrollments(id));
        model.addAttribute("patientId", id);
        model.addAttribute("when", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone));
        model.addAttribute("mayTrack", caller.may(Permission.TIME_LOG_WRITE));
        model.addAttribute("timer", timer.orElse(null));
        model.addAttribute("timerHere", timer.map(t -> t.patientId().equals(id)).orElse(false));
        model.addAttribute("activities", TimeLogActivity.values());
        model.addAttribute("enrollments", active.size() < 2 ? List.of()
                : java.util.stream.IntStream.range(0, active.size())
                        .mapToObj(i -> new EnrollmentChoice(active.get(i).id(), "Enrollment " + (i + 1))).toList());
        model.addAttribute("logs", tracking.list(caller, new TimeTracking.Filter(id, null, null, null, null),
                new PageQuery(0, SHOWN)));
        model.addAttribute("tasks", tasks.list(caller, new Tasks.Filter(null, null, null, id, null, null),
                new PageQuery(0, SHOWN), null));
        model.addAttribute("notes", notes.list(caller, id, new PageQuery(0, 10)));
        return "carework/patient-care";
    }
}
