package org.vigil.alerting.internal;

import static org.vigil.alerting.internal.AlertRows.ALERT;
import static org.vigil.alerting.internal.AlertRows.COLUMNS;
import static org.vigil.alerting.internal.AlertRows.OPEN;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.alerting.AlertChanged;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.carework.AlertTimeLogging;
import org.vigil.shared.Ids;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.tenancy.MembershipDirectory;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/**
 * The alert actions (docs/api.md, "Triage"): claim, unclaim, acknowledge, resolve, dismiss, snooze,
 * escalate, each alone or on many alerts ({@link #bulk}). Every action is one conditional
 * UPDATE (expected status, claim free or the caller's, and the If-Match version when sent), so of
 * two concurrent conflicting actions exactly one changes the row; the other finds out why it did
 * not and answers 409 (or 412, 404). The queue they act on is {@link TriageQueue}.
 */
@Service
class AlertActions {

    static final Duration MAX_SNOOZE = Duration.ofDays(7);

    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;
    private final AlertRows alerts;
    private final RecordAccessAudit audit;
    private final AlertTimeLogging timeLogging;
    private final MembershipDirectory members;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration claimTimeout;

    AlertActions(TenantScope tenantScope, JdbcTemplate jdbc, AlertRows alerts, RecordAccessAudit audit,
            AlertTimeLogging timeLogging, MembershipDirectory members, ApplicationEventPublisher events, Clock clock) {
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.audit = audit;
        this.timeLogging = timeLogging;
        this.members = members;
        this.events = events;
        this.clock = clock;
        this.claimTimeout = alerts.claimTimeout();
    }

    /**
     * One change of one alert: the statuses it may start from, whether the claim must be free or
     * the caller's ({@code claimRule}), the SET clause and its arguments, the event type.
     */
    private record Change(String action, List<String> from, String target, ClaimRule claimRule, String set,
            List<Object> setArgs, String event, List<String> fields) {
    }

    private enum ClaimRule {
        /** Unclaimed, expired, or claimed by the caller. */
        FREE_OR_MINE,
        /** Claimed by the caller (even if expired, as long as no one else claimed it since). */
        MINE,
        /** Anyone may (escalation). */
        ANYONE
    }

    AlertView claim(TenantPrincipal caller, String id, Long expectedVersion) {
        Instant now = clock.instant();
        return apply(caller, id, expectedVersion, new Change("claim", OPEN, null, ClaimRule.FREE_OR_MINE,
                "claimed_by_id = ?, claimed_at = ?", List.of(caller.userId(), Timestamp.from(now)), "CLAIMED",
                List.of("claimedById", "claimedAt")), null);
    }

    AlertView unclaim(TenantPrincipal caller, String id, Long expectedVersion) {
        return apply(caller, id, expectedVersion, new Change("unclaim", OPEN, null, ClaimRule.MINE,
                "claimed_by_id = NULL, claimed_at = NULL", List.of(), "UNCLAIMED", List.of("claimedById", "claimedAt")),
                null);
    }

    AlertView acknowledge(TenantPrincipal caller, String id, Long expectedVersion) {
        Timestamp now = Timestamp.from(clock.instant());
        return apply(caller, id, expectedVersion, new Change("acknowledge", List.of("PENDING"), "ACKNOWLEDGED",
                ClaimRule.FREE_OR_MINE, "status = 'ACKNOWLEDGED', acknowledged_at = ?, claimed_by_id = ?, claimed_at = ?",
                List.of(now, caller.userId(), now), "ACKNOWLEDGED",
                List.of("status", "acknowledgedAt", "claimedById", "claimedAt")), null);
    }

    AlertView resolve(TenantPrincipal caller, String id, Long expectedVersion, AlertRequests.Resolve request) {
        Timestamp now = Timestamp.from(clock.instant());
        return apply(caller, id, expectedVersion, new Change("resolve", List.of("ACKNOWLEDGED"), "RESOLVED",
                ClaimRule.FREE_OR_MINE, "status = 'RESOLVED', resolved_at = ?, resolved_by_id = ?, resolution_notes = ?, "
                        + "action_taken = ?, snoozed_until = NULL",
                List.of(now, caller.userId(), request.resolutionNotes().trim(), request.actionTaken().trim()),
                "RESOLVED", List.of("status", "resolvedAt", "resolvedById", "resolutionNotes", "actionTaken")),
                request.minutesSpent() == null ? null : alert -> timeLogging.logResolution(caller.organizationId(),
                        caller.userId(), alert.id(), alert.patientId(), alert.enrollmentId(), request.minutesSpent(),
                        Boolean.TRUE.equals(request.interactiveCommunication()), request.activity()));
    }

