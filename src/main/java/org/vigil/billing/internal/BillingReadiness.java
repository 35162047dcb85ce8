package org.vigil.billing.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.audit.AuditedResource;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.billing.engine.BillingEngine;
import org.vigil.billing.engine.BillingFacts;
import org.vigil.billing.engine.Catalog;
import org.vigil.billing.engine.Facts;
import org.vigil.billing.engine.Readiness;
import org.vigil.billing.internal.BillingViews.ClaimLine;
import org.vigil.shared.Ids;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.tenancy.OrganizationZones;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Billing readiness, month summary, claims export and period close for the caller's organization.
 * Each call reads the organization's facts with a few set-based queries, runs the pure engine and
 * records one audit entry listing the patients whose billing data it returned.
 */
@Service
class BillingReadiness {

    static final AuditedResource READINESS = AuditedResource.phi("BillingReadiness");
    static final AuditedResource CLOSE = AuditedResource.phi("BillingPeriodClose");

    private final TenantScope tenant;
    private final BillingFacts facts;
    private final DatabaseCatalog catalogs;
    private final RecordAccessAudit audit;
    private final OrganizationZones zones;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    BillingReadiness(TenantScope tenant, BillingFacts facts, DatabaseCatalog catalogs, RecordAccessAudit audit,
            OrganizationZones zones, JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.tenant = tenant;
        this.facts = facts;
        this.catalogs = catalogs;
        this.audit = audit;
        this.zones = zones;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The facts and the engine's results for the month, as known today in the organization's zone. */
    record Evaluation(YearMonth month, LocalDate today, List<Facts.Patient> patients, List<Readiness.Enrollment> results) {

        List<String> patientIds() {
            return patients.stream().map(Facts.Patient::patientId).distinct().sorted().toList();
        }
    }

    /** Runs inside the organization's tenant scope. */
    Evaluation evaluate(String organizationId, YearMonth month, String patientId) {
        return evaluateLoaded(organizationId, month, () -> patientId == null ? facts.organization(organizationId, month)
                : facts.patient(organizationId, patientId, month).map(List::of).orElse(List.of()));
    }

    private Evaluation evaluateLoaded(String organizationId, YearMonth month, java.util.function.Supplier<List<Facts.Patient>> source) {
        LocalDate today = LocalDate.now(clock.withZone(zones.zoneOf(organizationId)));
        Catalog catalog = catalogs.load();
        BillingEngine engine = new BillingEngine(catalog, catalogs.policy(organizationId), organizationId);
        List<Facts.Patient> loaded = source.get();
        List<Readiness.Enrollment> results = new ArrayList<>();
        for (Facts.Patient p : loaded) {
            results.addAll(engine.evaluate(p, month, today));
        }
        results.sort(Comparator.comparing(Readiness.Enrollment::patientId).thenComparing(Readiness.Enrollment::enrollmentId));
        return new Evaluation(month, today, loaded, results);
    }

    /**
     * Runs the engine over the organization's patients in order of patient id and hands each patient's
     * facts and results (ordered by enrollment id) to {@code each} without keeping them: the order of
     * {@link Evaluation#results()} (patient, then enrollment; each patient's results depend on that
     * patient's facts alone), for the month-wide answers (summary, claims) of 10,000 enrollments.
     * Returns today in the organization's zone.
     */
    private LocalDate evaluateEach(String organizationId, YearMonth month,
            java.util.function.BiConsumer<Facts.Patient, List<Readiness.Enrollment>> each) {
        LocalDate today = LocalDate.now(clock.withZone(zones.zoneOf(organizationId)));
        BillingEngine engine = new BillingEngine(catalogs.load(), catalogs.policy(organizationId), organizationId);
        List<Facts.Patient> loaded = new ArrayList<>(facts.organization(organizationId, month));
        loaded.sort(Comparator.comparing(Facts.Patient::patientId));
        for (Facts.Patient p : loaded) {
            List<Readiness.Enrollment> results = engine.evaluate(p, month, today);
            if (results.size() > 1) {
                results = new ArrayList<>(results);
                results.sort(Comparator.comparing(Readiness.Enrollment::enrollmentId));
            }
            each.accept(p, results);
        }
        return today;
    }

    static YearMonth month(String text, boolean required, Clock clock, java.time.ZoneId zone) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw ApiProblem.invalid("month", "is required, as a month such as 2026-11");
            }
            return YearMonth.now(clock.withZone(zone));
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("month", "must be a month such as 2026-11");
        }
    }

    private YearMonth month(TenantPrincipal caller, String text, boolean required) {
        java.time.ZoneId zone = tenant.call(caller.organizationId(), caller.userId(), () -> zones.zoneOf(caller.organizationId()));
        return month(text, required, clock, zone);
    }

    PageResponse<BillingViews.EnrollmentView> organization(TenantPrincipal caller, String monthText, PageQuery paging) {
        YearMonth month = month(caller, monthText, false);
        return tenant.call(caller.organizationId(), caller.userId(), () -> {
            // The page is chosen from the enrollments' ids (results come one per enrollment, ordered by patient,
            // then enrollment), and only its patients are evaluated: each patient's readiness depends on that
            // patient's facts alone, so the page is the one a whole-organization evaluation would give.
            List<BillingFacts.EnrollmentRef> all = new ArrayList<>(facts.enrollments(caller.organizationId(), month));
            all.sort(Comparator.comparing(BillingFacts.EnrollmentRef::patientId).thenComparing(BillingFacts.EnrollmentRef::enrollmentId));
            int size = paging.sizeOrDefault();
            int from = Math.min(all.size(), paging.pageOrDefault() * size);
            List<BillingFacts.EnrollmentRef> slice = all.subList(from, Math.min(all.size(), from + size));
            Set<String> ids = new java.util.HashSet<>();
            Set<String> patientIds = new LinkedHashSet<>();
            slice.forEach(r -> {
                ids.add(r.enrollmentId());
                patientIds.add(r.patientId());
            });
            Evaluation ev = evaluateLoaded(caller.organizationId(), month,
                    () -> facts.patients(caller.organizationId(), patientIds, month));
            List<Readiness.Enrollment> page = ev.results().stream().filter(e -> ids.contains(e.enrollmentId())).toList();
            audit.searched(READINESS, page.stream().map(Readiness.Enrollment::patientId).distinct().toList(),
                    monthText == null ? Set.of("page") : Set.of("month", "page"), null);
            return new PageResponse<>(page.stream().map(BillingViews.EnrollmentView::of).toList(), paging.pageOrDefault(), size,
                    all.size(), (all.size() + size - 1) / size);
        });
    }

    BillingViews.PatientView patient(TenantPrincipal caller, String patientId, String monthText) {
        YearMonth month = month(caller, monthText, false);
        return tenant.call(caller.organizationId(), caller.userId(), () -> {
            // Row-level security: another organization's patient is as absent as an unknown one.
            if (jdbc.queryForObject("SELECT count(*) FROM patients WHERE id = ?", Integer.class, patientId) == 0) {
                throw ApiProblem.notFound("Patient");
            }
            Evaluation ev = evaluate(caller.organizationId(), month, patientId);
            audit.searched(READINESS, List.of(patientId), Set.of("month"), patientId);
            return new BillingViews.PatientView(patientId, month.toString(), ev.today(),
                    ev.results().stream().map(Readiness.Enrollment::expectedAmount).reduce(BigDecimal.ZERO, BigDecimal::add),
                    ev.results().stream().map(BillingViews.EnrollmentView::of).toList());
        });
    }

    BillingViews.SummaryView summary(TenantPrincipal caller, String monthText) {
        YearMonth month = month(caller, monthText, false);
        return tenant.call(caller.organizationId(), caller.userId(), () -> {
            MonthSummary summary = new MonthSummary();
            LocalDate today = evaluateEach(caller.organizationId(), month, summary::add);
            audit.searched(READINESS, summary.patientIds, Set.of("month", "summary"), null);
            return summary.view(month, today);
        });
    }

    /** The month summary, added up patient by patient (in patient order, as {@link #evaluateEach} gives them). */
    static final class MonthSummary {
        private final List<String> patientIds = new ArrayList<>();
        private final Map<String, Set<String>> patientsByCode = new TreeMap<>();
        private final Map<String, Integer> unitsByCode = new HashMap<>();
        private final Map<String, BigDecimal> amountByCode = new HashMap<>();
        private final Set<String> billablePatients = new LinkedHashSet<>();
        private final List<BillingViews.AtRisk> atRisk = new ArrayList<>();
        private final List<BillingViews.Blocked> blocked = new ArrayList<>();
        private BigDecimal revenue = BigDecimal.ZERO;
        private int unpriced;
        private int enrollments;

        void add(Facts.Patient patient, List<Readiness.Enrollment> results) {
            patientIds.add(patient.patientId());
            for (Readiness.Enrollment e : results) {
                enrollments++;
                for (Readiness.CodeResult c : e.codes()) {
                    if (c.billable()) {
                        patientsByCode.computeIfAbsent(c.code(), k -> new LinkedHashSet<>()).add(e.patientId());
                        unitsByCode.merge(c.code(), c.units(), Integer::sum);
                        billablePatients.add(e.patientId());
                        if (c.amount() == null) {
                            unpriced++;
                        } else {
                            amountByCode.merge(c.code(), c.amount(), BigDecimal::add);
                            revenue = revenue.add(c.amount());
                        }
                    }
                }
                for (Readiness.CodeResult c : e.atRisk()) {
                    atRisk.add(new BillingViews.AtRisk(e.patientId(), e.enrollmentId(), c.code(), c.shortfall(), c.deadline()));
                }
                for (Readiness.RuleResult r : e.eligibility()) {
                    if (!r.passed()) {
                        blocked.add(new BillingViews.Blocked(e.patientId(), e.enrollmentId(), r.description() + " — " + r.detail()));
                        break;
                    }
                }
            }
        }

        BillingViews.SummaryView view(YearMonth month, LocalDate today) {
            List<BillingViews.CodeSummary> byCode = patientsByCode.entrySet().stream().map(x -> new BillingViews.CodeSummary(
                    x.getKey(), x.getValue().size(), unitsByCode.get(x.getKey()), amountByCode.getOrDefault(x.getKey(), BigDecimal.ZERO)))
                    .toList();
            atRisk.sort(Comparator.comparing(BillingViews.AtRisk::deadline).thenComparing(BillingViews.AtRisk::patientId)
                    .thenComparing(BillingViews.AtRisk::code));
            return new BillingViews.SummaryView(month.toString(), today, patientIds.size(), enrollments, billablePatients.size(),
                    revenue, unpriced, byCode, atRisk, blocked);
        }
    }

    /** One claim line per billable code per patient per period (date of service in the month). */
    static List<ClaimLine> claimLines(Evaluation ev) {
        Map<String, Facts.Patient> byId = new HashMap<>();
        for (Facts.Patient p : ev.patients()) {
            byId.put(p.patientId(), p);
        }
        // Results are ordered by patient: each patient's lines, in patient order, are the whole list in its order.
        List<ClaimLine> lines = new ArrayList<>();
        List<Readiness.Enrollment> ofPatient = new ArrayList<>();
        for (Readiness.Enrollment e : ev.results()) {
            if (!ofPatient.isEmpty() && !ofPatient.get(0).patientId().equals(e.patientId())) {
                lines.addAll(claimLines(byId.get(ofPatient.get(0).patientId()), ofPatient));
                ofPatient.clear();
            }
            ofPatient.add(e);
        }
        if (!ofPatient.isEmpty()) {
            lines.addAll(claimLines(byId.get(ofPatient.get(0).patientId()), ofPatient));
        }
        return lines;
    }

    /**
     * One patient's claim lines, ordered by date of service, code and enrollment (with the patient id
     * first, the order of the whole list: {@link #claimLines(Evaluation)}, the CSV and the close).
     */
    static List<ClaimLine> claimLines(Facts.Patient p, List<Readiness.Enrollment> results) {
        Map<String, Facts.Enrollment> enrollments = new HashMap<>();
        p.enrollments().forEach(e -> enrollments.put(e.enrollmentId(), e));
        Map<LocalDate, List<String>> diagnosesOn = new HashMap<>();
        List<ClaimLine> lines = new ArrayList<>();
        for (Readiness.Enrollment e : results) {
            Facts.Enrollment enrollment = enrollments.get(e.enrollmentId());
            for (Readiness.CodeResult c : e.codes()) {
                if (!c.billable()) {
                    continue;
                }
                // The patient's diagnoses current on the date of service, primary first (at most 12, as on a claim).
                List<String> icd10 = diagnosesOn.computeIfAbsent(c.dateOfService(), day -> p.diagnoses().stream()
                        .filter(d -> d.currentDuring(day, day))
                        .sorted(Comparator.comparing((Facts.Diagnosis d) -> !d.primary()).thenComparing(Facts.Diagnosis::icd10))
                        .map(Facts.Diagnosis::icd10).distinct().limit(12).toList());
                lines.add(new ClaimLine(e.patientId(), e.enrollmentId(), c.code(), c.programCode(), c.units(), c.dateOfService(),
                        enrollment.billingClinician() == null ? null : enrollment.billingClinician().npi(), icd10, c.amount(),
                        c.rateTable(), c.provisional()));
            }
        }
        lines.sort(Comparator.comparing(ClaimLine::patientId).thenComparing(ClaimLine::dateOfService)
                .thenComparing(ClaimLine::code).thenComparing(ClaimLine::enrollmentId));
        return lines;
    }

    String claimsCsv(TenantPrincipal caller, String monthText) {
        YearMonth month = month(caller, monthText, false);
        return tenant.call(caller.organizationId(), caller.userId(), () -> {
            // Written patient by patient as the engine evaluates them: no list of every result or line is kept.
            StringBuilder csv = ClaimsCsv.start();
            List<String> patientIds = new ArrayList<>();
            evaluateEach(caller.organizationId(), month, (p, results) -> {
                List<ClaimLine> lines = claimLines(p, results);
                if (!lines.isEmpty()) {
                    patientIds.add(p.patientId());
                    ClaimsCsv.append(csv, lines);
                }
            });
            audit.searched(READINESS, patientIds, Set.of("month", "claims"), null);
            return csv.toString();
        });
    }

    /** Closes a month that has ended: an immutable snapshot of its claim lines. */
    BillingViews.PeriodCloseView close(TenantPrincipal caller, String monthText) {
        YearMonth month = month(caller, monthText, true);
        return tenant.call(caller.organizationId(), caller.userId(), () -> {
            Evaluation ev = evaluate(caller.organizationId(), month, null);
            if (!ev.today().isAfter(month.atEndOfMonth())) {
                throw ApiProblem.conflict("month", "Month still open",
                        "A month can be closed once it has ended in the organization's time zone.");
            }
            List<ClaimLine> lines = claimLines(ev);
            BigDecimal total = lines.stream().map(ClaimLine::amount).filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Instant now = clock.instant();
            String id = Ids.newId();
            try {
                jdbc.update("INSERT INTO billing_period_closes (id, organization_id, month, closed_at, closed_by_user_id, lines, "
                        + "total_amount) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)", id, caller.organizationId(), month.atDay(1),
                        Timestamp.from(now), caller.userId(), json.writeValueAsString(lines), total);
            } catch (DuplicateKeyException e) {
                throw ApiProblem.conflict("month", "Already closed", "This month is closed; its snapshot never changes.");
            }
            audit.searched(CLOSE, lines.stream().map(ClaimLine::patientId).distinct().toList(), Set.of("month", "close"), null);
            return new BillingViews.PeriodCloseView(month.toString(), now, caller.userId(), total, lines, List.of());
        });
    }

    /** A closed month's snapshot and how today's data differs from it. */
    BillingViews.PeriodCloseView closed(TenantPrincipal caller, String monthText) {
        YearMonth month = month(caller, monthText, true);
        return tenant.call(caller.organizationId(), caller.userId(), () -> {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT closed_at, closed_by_user_id, lines::text AS lines, total_amount "
                    + "FROM billing_period_closes WHERE organization_id = ? AND month = ?", caller.organizationId(), month.atDay(1));
            if (rows.isEmpty()) {
                throw ApiProblem.notFound("Closed billing period");
            }
            Map<String, Object> row = rows.get(0);
            List<ClaimLine> closedLines = json.readValue((String) row.get("lines"), new TypeReference<List<ClaimLine>>() { });
            List<ClaimLine> now = claimLines(evaluate(caller.organizationId(), month, null));
            Map<String, ClaimLine> before = new LinkedHashMap<>();
            closedLines.forEach(l -> before.put(l.key(), l));
            Map<String, ClaimLine> after = new LinkedHashMap<>();
            now.forEach(l -> after.put(l.key(), l));
            List<BillingViews.Difference> differences = new ArrayList<>();
            for (ClaimLine l : closedLines) {
                ClaimLine current = after.get(l.key());
                if (current == null) {
                    differences.add(new BillingViews.Difference("REMOVED", l, null));
                } else if (current.units() != l.units() || !java.util.Objects.equals(current.amount(), l.amount())
                        || !current.icd10Codes().equals(l.icd10Codes()) || !java.util.Objects.equals(current.billingNpi(), l.billingNpi())
                        || !java.util.Objects.equals(current.rateTable(), l.rateTable())) {
                    differences.add(new BillingViews.Difference("CHANGED", l, current));
                }
            }
            for (ClaimLine l : now) {
                if (!before.containsKey(l.key())) {
                    differences.add(new BillingViews.Difference("ADDED", null, l));
                }
            }
            Set<String> patientIds = new java.util.TreeSet<>();
            closedLines.forEach(l -> patientIds.add(l.patientId()));
            now.forEach(l -> patientIds.add(l.patientId()));
            audit.searched(CLOSE, List.copyOf(patientIds), Set.of("month"), null);
            return new BillingViews.PeriodCloseView(month.toString(), ((Timestamp) row.get("closed_at")).toInstant(),
                    (String) row.get("closed_by_user_id"), (BigDecimal) row.get("total_amount"), closedLines, differences);
        });
    }
}
