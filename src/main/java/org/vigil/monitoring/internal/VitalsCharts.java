package org.vigil.monitoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.library.AlertRuleCatalog;
import org.vigil.library.MetricCatalog;
import org.vigil.library.ValueType;
import org.vigil.library.rules.Condition;
import org.vigil.library.rules.ConditionParser;
import org.vigil.library.rules.Op;
import org.vigil.library.rules.ThresholdValue;
import org.vigil.patients.EnrollmentDirectory;
import org.vigil.patients.PatientDirectory;
import org.vigil.shared.web.ApiProblem;
import org.vigil.tenancy.OrganizationZones;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/**
 * A patient's vitals as charts, one per numeric metric with readings in the chosen period: every
 * reading for a week, daily average / lowest / highest (from the daily rollup) for longer periods.
 * Each chart carries its shaded ranges: the metric definition's normal range, and the alert
 * thresholds of the rules that apply to the patient (the rules of the condition presets of their
 * ACTIVE enrollments and the organization-wide rules) with the patient's own threshold overrides.
 * Reads are tenant-scoped and audited like the API's reading queries.
 */
@Service
class VitalsCharts {

    /** At most this many raw readings in a week's charts (beyond it the daily view is the useful one). */
    static final int MAX_RAW = 5000;

    record Series(String label, List<Object[]> points) {
    }

    /** A shaded range; {@code from}/{@code to} null means unbounded on that side. */
    record Band(BigDecimal from, BigDecimal to, String kind) {
    }

    /** A threshold as the legend under a chart names it. */
    record Threshold(String text, String rule, boolean override) {
    }

    record Chart(String key, String name, String unit, List<Series> series, List<Band> bands, BigDecimal yMin,
            BigDecimal yMax, int readings, String normal, List<Threshold> thresholds) {
    }

    private final TenantScope tenantScope;
    private final PatientDirectory patients;
    private final EnrollmentDirectory enrollments;
    private final AlertRuleCatalog rules;
    private final MetricCatalog metrics;
    private final OrganizationZones zones;
    private final JdbcTemplate jdbc;
    private final RecordAccessAudit audit;
    private final Clock clock;

