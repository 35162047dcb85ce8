package org.vigil.alerting.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.alerting.AlertChanged;
import org.vigil.alerting.AlertStatus;
import org.vigil.audit.AuditedResource;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.carework.AlertTimeLogging;
import org.vigil.library.AlertSeverity;
import org.vigil.shared.Ids;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.tenancy.MembershipDirectory;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * The triage queue and the alert actions (docs/api.md, "Triage"). Every action is one conditional
 * UPDATE (expected status, claim free or the caller's, and the If-Match version when sent), so of
 * two concurrent conflicting actions exactly one changes the row; the other finds out why it did
 * not and answers 409 (or 412, 404).
 */
@Service
class Triage {

    static final AuditedResource ALERT = AuditedResource.phi("Alert");
    static final Duration MAX_SNOOZE = Duration.ofDays(7);
    static final List<String> OPEN = List.of("PENDING", "ACKNOWLEDGED");

    /** The priority rank's key; ascending order is the triage order (see {@link AlertWriter#rerank}). */
    static final String SEVERITY_WEIGHT = "(CASE a.severity WHEN 'CRITICAL' THEN 4 WHEN 'HIGH' THEN 3 "
            + "WHEN 'MEDIUM' THEN 2 ELSE 1 END)";
    static final String RANK_KEY = "(-" + SEVERITY_WEIGHT + ", -coalesce(a.risk_score, -1), "
            + "coalesce(a.sla_breach_time, 'infinity'::timestamptz), a.triggered_at, a.id)";

    /** The same order as {@link #RANK_KEY} ascending. */
    static final String ORDER = SEVERITY_WEIGHT + " DESC, coalesce(a.risk_score, -1) DESC, "
            + "coalesce(a.sla_breach_time, 'infinity'::timestamptz), a.triggered_at, a.id";

    static final String COLUMNS = "a.id, a.patient_id, a.rule_id, a.clinician_id, a.enrollment_id, a.status, a.severity, "
            + "a.priority, a.message, a.details::text, a.risk_score, a.priority_rank, a.sla_breach_time, a.claimed_by_id, "
            + "a.claimed_at, a.triggered_at, a.last_triggered_at, a.trigger_count, a.acknowledged_at, a.resolved_at, "
            + "a.resolved_by_id, a.resolution_notes, a.action_taken, a.snoozed_until, a.escalation_level, a.escalated_at, "
            + "a.version";

    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final RecordAccessAudit audit;
    private final AlertTimeLogging timeLogging;
    private final MembershipDirectory members;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration claimTimeout;

    Triage(TenantScope tenantScope, JdbcTemplate jdbc, JsonMapper json, RecordAccessAudit audit,
            AlertTimeLogging timeLogging, MembershipDirectory members, ApplicationEventPublisher events, Clock clock,
            @Value("${vigil.alerts.claim-timeout:30m}") Duration claimTimeout) {
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.timeLogging = timeLogging;
        this.members = members;
        this.events = events;
        this.clock = clock;
        this.claimTimeout = claimTimeout;
    }

    Duration claimTimeout() {
        return claimTimeout;
    }

    // ---------------------------------------------------------------------------------- reading

    record Filter(List<AlertSeverity> severity, List<AlertStatus> status, String claimed, String patientId,
            String enrollmentId, String programId, Boolean slaBreached, boolean includeSnoozed) {
    }

    record AlertPage(List<AlertView> items, String nextCursor, int size) {
    }

    AlertPage list(TenantPrincipal caller, Filter filter, String cursor, int size) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        Timestamp claimValidAfter = Timestamp.from(now.minus(claimTimeout));
        StringBuilder where = new StringBuilder(" WHERE a.organization_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(caller.organizationId());
        List<String> used = new ArrayList<>();
        List<String> statuses = filter.status() == null || filter.status().isEmpty() ? OPEN
                : filter.status().stream().map(Enum::name).toList();
        if (filter.status() != null && !filter.status().isEmpty()) {
            used.add("status");
        }
        where.append(" AND a.status = ANY (?::text[])");
        args.add(statuses.toArray(String[]::new));
        if (filter.severity() != null && !filter.severity().isEmpty()) {
            where.append(" AND a.severity = ANY (?::text[])");
            args.add(filter.severity().stream().map(Enum::name).toArray(String[]::new));
            used.add("severity");
        }
        if (filter.claimed() != null && !filter.claimed().isBlank() && !filter.claimed().equals("any")) {
            used.add("claimed");
            switch (filter.claimed()) {
                case "me" -> {
                    where.append(" AND a.claimed_by_id = ? AND a.claimed_at > ?");
                    args.add(caller.userId());
                    args.add(claimValidAfter);
                }
                case "unclaimed" -> {
                    where.append(" AND (a.claimed_by_id IS NULL OR a.claimed_at <= ?)");
                    args.add(claimValidAfter);
                }
                case "others" -> {
                    where.append(" AND a.claimed_by_id <> ? AND a.claimed_at > ?");
                    args.add(caller.userId());
                    args.add(claimValidAfter);
                }
                default -> throw ApiProblem.invalid("claimed", "must be one of me, unclaimed, others, any");
            }
        }
        if (filter.patientId() != null && !filter.patientId().isBlank()) {
            where.append(" AND a.patient_id = ?");
            args.add(filter.patientId());
            used.add("patientId");
        }
        if (filter.enrollmentId() != null && !filter.enrollmentId().isBlank()) {
            where.append(" AND a.enrollment_id = ?");
            args.add(filter.enrollmentId());
            used.add("enrollmentId");
        }
        if (filter.programId() != null && !filter.programId().isBlank()) {
            where.append(" AND a.enrollment_id IN (SELECT e.id FROM enrollments e WHERE e.care_program_id = ?)");
            args.add(filter.programId());
            used.add("programId");
        }
        if (filter.slaBreached() != null) {
            where.append(filter.slaBreached() ? " AND a.sla_breach_time <= ?"
                    : " AND (a.sla_breach_time IS NULL OR a.sla_breach_time > ?)");
            args.add(at);
            used.add("slaBreached");
        }
        if (!filter.includeSnoozed()) {
            where.append(" AND (a.snoozed_until IS NULL OR a.snoozed_until <= ?)");
            args.add(at);
        } else {
            used.add("includeSnoozed");
        }
        if (cursor != null && !cursor.isBlank()) {
            Cursor c = Cursor.decode(cursor);
            where.append(" AND " + RANK_KEY + " > (?, ?, ?::timestamptz, ?::timestamptz, ?)");
            args.add(-c.severityWeight());
            args.add(-c.risk());
            args.add(c.slaBreach());
            args.add(c.triggeredAt());
            args.add(c.id());
        }
        args.add(size + 1);
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            List<Object[]> keyed = new ArrayList<>();
            List<AlertView> rows = jdbc.query("SELECT " + COLUMNS + ", " + SEVERITY_WEIGHT + ", coalesce(a.risk_score, -1), "
                    + "coalesce(a.sla_breach_time, 'infinity'::timestamptz)::text FROM alerts a" + where
                    + " ORDER BY " + ORDER + " LIMIT ?", (rs, n) -> {
                        AlertView view = map(rs, now);
                        keyed.add(new Object[] {rs.getInt(28), rs.getDouble(29), rs.getString(30)});
                        return view;
                    }, args.toArray());
            String next = null;
            if (rows.size() > size) {
                rows = rows.subList(0, size);
                AlertView last = rows.get(size - 1);
                Object[] key = keyed.get(size - 1);
                String sla = last.slaBreachTime() == null ? "infinity" : last.slaBreachTime().toString();
                next = new Cursor((Integer) key[0], (Double) key[1], sla, last.triggeredAt().toString(), last.id())
                        .encode();
            }
            audit.searched(ALERT, rows.stream().map(AlertView::id).toList(), used, filter.patientId());
            return new AlertPage(List.copyOf(rows), next, size);
        });
    }

    /** The position after an alert in the triage order; opaque to clients (base64url). */
    record Cursor(int severityWeight, double risk, String slaBreach, String triggeredAt, String id) {

        String encode() {
            String raw = severityWeight + "|" + risk + "|" + slaBreach + "|" + triggeredAt + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 5);
                if (parts.length != 5) {
                    throw new IllegalArgumentException();
                }
                String sla = parts[2].equals("infinity") ? "infinity" : Instant.parse(parts[2]).toString();
                return new Cursor(Integer.parseInt(parts[0]), Double.parseDouble(parts[1]), sla,
                        Instant.parse(parts[3]).toString(), parts[4]);
            } catch (RuntimeException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor of this list; use nextCursor as returned");
            }
        }
    }

    record Counts(Map<String, Long> byStatus, Map<String, Long> openBySeverity, long open, long unclaimed,
            long slaBreached, long snoozed) {
    }

    Counts counts(TenantPrincipal caller) {
        Instant now = clock.instant();
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (AlertStatus s : AlertStatus.values()) {
                byStatus.put(s.name(), 0L);
            }
            jdbc.query("SELECT status, count(*) FROM alerts WHERE organization_id = ? GROUP BY status",
                    rs -> {
                        byStatus.put(rs.getString(1), rs.getLong(2));
                    }, caller.organizationId());
            Map<String, Long> bySeverity = new LinkedHashMap<>();
            for (AlertSeverity s : AlertSeverity.values()) {
                bySeverity.put(s.name(), 0L);
            }
            jdbc.query("SELECT severity, count(*) FROM alerts WHERE organization_id = ? "
                    + "AND status IN ('PENDING', 'ACKNOWLEDGED') GROUP BY severity", rs -> {
                        bySeverity.put(rs.getString(1), rs.getLong(2));
                    }, caller.organizationId());
            Map<String, Object> totals = jdbc.queryForMap("SELECT count(*) AS open, "
                    + "count(*) FILTER (WHERE claimed_by_id IS NULL OR claimed_at <= ?) AS unclaimed, "
                    + "count(*) FILTER (WHERE sla_breach_time <= ?) AS breached, "
                    + "count(*) FILTER (WHERE snoozed_until > ?) AS snoozed "
                    + "FROM alerts WHERE organization_id = ? AND status IN ('PENDING', 'ACKNOWLEDGED')",
                    Timestamp.from(now.minus(claimTimeout)), Timestamp.from(now), Timestamp.from(now),
                    caller.organizationId());
            return new Counts(byStatus, bySeverity, ((Number) totals.get("open")).longValue(),
                    ((Number) totals.get("unclaimed")).longValue(), ((Number) totals.get("breached")).longValue(),
                    ((Number) totals.get("snoozed")).longValue());
        });
    }

    AlertView get(TenantPrincipal caller, String id) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            AlertView view = find(id);
            audit.read(ALERT, id, view.patientId());
            return view;
        });
    }

    void auditRead(String id, String patientId) {
        audit.read(ALERT, id, patientId);
    }

    /** Inside a tenant scope: the alert or 404. */
    AlertView find(String id) {
        Instant now = clock.instant();
        return jdbc.query("SELECT " + COLUMNS + " FROM alerts a WHERE a.id = ?", (rs, n) -> map(rs, now), id)
                .stream().findFirst().orElseThrow(() -> ApiProblem.notFound("alert"));
    }

    AlertView map(ResultSet rs, Instant now) throws SQLException {
        String status = rs.getString(6);
        boolean open = OPEN.contains(status);
        Instant sla = instant(rs, 13);
        String claimedBy = rs.getString(14);
        Instant claimedAt = instant(rs, 15);
        boolean claimHolds = open && claimedBy != null && claimedAt != null && claimedAt.plus(claimTimeout).isAfter(now);
        String details = rs.getString(10);
        Object risk = rs.getObject(11);
        Object rank = rs.getObject(12);
        return new AlertView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), status,
                rs.getString(7), rs.getInt(8), rs.getString(9), details == null ? null : json.readTree(details),
                risk == null ? null : ((Number) risk).doubleValue(), rank == null ? null : ((Number) rank).intValue(),
                sla, open && sla != null && !sla.isAfter(now), claimHolds ? claimedBy : null,
                claimHolds ? claimedAt : null, claimHolds ? claimedAt.plus(claimTimeout) : null, instant(rs, 16),
                instant(rs, 17), rs.getInt(18), instant(rs, 19), instant(rs, 20), rs.getString(21), rs.getString(22),
                rs.getString(23), instant(rs, 24), rs.getInt(25), instant(rs, 26), rs.getLong(27));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    // ---------------------------------------------------------------------------------- actions

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
            List<AlertView> rows = jdbc.query(sql.toString(), (rs, n) -> map(rs, now), args.toArray());
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
        AlertView current = find(id);
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