    AlertView dismiss(TenantPrincipal caller, String id, Long expectedVersion, AlertRequests.Dismiss request) {
        Timestamp now = Timestamp.from(clock.instant());
        return apply(caller, id, expectedVersion, new Change("dismiss", List.of("ACKNOWLEDGED"), "DISMISSED",
                ClaimRule.FREE_OR_MINE, "status = 'DISMISSED', resolved_at = ?, resolved_by_id = ?, resolution_notes = ?, "
                        + "action_taken = 'DISMISSED', snoozed_until = NULL",
                List.of(now, caller.userId(), request.reason().trim()), "DISMISSED",
                List.of("status", "resolvedAt", "resolvedById", "resolutionNotes", "actionTaken")), null);
    }

    AlertView snooze(TenantPrincipal caller, String id, Long expectedVersion, AlertRequests.Snooze request) {
        Instant now = clock.instant();
        if (!request.until().isAfter(now)) {
            throw ApiProblem.invalid("until", "must be in the future");
        }
        if (request.until().isAfter(now.plus(MAX_SNOOZE))) {
            throw ApiProblem.invalid("until", "must be at most 7 days ahead");
        }
        return apply(caller, id, expectedVersion, new Change("snooze", OPEN, null, ClaimRule.FREE_OR_MINE,
                "snoozed_until = ?", List.of(Timestamp.from(request.until())), "SNOOZED", List.of("snoozedUntil")), null);
    }

    AlertView escalate(TenantPrincipal caller, String id, Long expectedVersion, AlertRequests.Escalate request) {
        Instant now = clock.instant();
        String target = request.targetUserId() == null || request.targetUserId().isBlank() ? null
                : request.targetUserId();
        if (target != null && members.find(target, caller.organizationId()).isEmpty()) {
            throw ApiProblem.invalid("targetUserId", "names no active member of this organization");
        }
        int level = request.level();
        return apply(caller, id, expectedVersion, new Change("escalate", OPEN, null, ClaimRule.ANYONE,
                "escalation_level = ?, escalated_at = ?", List.of(level, Timestamp.from(now)), "ESCALATED",
                List.of("escalationLevel", "escalatedAt")), alert -> {
            jdbc.update("INSERT INTO alert_escalations (id, organization_id, alert_id, level, target_user_id, reason, "
                    + "escalated_by_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Ids.newId(),
                    caller.organizationId(), alert.id(), level, target, request.reason().trim(), caller.userId(),
                    Timestamp.from(now));
            return null;
        }, " AND escalation_level < " + level);
    }

    private AlertView apply(TenantPrincipal caller, String id, Long expectedVersion, Change change,
            java.util.function.Function<AlertView, String> after) {
        return apply(caller, id, expectedVersion, change, after, "");
    }

