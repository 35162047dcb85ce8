package org.vigil.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.billing.engine.Readiness;
import org.vigil.tenancy.OrganizationZones;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/**
 * What the billing board shows for a month: the month summary, and one row per patient, enrollment,
 * code and period with its progress toward the threshold, filtered by status and code, one page at a
 * time. The whole organization is evaluated once (the summary needs it); only the page's rows are
 * turned into rows with patient names, and only the page's patients are audited as returned.
 * Codes that do not apply this period (NOT_APPLICABLE) are not rows.
 */
@Service
class BillingBoard {

    /** The board's statuses: the engine's, with a NOT_MET whose shortfall can still be made up shown as AT_RISK. */
    enum BoardStatus {
        MET, AT_RISK, NOT_MET, BLOCKED;

        static BoardStatus of(Readiness.CodeResult c) {
            return switch (c.status()) {
                case MET -> MET;
                case BLOCKED -> BLOCKED;
                case NOT_MET -> c.deadline() != null && c.shortfall() != null ? AT_RISK : NOT_MET;
                case NOT_APPLICABLE -> null;
            };
        }

        public String label() {
            return switch (this) {
                case MET -> "Met";
                case AT_RISK -> "At risk";
                case NOT_MET -> "Not met";
                case BLOCKED -> "Blocked";
            };
        }
    }

    record Row(String patientId, String patientName, String medicalRecordNumber, String enrollmentId, String programKind,
            String code, String description, BoardStatus status, Readiness.Progress progress, String reason, String shortfall,
            LocalDate deadline, LocalDate periodStart, LocalDate periodEnd, boolean billedInMonth, boolean provisional,
            BigDecimal amount) {

        public boolean days() {
            return progress != null && "days".equals(progress.unit());
        }

        public boolean minutes() {
            return progress != null && "minutes".equals(progress.unit());
        }
    }

    record CodeTotal(String code, int claims, int units, BigDecimal amount) {
    }

    record Summary(int billableClaims, BigDecimal expectedRevenue, int unpriced, List<CodeTotal> byCode, int atRisk,
            int blocked, int patients) {
    }

    record Closed(Instant closedAt, BigDecimal totalAmount) {
        private static final java.time.format.DateTimeFormatter AT = java.time.format.DateTimeFormatter
                .ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

        public String at() {
            return AT.format(closedAt);
        }
    }

