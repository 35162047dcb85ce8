package org.vigil.alerting.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.vigil.alerting.AlertStatus;
import org.vigil.library.AlertSeverity;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.tenancy.TenantPrincipal;

/** The triage queue: open alerts in priority order, the actions on them, and their live stream. */
@RestController
@Tag(name = "Triage")
@Validated
class AlertsController {

    static final String BLANK = "must not hold a blank value";

    private final TriageQueue queue;
    private final AlertActions actions;
    private final AlertContext context;
    private final AlertStream stream;

    AlertsController(TriageQueue queue, AlertActions actions, AlertContext context, AlertStream stream) {
        this.queue = queue;
        this.actions = actions;
        this.context = context;
        this.stream = stream;
    }

    @GetMapping("/api/v1/alerts")
    @PreAuthorize("hasAuthority('ALERT_READ')")
    @Operation(summary = "The triage queue", description = "Open alerts (PENDING, ACKNOWLEDGED; snoozed ones only "
            + "with includeSnoozed=true) in priorityRank order: severity (critical first), risk score (highest "
            + "first), SLA breach time (least time left first), trigger time (oldest first). Filters severity, "
            + "status (repeatable; any status, default the open ones), claimed=me|unclaimed|others|any, patientId, "
            + "enrollmentId, programId, slaBreached. Cursor-paged: pass nextCursor as cursor; size 1-100 (25).")
    TriageQueue.AlertPage list(@AuthenticationPrincipal TenantPrincipal caller,
            // a blank value converts to no value at all: refused rather than read as a filter of nothing
            @RequestParam(required = false) List<@NotNull(message = BLANK) AlertSeverity> severity,
            @RequestParam(required = false) List<@NotNull(message = BLANK) AlertStatus> status,
            @RequestParam(required = false) @Size(max = 16) String claimed,
            @RequestParam(required = false) @Size(max = 64) String patientId,
            @RequestParam(required = false) @Size(max = 64) String enrollmentId,
            @RequestParam(required = false) @Size(max = 64) String programId,
            @RequestParam(required = false) Boolean slaBreached,
            @RequestParam(required = false, defaultValue = "false") boolean includeSnoozed,
            @RequestParam(required = false) @Size(max = 512) String cursor,
            @RequestParam(required = false, defaultValue = "25") @Min(1) @Max(100) int size) {
        return queue.list(caller, new TriageQueue.Filter(severity, status, claimed, patientId, enrollmentId, programId,
                slaBreached, includeSnoozed), cursor, size);
    }

    @GetMapping("/api/v1/alerts/counts")
    @PreAuthorize("hasAuthority('ALERT_READ')")
    @Operation(summary = "Alert counts", description = "All alerts by status; open alerts by severity; open, "
            + "unclaimed, SLA-breached and snoozed open alerts.")
    TriageQueue.Counts counts(@AuthenticationPrincipal TenantPrincipal caller) {
        return queue.counts(caller);
    }

    @GetMapping(path = "/api/v1/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAuthority('ALERT_READ')")
    @Operation(summary = "Live alert changes (server-sent events)", description = "Authenticated with the usual "
            + "Authorization header; requires Accept: text/event-stream (400 otherwise). First an event 'ready', then "
            + "an event 'alert' {type, alertId, status, severity, claimedById, escalationLevel, at} for every alert of "
            + "the organization raised, updated, claimed, unclaimed, acknowledged, resolved, dismissed, snoozed or "
            + "escalated. No patient data; re-read the alert.")
    SseEmitter stream(@AuthenticationPrincipal TenantPrincipal caller,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (accept == null || !accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            throw ApiProblem.badRequest("Accept text/event-stream",
                    "The alert stream is server-sent events; send 'Accept: text/event-stream'.");
        }
        return stream.open(caller.organizationId());
    }