    private AlertView apply(TenantPrincipal caller, String id, Long expectedVersion, Change change,
            java.util.function.Function<AlertView, String> after, String extraCondition) {
        Instant now = clock.instant();
        Timestamp claimValidAfter = Timestamp.from(now.minus(claimTimeout));
        AlertView changed = tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            StringBuilder sql = new StringBuilder("UPDATE alerts a SET ").append(change.set())
                    .append(", version = a.version + 1 WHERE a.id = ? AND a.status = ANY (?::text[])");
            List<Object> args = new ArrayList<>(change.setArgs());
            args.add(id);
            args.add(change.from().toArray(String[]::new));
            switch (change.claimRule()) {
                case FREE_OR_MINE -> {
                    sql.append(" AND (a.claimed_by_id IS NULL OR a.claimed_by_id = ? OR a.claimed_at <= ?)");
                    args.add(caller.userId());
                    args.add(claimValidAfter);
                }
                case MINE -> {
                    sql.append(" AND a.claimed_by_id = ?");
                    args.add(caller.userId());
                }
                case ANYONE -> {
                }
            }
            if (expectedVersion != null) {
                sql.append(" AND a.version = ?");
                args.add(expectedVersion);
            }
            sql.append(extraCondition).append(" RETURNING ").append(COLUMNS);
            List<AlertView> rows = jdbc.query(sql.toString(), (rs, n) -> alerts.map(rs, now), args.toArray());
            if (rows.isEmpty()) {
                throw whyNot(caller, id, expectedVersion, change, now);
            }
            AlertView alert = rows.get(0);
            if (after != null) {
                after.apply(alert);
            }
            audit.updated(ALERT, id, alert.patientId(), change.fields());
            return alert;
        });
        events.publishEvent(new AlertChanged(caller.organizationId(), changed.id(), change.event(), changed.status(),
                changed.severity(), changed.claimedById(), changed.escalationLevel(), now));
        return changed;
    }

    /** Why a conditional update changed nothing: 404, 412, or 409 naming the state that stands in the way. */
    private ApiProblem whyNot(TenantPrincipal caller, String id, Long expectedVersion, Change change, Instant now) {
        AlertView current = alerts.find(id);
        if (expectedVersion != null && current.version() != expectedVersion) {
            return ETags.stale("alert");
        }
        if (!change.from().contains(current.status())) {
            return ApiProblem.refused("Illegal transition", "The alert is " + current.status() + "; it cannot "
                    + (change.target() != null ? "go to " + change.target() : change.action())
                    + " from there (allowed from " + String.join(" or ", change.from()) + ").");
        }
        if (change.claimRule() == ClaimRule.MINE) {
            return ApiProblem.refused("Not your claim", current.claimedById() == null
                    ? "The alert is not claimed; only the claimant can unclaim it."
                    : "The alert is claimed by user " + current.claimedById() + "; only the claimant can unclaim it.");
        }
        if (change.claimRule() == ClaimRule.FREE_OR_MINE && current.claimedById() != null
                && !current.claimedById().equals(caller.userId())) {
            return ApiProblem.refused("Claimed by someone else", "The alert is claimed by user "
                    + current.claimedById() + " until " + current.claimExpiresAt() + ".");
        }
        if (change.action().equals("escalate")) {
            return ApiProblem.refused("Already escalated", "The alert is at escalation level "
                    + current.escalationLevel() + "; escalate to a higher level.");
        }
        return ApiProblem.refused("Changed in the meantime", "The alert changed while this request ran; read it again.");
    }

    // ---------------------------------------------------------------------------------- bulk

    /** One alert's outcome of a bulk action: HTTP-like status, the alert when it changed, else the problem. */
    record BulkResult(String alertId, int status, AlertView alert, String title, String detail) {
    }

    List<BulkResult> bulk(TenantPrincipal caller, AlertRequests.Bulk request) {
        List<BulkResult> results = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(request.alertIds())) {
            try {
                AlertView alert = switch (request.action()) {
                    case CLAIM -> claim(caller, id, null);
                    case UNCLAIM -> unclaim(caller, id, null);
                    case ACKNOWLEDGE -> acknowledge(caller, id, null);
                    case RESOLVE -> resolve(caller, id, null, new AlertRequests.Resolve(required(request.resolutionNotes(),
                            "resolutionNotes"), required(request.actionTaken(), "actionTaken"), null, null, null));
                    case DISMISS -> dismiss(caller, id, null, new AlertRequests.Dismiss(required(request.reason(), "reason")));
                    case SNOOZE -> {
                        if (request.until() == null) {
                            throw ApiProblem.invalid("until", "is required for SNOOZE");
                        }
                        yield snooze(caller, id, null, new AlertRequests.Snooze(request.until()));
                    }
                    case ESCALATE -> {
                        if (request.level() == null) {
                            throw ApiProblem.invalid("level", "is required for ESCALATE");
                        }
                        yield escalate(caller, id, null, new AlertRequests.Escalate(request.level(),
                                request.targetUserId(), required(request.reason(), "reason")));
                    }
                };
                results.add(new BulkResult(id, 200, alert, null, null));
            } catch (ApiProblem problem) {
                if (problem.getStatusCode().value() == 400) {
                    throw problem; // the request itself is wrong: the same for every alert
                }
                results.add(new BulkResult(id, problem.getStatusCode().value(), null, problem.getBody().getTitle(),
                        problem.getBody().getDetail()));
            }
        }
        return results;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid(field, "is required for this action");
        }
        return value;
    }
}
