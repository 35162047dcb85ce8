package org.vigil.monitoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.audit.AuditedResource;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.patients.PatientDirectory;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.PageQuery;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading queries: a patient's readings, daily aggregates for charts, the latest value per metric. */
@Service
class ReadingQueries {

    static final AuditedResource DAILY = AuditedResource.phi("ObservationDaily");
    static final int MAX_PATIENTS = 100;

    record ReadingView(String id, String patientId, String metric, String metricId, JsonNode value, String unit,
            String source, String sourceIdentifier, String context, String notes, Instant recordedAt,
            String enrollmentId) {
    }

    record ReadingPage(List<ReadingView> items, int page, int size, boolean hasMore) {
    }

    /** One local day of a metric: every reading counted; min/max/avg over numeric ones; device readings apart. */
    record DayView(LocalDate date, int count, int deviceCount, BigDecimal min, BigDecimal max, BigDecimal avg) {
    }

    record LatestView(String patientId, List<ReadingView> latest) {
    }

    private final TenantScope tenantScope;
    private final PatientDirectory patients;
    private final JdbcTemplate jdbc;
    private final RecordAccessAudit audit;
    private final JsonMapper json;

    ReadingQueries(TenantScope tenantScope, PatientDirectory patients, JdbcTemplate jdbc, RecordAccessAudit audit,
            JsonMapper json) {
        this.tenantScope = tenantScope;
        this.patients = patients;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
    }

    private static final String COLUMNS = "o.id, o.patient_id, m.key, o.metric_id, o.value::text AS value, o.unit, "
            + "o.source, o.source_identifier, o.context, o.notes, o.recorded_at, o.enrollment_id";

    ReadingPage readings(TenantPrincipal caller, String patientId, String metric, Instant from, Instant to,
            PageQuery page) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.invalid("from", "must not be after 'to'");
        }
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            requirePatient(patientId);
            List<Object> args = new ArrayList<>(List.of(patientId));
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM observations o "
                    + "JOIN metric_definitions m ON m.id = o.metric_id WHERE o.patient_id = ?");
            List<String> filters = new ArrayList<>();
            if (metric != null) {
                sql.append(" AND m.key = ?");
                args.add(metric);
                filters.add("metric");
            }
            if (from != null) {
                sql.append(" AND o.recorded_at >= ?");
                args.add(java.sql.Timestamp.from(from));
                filters.add("from");
            }
            if (to != null) {
                sql.append(" AND o.recorded_at < ?");
                args.add(java.sql.Timestamp.from(to));
                filters.add("to");
            }
            int size = page.sizeOrDefault();
            sql.append(" ORDER BY o.recorded_at DESC, o.id LIMIT ? OFFSET ?");
            args.add(size + 1);
            args.add((long) page.pageOrDefault() * size);
            List<ReadingView> items = new ArrayList<>(jdbc.query(sql.toString(), (rs, n) -> view(rs), args.toArray()));
            boolean more = items.size() > size;
            if (more) {
                items.remove(size);
            }
            audit.searched(Ingestion.OBSERVATION, items.stream().map(ReadingView::id).toList(), filters, patientId);
            return new ReadingPage(items, page.pageOrDefault(), size, more);
        });
    }

    List<DayView> daily(TenantPrincipal caller, String patientId, String metric, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw ApiProblem.invalid("from", "must not be after 'to'");
        }
        if (from.plusDays(366).isBefore(to)) {
            throw ApiProblem.invalid("to", "at most 366 days after 'from'");
        }
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            requirePatient(patientId);
            List<DayView> days = jdbc.query("SELECT d.local_date, sum(d.reading_count), "
                    + "coalesce(sum(d.reading_count) FILTER (WHERE d.from_device), 0), min(d.min_value), max(d.max_value), "
                    + "sum(d.sum_value), sum(d.numeric_count) FROM observation_daily d "
                    + "JOIN metric_definitions m ON m.id = d.metric_id "
                    + "WHERE d.patient_id = ? AND m.key = ? AND d.local_date BETWEEN ? AND ? "
                    + "GROUP BY d.local_date ORDER BY d.local_date",
                    (rs, n) -> {
                        BigDecimal sum = rs.getBigDecimal(6);
                        long numeric = rs.getLong(7);
                        BigDecimal avg = sum == null || numeric == 0 ? null
                                : sum.divide(BigDecimal.valueOf(numeric), 4, RoundingMode.HALF_UP).stripTrailingZeros();
                        return new DayView(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3),
                                rs.getBigDecimal(4), rs.getBigDecimal(5), avg);
                    }, patientId, metric, from, to);
            audit.searched(DAILY, List.of(), List.of("metric", "from", "to"), patientId);
            return days;
        });
    }

    List<LatestView> latest(TenantPrincipal caller, List<String> patientIds) {
        if (patientIds.isEmpty() || patientIds.size() > MAX_PATIENTS) {
            throw ApiProblem.invalid("patientIds", "between 1 and " + MAX_PATIENTS + " patient ids");
        }
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            String[] ids = patientIds.stream().distinct().toArray(String[]::new);
            List<ReadingView> rows = jdbc.query("SELECT " + COLUMNS + " FROM (SELECT DISTINCT patient_id, metric_id "
                    + "FROM observation_daily WHERE patient_id = ANY (?)) pm "
                    + "CROSS JOIN LATERAL (SELECT * FROM observations x WHERE x.patient_id = pm.patient_id "
                    + "AND x.metric_id = pm.metric_id ORDER BY x.recorded_at DESC LIMIT 1) o "
                    + "JOIN metric_definitions m ON m.id = o.metric_id ORDER BY o.patient_id, m.key",
                    (rs, n) -> view(rs), (Object) ids);
            Map<String, List<ReadingView>> byPatient = new LinkedHashMap<>();
            for (String id : ids) {
                byPatient.put(id, new ArrayList<>());
            }
            rows.forEach(r -> byPatient.get(r.patientId()).add(r));
            List<LatestView> out = new ArrayList<>();
            byPatient.forEach((patient, latest) -> {
                if (!latest.isEmpty()) {
                    audit.searched(Ingestion.OBSERVATION, latest.stream().map(ReadingView::id).toList(),
                            List.of("patientIds"), patient);
                }
                out.add(new LatestView(patient, latest));
            });
            return out;
        });
    }

    private void requirePatient(String patientId) {
        if (patients.find(patientId).isEmpty()) {
            throw ApiProblem.notFound("patient");
        }
    }

    private ReadingView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ReadingView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                json.readTree(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getString(12));
    }
}