    record Board(YearMonth month, LocalDate today, boolean ended, Closed closed, Summary summary, List<Row> rows,
            int page, int size, int totalRows, int pages, List<String> codes, Map<BoardStatus, Integer> statusCounts) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }
    }

    static final int PAGE_SIZE = 25;

    private final BillingReadiness readiness;
    private final TenantScope tenant;
    private final OrganizationZones zones;
    private final RecordAccessAudit audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    BillingBoard(BillingReadiness readiness, TenantScope tenant, OrganizationZones zones, RecordAccessAudit audit,
            JdbcTemplate jdbc, Clock clock) {
        this.readiness = readiness;
        this.tenant = tenant;
        this.zones = zones;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The month the text names, or the current month in the organization's zone when it is blank (400 when malformed). */
    YearMonth month(TenantPrincipal caller, String text) {
        ZoneId zone = tenant.call(caller.organizationId(), caller.userId(), () -> zones.zoneOf(caller.organizationId()));
        return BillingReadiness.month(text, false, clock, zone);
    }

    Board board(TenantPrincipal caller, YearMonth month, BoardStatus status, String code, int page) {
        return tenant.call(caller.organizationId(), caller.userId(), () -> {
            BillingReadiness.Evaluation ev = readiness.evaluate(caller.organizationId(), month, null);
            List<Readiness.CodeResult> all = new ArrayList<>();
            List<Readiness.Enrollment> owners = new ArrayList<>();
            Map<String, Integer> unitsByCode = new TreeMap<>();
            Map<String, Integer> claimsByCode = new TreeMap<>();
            Map<String, BigDecimal> amountByCode = new HashMap<>();
            Set<String> codes = new TreeSet<>();
            Map<BoardStatus, Integer> counts = new java.util.EnumMap<>(BoardStatus.class);
            int billable = 0;
            int unpriced = 0;
            int atRisk = 0;
            int blocked = 0;
            BigDecimal revenue = BigDecimal.ZERO;
            Map<String, String[]> names = names(ev.patientIds());
            List<Readiness.Enrollment> enrollments = new ArrayList<>(ev.results());
            // By patient name (then id), keeping the engine's order of enrollments and codes within a patient.
            enrollments.sort(java.util.Comparator.comparing((Readiness.Enrollment e) -> nameOf(names, e.patientId())[0])
                    .thenComparing(Readiness.Enrollment::patientId));
            List<Integer> matching = new ArrayList<>();
            for (Readiness.Enrollment e : enrollments) {
                for (Readiness.CodeResult c : e.codes()) {
                    BoardStatus s = BoardStatus.of(c);
                    if (s == null) {
                        continue;
                    }
                    codes.add(c.code());
                    counts.merge(s, 1, Integer::sum);
                    if (c.billable()) {
                        billable++;
                        claimsByCode.merge(c.code(), 1, Integer::sum);
                        unitsByCode.merge(c.code(), c.units(), Integer::sum);
                        if (c.amount() == null) {
                            unpriced++;
                        } else {
                            amountByCode.merge(c.code(), c.amount(), BigDecimal::add);
                            revenue = revenue.add(c.amount());
                        }
                    }
                    if (s == BoardStatus.AT_RISK) {
                        atRisk++;
                    } else if (s == BoardStatus.BLOCKED) {
                        blocked++;
                    }
                    if ((status == null || status == s) && (code == null || code.equals(c.code()))) {
                        matching.add(all.size());
                    }
                    all.add(c);
                    owners.add(e);
                }
            }
            int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
            int current = Math.max(0, Math.min(page, pages - 1));
            List<Integer> onPage = matching.subList(Math.min(matching.size(), current * PAGE_SIZE),
                    Math.min(matching.size(), (current + 1) * PAGE_SIZE));
            Set<String> patientIds = new LinkedHashSet<>();
            onPage.forEach(i -> patientIds.add(owners.get(i).patientId()));
            List<Row> rows = new ArrayList<>();
            for (int i : onPage) {
                Readiness.CodeResult c = all.get(i);
                Readiness.Enrollment e = owners.get(i);
                String[] name = nameOf(names, e.patientId());
                rows.add(new Row(e.patientId(), name[0], name[1], e.enrollmentId(), e.programKind(), c.code(), c.description(),
                        BoardStatus.of(c), c.progress(), c.reason(), c.shortfall(), c.deadline(), c.periodStart(), c.periodEnd(),
                        c.billedInMonth(), c.provisional(), c.amount()));
            }
            Set<String> filters = new TreeSet<>(List.of("month", "page"));
            if (status != null) {
                filters.add("status");
            }
            if (code != null) {
                filters.add("code");
            }
            audit.searched(BillingReadiness.READINESS, List.copyOf(patientIds), filters, null);
            List<CodeTotal> byCode = claimsByCode.entrySet().stream().map(x -> new CodeTotal(x.getKey(), x.getValue(),
                    unitsByCode.get(x.getKey()), amountByCode.getOrDefault(x.getKey(), BigDecimal.ZERO))).toList();
            Summary summary = new Summary(billable, revenue, unpriced, byCode, atRisk, blocked, ev.patientIds().size());
            return new Board(month, ev.today(), ev.today().isAfter(month.atEndOfMonth()), closed(caller.organizationId(), month),
                    summary, rows, current, PAGE_SIZE, matching.size(), pages, List.copyOf(codes), counts);
        });
    }

    /** Whether the month is closed (inside the tenant scope). */
    private Closed closed(String organizationId, YearMonth month) {
        return jdbc.query("SELECT closed_at, total_amount FROM billing_period_closes WHERE organization_id = ? AND month = ?",
                (rs, n) -> new Closed(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2)), organizationId, month.atDay(1))
                .stream().findFirst().orElse(null);
    }

    private static String[] nameOf(Map<String, String[]> names, String patientId) {
        return names.getOrDefault(patientId, new String[] {"Unknown patient", null});
    }

    /** "Last, First" and the record number of the patients, in one query (row-level security applies). */
    private Map<String, String[]> names(List<String> patientIds) {
        Map<String, String[]> names = new HashMap<>();
        if (patientIds.isEmpty()) {
            return names;
        }
        jdbc.query("SELECT id, last_name, first_name, medical_record_number FROM patients WHERE id = ANY (?)", rs -> {
            names.put(rs.getString(1), new String[] {rs.getString(2) + ", " + rs.getString(3), rs.getString(4)});
        }, (Object) patientIds.toArray(String[]::new));
        return names;
    }

    static BoardStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return BoardStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
