package org.vigil.carework.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.tenancy.TenantPrincipal;

/** Time tracking: the caller's timer, manual entries, adjustments and the organization's time logs. */
@RestController
@Tag(name = "Time tracking")
@Validated
class TimeLogsController {

    private final TimeTracking tracking;

    TimeLogsController(TimeTracking tracking) {
        this.tracking = tracking;
    }

    @GetMapping("/api/v1/time-tracking/timer")
    @PreAuthorize("hasAuthority('TIME_LOG_WRITE')")
    @Operation(summary = "The caller's running timer", description = "204 when none runs.")
    ResponseEntity<TimerView> timer(@AuthenticationPrincipal TenantPrincipal caller) {
        return tracking.currentTimer(caller).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }

    @PostMapping("/api/v1/time-tracking/timer")
    @PreAuthorize("hasAuthority('TIME_LOG_WRITE')")
    @Operation(summary = "Start the caller's timer", description = "One running timer per user (409 otherwise). "
            + "The enrollment is attributed when the patient has exactly one active enrollment.")
    ResponseEntity<TimerView> start(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @RequestBody TimeLogRequests.StartTimer request) {
        return ResponseEntity.status(201).body(tracking.startTimer(caller, request));
    }

    @PostMapping("/api/v1/time-tracking/timer/stop")
    @PreAuthorize("hasAuthority('TIME_LOG_WRITE')")
    @Operation(summary = "Stop the timer into a time log", description = "Whole minutes, rounded down; "
            + "overlap with the clinician's logged time is refused (409).")
    ResponseEntity<TimeLogView> stop(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @RequestBody TimeLogRequests.StopTimer request) {
        TimeLogView log = tracking.stopTimer(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/time-logs/" + log.id())).body(log);
    }

    @DeleteMapping("/api/v1/time-tracking/timer")
    @PreAuthorize("hasAuthority('TIME_LOG_WRITE')")
    @Operation(summary = "Cancel the timer", description = "Nothing is logged.")
    ResponseEntity<Void> cancel(@AuthenticationPrincipal TenantPrincipal caller) {
        tracking.cancelTimer(caller);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/time-logs")
    @PreAuthorize("hasAuthority('TIME_LOG_WRITE')")
    @Operation(summary = "Log time by hand", description = "startedAt + durationMinutes; the caller's clinician "
            + "profile is the clinician; overlapping time is refused (409 naming startedAt).")
    ResponseEntity<TimeLogView> logManually(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @RequestBody TimeLogRequests.ManualEntry request) {
        TimeLogView log = tracking.logManually(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/time-logs/" + log.id())).body(log);
    }

    record ListParams(@Size(max = 64) String patientId, @Size(max = 64) String enrollmentId,
            @Size(max = 64) String clinicianId) {
    }

    @GetMapping("/api/v1/time-logs")
    @PreAuthorize("hasAuthority('TIME_LOG_READ')")
    @Operation(summary = "List time logs", description = "Filters patientId, enrollmentId, clinicianId, from, to "
            + "(ISO instants, on loggedAt); newest first; paged.")
    PageResponse<TimeLogView> list(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @ModelAttribute ListParams params, @Valid @ModelAttribute PageQuery paging,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return tracking.list(caller, new TimeTracking.Filter(params.patientId(), params.enrollmentId(),
                params.clinicianId(), from, to), paging);
    }

    @GetMapping("/api/v1/time-logs/{id}")
    @PreAuthorize("hasAuthority('TIME_LOG_READ')")
    ResponseEntity<TimeLogView> get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        TimeLogView log = tracking.get(caller, id);
        return ResponseEntity.ok().eTag(ETags.of(log.version())).body(log);
    }

    @PutMapping("/api/v1/time-logs/{id}")
    @PreAuthorize("hasAuthority('TIME_LOG_WRITE')")
    @Operation(summary = "Adjust a time log", description = "Needs If-Match (the log's version) and a reason, "
            + "which is kept with the log; the change is audited.")
    ResponseEntity<TimeLogView> adjust(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody TimeLogRequests.Adjustment request) {
        TimeLogView log = tracking.adjust(caller, id, ETags.expectedVersion(ifMatch, "time log"), request);
        return ResponseEntity.ok().eTag(ETags.of(log.version())).body(log);
    }

    @DeleteMapping("/api/v1/time-logs/{id}")
    @PreAuthorize("hasAuthority('TIME_LOG_WRITE')")
    @Operation(summary = "Delete a time log entered in error", description = "Audited.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        tracking.delete(caller, id);
        return ResponseEntity.noContent().build();
    }
}