    VitalsCharts(TenantScope tenantScope, PatientDirectory patients, EnrollmentDirectory enrollments,
            AlertRuleCatalog rules, MetricCatalog metrics, OrganizationZones zones, JdbcTemplate jdbc,
            RecordAccessAudit audit, Clock clock) {
        this.tenantScope = tenantScope;
        this.patients = patients;
        this.enrollments = enrollments;
        this.rules = rules;
        this.metrics = metrics;
        this.zones = zones;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    List<Chart> charts(TenantPrincipal caller, String patientId, int days) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            if (patients.find(patientId).isEmpty()) {
                throw ApiProblem.notFound("patient");
            }
            ZoneId zone = zones.zoneOf(caller.organizationId());
            Instant now = clock.instant();
            Map<String, List<Series>> seriesByMetric = days <= 7 ? raw(patientId, now.minusSeconds(days * 86_400L))
                    : daily(patientId, LocalDate.ofInstant(now, zone).minusDays(days - 1L), zone);
            if (seriesByMetric.isEmpty()) {
                return List.of();
            }
            Map<String, MetricCatalog.MetricInfo> definitions = new LinkedHashMap<>();
            metrics.byKeys(seriesByMetric.keySet()).stream()
                    .sorted(Comparator.comparing(m -> m.organizationId() == null ? 0 : 1))
                    .forEach(m -> definitions.put(m.key(), m)); // the organization's own wins
            Map<String, List<RuleLimit>> limits = limits(caller.organizationId(), patientId);
            List<Chart> charts = new ArrayList<>();
            seriesByMetric.forEach((key, series) -> {
                MetricCatalog.MetricInfo metric = definitions.get(key);
                if (metric == null || !(metric.valueType() == ValueType.NUMERIC || metric.valueType() == ValueType.INTEGER)) {
                    return;
                }
                charts.add(chart(metric, series, limits.getOrDefault(key, List.of())));
            });
            charts.sort(Comparator.comparing(Chart::name));
            return charts;
        });
    }

    private Map<String, List<Series>> raw(String patientId, Instant from) {
        Map<String, List<Object[]>> points = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        jdbc.query("SELECT m.key, o.id, o.recorded_at, o.value::text FROM observations o "
                + "JOIN metric_definitions m ON m.id = o.metric_id WHERE o.patient_id = ? AND o.recorded_at >= ? "
                + "ORDER BY o.recorded_at LIMIT " + MAX_RAW, rs -> {
                    BigDecimal value = number(rs.getString(4));
                    if (value != null) {
                        ids.add(rs.getString(2));
                        points.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new Object[] {rs.getTimestamp(3).getTime(), tidy(value)});
                    }
                }, patientId, Timestamp.from(from));
        audit.searched(Ingestion.OBSERVATION, ids, List.of("from"), patientId);
        Map<String, List<Series>> out = new LinkedHashMap<>();
        points.forEach((key, list) -> out.put(key, List.of(new Series("Reading", list))));
        return out;
    }

    private Map<String, List<Series>> daily(String patientId, LocalDate from, ZoneId zone) {
        Map<String, List<Object[]>> avg = new TreeMap<>();
        Map<String, List<Object[]>> low = new TreeMap<>();
        Map<String, List<Object[]>> high = new TreeMap<>();
        jdbc.query("SELECT m.key, d.local_date, min(d.min_value), max(d.max_value), sum(d.sum_value), "
                + "sum(d.numeric_count) FROM observation_daily d JOIN metric_definitions m ON m.id = d.metric_id "
                + "WHERE d.patient_id = ? AND d.local_date >= ? GROUP BY m.key, d.local_date ORDER BY d.local_date",
                rs -> {
                    long numeric = rs.getLong(6);
                    BigDecimal sum = rs.getBigDecimal(5);
                    if (numeric == 0 || sum == null) {
                        return;
                    }
                    String key = rs.getString(1);
                    long at = rs.getObject(2, LocalDate.class).atTime(LocalTime.NOON).atZone(zone).toInstant().toEpochMilli();
                    avg.computeIfAbsent(key, k -> new ArrayList<>()).add(new Object[] {at,
                            tidy(sum.divide(BigDecimal.valueOf(numeric), 1, RoundingMode.HALF_UP))});
                    low.computeIfAbsent(key, k -> new ArrayList<>()).add(new Object[] {at, tidy(rs.getBigDecimal(3))});
                    high.computeIfAbsent(key, k -> new ArrayList<>()).add(new Object[] {at, tidy(rs.getBigDecimal(4))});
                }, patientId, from);
        audit.searched(ReadingQueries.DAILY, List.of(), List.of("from"), patientId);
        Map<String, List<Series>> out = new LinkedHashMap<>();
        avg.forEach((key, list) -> out.put(key, List.of(new Series("Daily average", list),
                new Series("Lowest", low.get(key)), new Series("Highest", high.get(key)))));
        return out;
    }

    /** An alert limit on one metric: readings beyond it (above when {@code above}) alert. */
    private record RuleLimit(BigDecimal value, boolean above, String rule, boolean override) {
    }

    private Map<String, List<RuleLimit>> limits(String organizationId, String patientId) {
        Set<String> presetIds = new LinkedHashSet<>();
        enrollments.activeOf(List.of(patientId)).forEach(e -> {
            if (e.conditionPresetId() != null) {
                presetIds.add(e.conditionPresetId());
            }
        });
        List<AlertRuleCatalog.ApplicableRule> applicable = new ArrayList<>(rules.ofPresets(presetIds));
        applicable.addAll(rules.organizationWide(organizationId));
        Map<String, BigDecimal> overrides = patients.thresholdOverrides(patientId);
        Map<String, List<RuleLimit>> limits = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (AlertRuleCatalog.ApplicableRule rule : applicable) {
            if (!seen.add(rule.id())) {
                continue;
            }
            Condition condition;
            try {
                condition = ConditionParser.parse(rule.conditionsJson());
            } catch (RuntimeException unparsable) {
                continue; // a rule the engine cannot read shades nothing
            }
            condition.leaves().forEach(leaf -> {
                if (leaf instanceof Condition.Threshold t) {
                    add(limits, t.metric(), t.op(), t.value(), overrides, rule.name());
                } else if (leaf instanceof Condition.Consecutive c) {
                    add(limits, c.metric(), c.op(), c.value(), overrides, rule.name());
                } else if (leaf instanceof Condition.Aggregate a && a.fn() != Condition.Aggregate.Fn.COUNT
                        && a.fn() != Condition.Aggregate.Fn.SUM) {
                    add(limits, a.metric(), a.op(), a.value(), overrides, rule.name());
                } else if (leaf instanceof Condition.Range r && r.mode() == Condition.Range.Mode.OUTSIDE) {
                    add(limits, r.metric(), Op.LT, r.min(), overrides, rule.name());
                    add(limits, r.metric(), Op.GT, r.max(), overrides, rule.name());
                }
            });
        }
        return limits;
    }

    private static void add(Map<String, List<RuleLimit>> limits, String metric, Op op, ThresholdValue threshold,
            Map<String, BigDecimal> overrides, String rule) {
        boolean above = op == Op.GT || op == Op.GTE;
        if (!above && op != Op.LT && op != Op.LTE) {
            return;
        }
        ThresholdValue.Resolved resolved = threshold.resolve(overrides);
        limits.computeIfAbsent(metric, k -> new ArrayList<>())
                .add(new RuleLimit(resolved.value(), above, rule, resolved.overrideKey() != null));
    }

    private static Chart chart(MetricCatalog.MetricInfo metric, List<Series> series, List<RuleLimit> limits) {
        List<Band> bands = new ArrayList<>();
        if (metric.normalMin() != null || metric.normalMax() != null) {
            bands.add(new Band(tidy(metric.normalMin()), tidy(metric.normalMax()), "normal"));
        }
        List<Threshold> thresholds = new ArrayList<>();
        Set<String> shaded = new LinkedHashSet<>();
        BigDecimal low = metric.normalMin();
        BigDecimal high = metric.normalMax();
        for (RuleLimit limit : limits) {
            String text = (limit.above() ? "≥ " : "≤ ") + limit.value().stripTrailingZeros().toPlainString();
            thresholds.add(new Threshold(text, limit.rule(), limit.override()));
            if (shaded.add((limit.above() ? "+" : "-") + limit.value().stripTrailingZeros().toPlainString())) {
                bands.add(limit.above() ? new Band(tidy(limit.value()), null, "alert")
                        : new Band(null, tidy(limit.value()), "alert"));
            }
            low = min(low, limit.value());
            high = max(high, limit.value());
        }
        int readings = 0;
        for (Series s : series) {
            for (Object[] point : s.points()) {
                BigDecimal value = (BigDecimal) point[1];
                low = min(low, value);
                high = max(high, value);
            }
        }
        readings = series.get(0).points().size();
        BigDecimal pad = low != null && high != null ? high.subtract(low).abs().multiply(new BigDecimal("0.08"))
                .max(BigDecimal.ONE) : BigDecimal.ONE;
        return new Chart(metric.key(), metric.displayName(), metric.unit(), series, bands,
                low == null ? null : tidy(low.subtract(pad)), high == null ? null : tidy(high.add(pad)), readings,
                metric.normalMin() == null && metric.normalMax() == null ? null
                        : plain(metric.normalMin()) + "–" + plain(metric.normalMax()), thresholds);
    }

    /** Without trailing zeros and never in exponent notation (JSON "120", not "1.2E+2"). */
    private static BigDecimal tidy(BigDecimal value) {
        return value == null ? null : new BigDecimal(value.stripTrailingZeros().toPlainString());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "…" : value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.min(b);
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    private static BigDecimal number(String json) {
        if (json == null || json.isEmpty()) {
            return null;
        }
        char c = json.charAt(0);
        if (c == '-' || Character.isDigit(c)) {
            try {
                return new BigDecimal(json);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