    @GetMapping("/api/v1/alerts/{id}")
    @PreAuthorize("hasAuthority('ALERT_READ')")
    @Operation(summary = "Read an alert")
    ResponseEntity<AlertView> get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable @Size(max = 64) String id) {
        return ok(queue.get(caller, id));
    }

    @GetMapping("/api/v1/alerts/{id}/context")
    @PreAuthorize("hasAuthority('ALERT_READ')")
    @Operation(summary = "An alert's clinical context", description = "Evidence, the recent series of each metric "
            + "the evidence names, the patient's other open alerts, active medications with 30-day adherence, the "
            + "last interactive contact, and the alert's escalations.")
    AlertContext.View context(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable @Size(max = 64) String id) {
        return context.of(caller, id);
    }

    @PostMapping("/api/v1/alerts/{id}/claim")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    @Operation(summary = "Claim an alert", description = "Atomic: of concurrent claims exactly one wins; while the "
            + "claim holds (vigil.alerts.claim-timeout, default 30 minutes) others get 409 naming the claimant. "
            + "Re-claiming your own claim renews it. If-Match is checked when sent.")
    ResponseEntity<AlertView> claim(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable @Size(max = 64) String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(actions.claim(caller, id, version(ifMatch)));
    }

    @PostMapping("/api/v1/alerts/{id}/unclaim")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    @Operation(summary = "Release your claim", description = "Only the claimant (409 otherwise).")
    ResponseEntity<AlertView> unclaim(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable @Size(max = 64) String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(actions.unclaim(caller, id, version(ifMatch)));
    }

    @PostMapping("/api/v1/alerts/{id}/acknowledge")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    @Operation(summary = "Acknowledge an alert", description = "PENDING → ACKNOWLEDGED; claims it for the caller. "
            + "409 when claimed by someone else or not PENDING.")
    ResponseEntity<AlertView> acknowledge(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable @Size(max = 64) String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(actions.acknowledge(caller, id, version(ifMatch)));
    }

    @PostMapping("/api/v1/alerts/{id}/resolve")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    @Operation(summary = "Resolve an alert", description = "ACKNOWLEDGED → RESOLVED; resolutionNotes and actionTaken "
            + "required; minutesSpent (optional) becomes exactly one time log (source ALERT_RESOLUTION) of the "
            + "caller's clinician profile for the alert's enrollment; refused as a whole if the time cannot be logged.")
    ResponseEntity<AlertView> resolve(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable @Size(max = 64) String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AlertRequests.Resolve request) {
        return ok(actions.resolve(caller, id, version(ifMatch), request));
    }

    @PostMapping("/api/v1/alerts/{id}/dismiss")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    @Operation(summary = "Dismiss an alert", description = "ACKNOWLEDGED → DISMISSED with a reason.")
    ResponseEntity<AlertView> dismiss(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable @Size(max = 64) String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AlertRequests.Dismiss request) {
        return ok(actions.dismiss(caller, id, version(ifMatch), request));
    }

    @PostMapping("/api/v1/alerts/{id}/snooze")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    @Operation(summary = "Snooze an alert", description = "Hidden from the queue until 'until' (future, at most 7 "
            + "days ahead); still escalated when its SLA breaches.")
    ResponseEntity<AlertView> snooze(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable @Size(max = 64) String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AlertRequests.Snooze request) {
        return ok(actions.snooze(caller, id, version(ifMatch), request));
    }

    @PostMapping("/api/v1/alerts/{id}/escalate")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    @Operation(summary = "Escalate an alert", description = "To a higher level, optionally for a member "
            + "(targetUserId), with a reason; any member with ALERT_WORK may escalate, claimed or not.")
    ResponseEntity<AlertView> escalate(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable @Size(max = 64) String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AlertRequests.Escalate request) {
        return ok(actions.escalate(caller, id, version(ifMatch), request));
    }

    record BulkResponse(List<AlertActions.BulkResult> results) {
    }

    @PostMapping("/api/v1/alerts/bulk")
    @PreAuthorize("hasAuthority('ALERT_WORK')")
    @Operation(summary = "One action on many alerts", description = "Each alert in its own transaction with its "
            + "own outcome (status 200 with the alert, or 404/409 with title and detail); 200 overall. A request "
            + "that is wrong for every alert (a missing reason, say) is 400.")
    BulkResponse bulk(@AuthenticationPrincipal TenantPrincipal caller, @Valid @RequestBody AlertRequests.Bulk request) {
        return new BulkResponse(actions.bulk(caller, request));
    }

    private static ResponseEntity<AlertView> ok(AlertView alert) {
        return ResponseEntity.ok().eTag(ETags.of(alert.version())).body(alert);
    }

    private static Long version(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.expectedVersion(ifMatch, "alert");
    }
}
