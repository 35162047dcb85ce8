package org.vigil.alerting.internal;

import static org.vigil.alerting.internal.AlertRows.ALERT;
import static org.vigil.alerting.internal.AlertRows.COLUMNS;
import static org.vigil.alerting.internal.AlertRows.OPEN;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.alerting.AlertStatus;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.library.AlertSeverity;
import org.vigil.shared.web.ApiProblem;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/**
 * The triage queue read (docs/api.md, "Triage"): the alerts in the triage order with the queue's
 * filters, cursor-paged ({@link Cursor}); the counts by status and severity; one alert. The reads
 * that name alerts are audited as record access. The actions on the alerts are {@link AlertActions}.
 */
@Service
class TriageQueue {

    /** The priority rank's key; ascending order is the triage order (see {@link AlertWriter#rerank}). */
    static final String SEVERITY_WEIGHT = "(CASE a.severity WHEN 'CRITICAL' THEN 4 WHEN 'HIGH' THEN 3 "
            + "WHEN 'MEDIUM' THEN 2 ELSE 1 END)";
    static final String RANK_KEY = "(-" + SEVERITY_WEIGHT + ", -coalesce(a.risk_score, -1), "
            + "coalesce(a.sla_breach_time, 'infinity'::timestamptz), a.triggered_at, a.id)";

    /** The same order as {@link #RANK_KEY} ascending. */
    static final String ORDER = SEVERITY_WEIGHT + " DESC, coalesce(a.risk_score, -1) DESC, "
            + "coalesce(a.sla_breach_time, 'infinity'::timestamptz), a.triggered_at, a.id";

    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;
    private final AlertRows alerts;
    private final RecordAccessAudit audit;
    private final Clock clock;
    private final Duration claimTimeout;

    TriageQueue(TenantScope tenantScope, JdbcTemplate jdbc, AlertRows alerts, RecordAccessAudit audit, Clock clock) {
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
        this.claimTimeout = alerts.claimTimeout();
    }

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
                        AlertView view = alerts.map(rs, now);
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
            AlertView view = alerts.find(id);
            audit.read(ALERT, id, view.patientId());
            return view;
        });
    }

    void auditRead(String id, String patientId) {
        audit.read(ALERT, id, patientId);
    }
}
