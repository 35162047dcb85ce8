package org.vigil.billing.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.vigil.billing.engine.Catalog.CodeRule;
import org.vigil.billing.engine.Catalog.DataSource;
import org.vigil.billing.engine.Catalog.EligibilityRule;
import org.vigil.billing.engine.Catalog.Kind;
import org.vigil.billing.engine.Catalog.Price;
import org.vigil.billing.engine.Catalog.Program;
import org.vigil.billing.engine.Catalog.RuleKind;
import org.vigil.billing.engine.Catalog.TimePerformer;
import org.vigil.billing.engine.Facts.Contact;
import org.vigil.billing.engine.Facts.Performer;
import org.vigil.billing.engine.Readiness.CodeResult;
import org.vigil.billing.engine.Readiness.RuleResult;
import org.vigil.billing.engine.Readiness.Status;
import org.vigil.billing.engine.Readiness.Warning;
import org.vigil.billing.engine.Readiness.WarningCode;

/**
 * The billing engine: facts + catalog + policy + month → readiness for every enrollment of one
 * patient. Pure and deterministic: no clock (today is an argument), no I/O.
 *
 * <p>Sources are cited where each rule is encoded: "verified" = shared/domain/billing-rules-verified.md
 * (wins), "domain" = shared/domain/billing-and-clinical-codes.md. The predecessor's defects
 * (predecessor-clinmetrics-inventory.md §3.11 ⚠) are avoided: set-up is counted once per episode,
 * add-ons are multiplied by their units, CCM/RTM add-ons are evaluated, device codes use 30-day
 * periods (not calendar months), and days are counted in the organization's time zone.
 */
public final class BillingEngine {

    /** Days in a device period (verified row 2a, §C rule 4). */
    public static final int PERIOD_DAYS = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private final Catalog catalog;
    private final BillingPolicy policy;
    private final String organizationId;

    public BillingEngine(Catalog catalog, BillingPolicy policy, String organizationId) {
        this.catalog = Objects.requireNonNull(catalog);
        this.policy = policy == null ? BillingPolicy.defaults() : policy;
        this.organizationId = organizationId;
    }

    // ---------------------------------------------------------------- catalog look-ups, memoized
    // An organization's enrollments share a few programs, months and dates of service: the catalog's
    // answers (pure functions of the immutable catalog) are computed once per engine instead of once
    // per enrollment and code (issue 8: 10,000 enrollments). Same answers, so the same results.

    /** A program compared by identity (records compare every component, codes and rules included). */
    private record VersionKey(Program enrolled, LocalDate day) {
        @Override
        public boolean equals(Object o) {
            return o instanceof VersionKey k && k.enrolled == enrolled && k.day.equals(day);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(enrolled) + day.hashCode();
        }
    }

    private record PriceKey(String code, LocalDate day) {
    }

    private final Map<String, Optional<Program>> programs = new ConcurrentHashMap<>();
    private final Map<VersionKey, Optional<Program>> versions = new ConcurrentHashMap<>();
    private final Map<PriceKey, Optional<Price>> prices = new ConcurrentHashMap<>();

    private Optional<Program> program(String id) {
        return id == null ? catalog.program(id) : programs.computeIfAbsent(id, catalog::program);
    }

    private Optional<Program> versionFor(Program enrolled, LocalDate dateOfService) {
        return versions.computeIfAbsent(new VersionKey(enrolled, dateOfService), k -> catalog.versionFor(k.enrolled(), k.day()));
    }

    /** A program's codes of one rule kind, in catalog order (a program compared by identity). */
    private record RulesKey(Program program, RuleKind kind) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RulesKey k && k.program == program && k.kind == kind;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(program) + kind.hashCode();
        }
    }

    private final Map<RulesKey, List<CodeRule>> rulesByKind = new ConcurrentHashMap<>();

    private List<CodeRule> rules(Program program, RuleKind kind) {
        return rulesByKind.computeIfAbsent(new RulesKey(program, kind),
                k -> k.program().codes().stream().filter(c -> c.rule() == k.kind()).toList());
    }

    private final Map<Kind, RuleResult[]> practitionerResults = new ConcurrentHashMap<>();
    private final Map<RulesKey, Set<DataSource>> dataSourcesOf = new ConcurrentHashMap<>();
    private final Map<YearMonth, String> monthNames = new ConcurrentHashMap<>();

    /** "Oct 2026", formatted once per engine and month. */
    private String monthName(YearMonth m) {
        return monthNames.computeIfAbsent(m, x -> x.format(MONTH));
    }

    private final Map<LocalDate, String> dayNames = new ConcurrentHashMap<>();

    /** "14 Dec": the few dates an organization's results name, formatted once per engine. */
    private String day(LocalDate date) {
        String name = dayNames.get(date);
        if (name == null) {
            name = DAY.format(date);
            dayNames.put(date, name);
        }
        return name;
    }

    private Optional<Price> price(String code, LocalDate dateOfService) {
        return prices.computeIfAbsent(new PriceKey(code, dateOfService), k -> catalog.price(k.code(), k.day(), organizationId));
    }

    /**
     * Readiness of each of the patient's enrollments for the month, as known on {@code today}.
     * Enrollments are evaluated one by one, then the rules across enrollments apply (one
     * practitioner per service and period, RPM ⟂ RTM, CCM ⟂ PCM and APCM ⟂ CCM/PCM for the same
     * practitioner): the enrollment that started first keeps its codes.
     */
    public List<Readiness.Enrollment> evaluate(Facts.Patient patient, YearMonth month, LocalDate today) {
        List<Facts.Enrollment> ordered = patient.enrollments().size() < 2 ? patient.enrollments()
                : patient.enrollments().stream()
                        .sorted(Comparator.comparing(Facts.Enrollment::start).thenComparing(Facts.Enrollment::enrollmentId))
                        .toList();
        List<Readiness.Enrollment> results = new ArrayList<>();
        for (Facts.Enrollment enrollment : ordered) {
            results.add(new EnrollmentEvaluation(patient, enrollment, month, today).evaluate());
        }
        return acrossEnrollments(ordered, results);
    }

    // ---------------------------------------------------------------- across enrollments

    private List<Readiness.Enrollment> acrossEnrollments(List<Facts.Enrollment> enrollments, List<Readiness.Enrollment> results) {
        List<Readiness.Enrollment> out = new ArrayList<>(results);
        for (int later = 0; later < out.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                Readiness.Enrollment a = out.get(earlier);
                Readiness.Enrollment b = out.get(later);
                if (a.codes().stream().noneMatch(c -> c.status() == Status.MET)
                        || b.codes().stream().noneMatch(c -> c.status() == Status.MET)) {
                    continue;
                }
                Kind ka = Kind.valueOf(a.programKind());
                Kind kb = Kind.valueOf(b.programKind());
                String samePractitioner = Objects.equals(clinician(enrollments.get(earlier)), clinician(enrollments.get(later)))
                        ? "the same practitioner" : null;
                String reason = null;
                boolean devices = false;
                if (ka == kb && ka != Kind.OTHER) {
                    // verified §C rules 3, 7, 17, 22: one practitioner per patient per period.
                    reason = "Only one practitioner bills " + ka + " for a patient in a period; enrollment "
                            + a.enrollmentId() + " started first and bills it (verified §C rules 7, 17, 22)";
                    devices = ka == Kind.RPM || ka == Kind.RTM;
                } else if (EnumSet.of(Kind.RPM, Kind.RTM).equals(EnumSet.of(ka, kb))) {
                    // domain §1.1/§1.9, kept by verified §C rule 16 (not re-verified: conservative).
                    reason = "RPM and RTM are not billed for the same patient in the same period; enrollment "
                            + a.enrollmentId() + " (" + ka + ") started first (verified §C rule 16, domain §1.9)";
                    devices = true;
                } else if (samePractitioner != null && EnumSet.of(Kind.CCM, Kind.PCM).equals(EnumSet.of(ka, kb))) {
                    reason = "CCM and PCM are not billed by the same practitioner in the same month; enrollment "
                            + a.enrollmentId() + " started first (verified row 9, §C rule 20)";
                } else if (samePractitioner != null && (ka == Kind.APCM || kb == Kind.APCM)
                        && (EnumSet.of(Kind.CCM, Kind.PCM).contains(ka) || EnumSet.of(Kind.CCM, Kind.PCM).contains(kb))) {
                    reason = "APCM bundles CCM and PCM: not billed by the same practitioner in the same month; enrollment "
                            + a.enrollmentId() + " started first (verified row 10, §C rule 23)";
                }
                if (reason != null) {
                    out.set(later, block(b, reason, devices && hasDeviceCode(a) && hasDeviceCode(b)));
                }
            }
        }
        return out;
    }

    private static String clinician(Facts.Enrollment e) {
        return e.billingClinician() == null ? null : e.billingClinician().clinicianId();
    }

    private static boolean hasDeviceCode(Readiness.Enrollment e) {
        return e.codes().stream().anyMatch(c -> c.status() == Status.MET && isDeviceCode(c.code()));
    }

    private static final Set<String> DEVICE_CODES = Set.of("99454", "99445", "98976", "98977", "98978", "98984", "98985", "98986");
    private static final Set<String> SETUP_CODES = Set.of("99453", "98975");
    private static final Set<String> PCM_STAFF_CODES = Set.of("99426", "99427");

    private static boolean isDeviceCode(String code) {
        return DEVICE_CODES.contains(code);
    }

    private static Readiness.Enrollment block(Readiness.Enrollment e, String reason, boolean multipleDeviceCodes) {
        List<CodeResult> codes = e.codes().stream()
                .map(c -> c.status() == Status.MET ? c.with(Status.BLOCKED, reason) : c).toList();
        List<Warning> warnings = new ArrayList<>(e.warnings());
        if (multipleDeviceCodes) {
            warnings.add(new Warning(WarningCode.MULTIPLE_DEVICE_CODES,
                    "More than one device code would be billed for this patient in the same period (OIG finding, domain §1.1)"));
        }
        return new Readiness.Enrollment(e.enrollmentId(), e.patientId(), e.billingProgramId(), e.programKind(), e.month(),
                e.eligibility(), codes, warnings, total(codes));
    }

    private static BigDecimal total(List<CodeResult> codes) {
        BigDecimal sum = BigDecimal.ZERO;
        for (CodeResult c : codes) {
            if (c.billable() && c.amount() != null) {
                sum = sum.add(c.amount());
            }
        }
        return sum;
    }

    // ---------------------------------------------------------------- one enrollment

    /** Qualifying days of an enrollment as sorted, distinct epoch days: counts over a period by binary search. */
    static final class DaySet {
        private final long[] days;

        private DaySet(long[] days) {
            this.days = days;
        }

        static DaySet of(long[] days, int n) {
            long[] sorted = java.util.Arrays.copyOf(days, n);
            java.util.Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[distinct++] = sorted[i];
                }
            }
            return new DaySet(distinct == sorted.length ? sorted : java.util.Arrays.copyOf(sorted, distinct));
        }

        boolean isEmpty() {
            return days.length == 0;
        }

        LocalDate first() {
            return LocalDate.ofEpochDay(days[0]);
        }

        boolean contains(LocalDate day) {
            return java.util.Arrays.binarySearch(days, day.toEpochDay()) >= 0;
        }

        /** Days in [from, to], both included. */
        int countBetween(LocalDate from, LocalDate to) {
            long a = from.toEpochDay();
            long b = to.toEpochDay();
            return b < a ? 0 : insertionPoint(b + 1) - insertionPoint(a);
        }

        private int insertionPoint(long day) {
            int i = java.util.Arrays.binarySearch(days, day);
            return i >= 0 ? i : -i - 1;
        }
    }

    /** A 30-day device period: index k from the first day of data, [start, start + 29]. */
    record Period(int index, LocalDate start, LocalDate end) {
    }

    private final class EnrollmentEvaluation {

        private final Facts.Patient patient;
        private final Facts.Enrollment e;
        private final YearMonth month;
        private final LocalDate today;
        private final LocalDate monthStart;
        private final LocalDate monthEnd;
        private final Program enrolled;
        private final Kind kind;
        private final LocalDate episodeEnd;
        private final Map<YearMonth, Map<String, CodeResult>> managementByMonth = new LinkedHashMap<>();

        EnrollmentEvaluation(Facts.Patient patient, Facts.Enrollment e, YearMonth month, LocalDate today) {
            this.patient = patient;
            this.e = e;
            this.month = month;
            this.today = today;
            this.monthStart = month.atDay(1);
            this.monthEnd = month.atEndOfMonth();
            this.enrolled = program(e.billingProgramId()).orElse(null);
            this.kind = enrolled == null ? Kind.OTHER : enrolled.kind();
            this.episodeEnd = e.end() == null ? LocalDate.MAX : e.end();
        }

        Readiness.Enrollment evaluate() {
            if (enrolled == null) {
                return result(List.of(new RuleResult("PROGRAM", "Billing program", false,
                        "The enrollment's billing program is not in the catalog")), List.of(), List.of());
            }
            Optional<Program> version = versionFor(enrolled, monthStart);
            if (version.isEmpty()) {
                return result(List.of(new RuleResult("PROGRAM", "Billing program version", false,
                        "No version of " + enrolled.name() + " is in effect in " + month.format(MONTH))), List.of(), List.of());
            }
            Program current = version.get();
            LocalDate asOf = monthEnd.isAfter(episodeEnd) ? episodeEnd : monthEnd;
            List<RuleResult> eligibility = new ArrayList<>();
            for (EligibilityRule rule : current.eligibilityRules()) {
                eligibility.add(eligibilityRule(rule, asOf));
            }
            eligibility.add(practitioner());

            List<CodeResult> codes = new ArrayList<>();
            switch (kind) {
                case RPM, RTM -> {
                    codes.addAll(deviceAndSetup());
                    codes.addAll(management(month).values());
                    codes.addAll(personalTime());
                }
                case APCM -> codes.addAll(apcm(current));
                default -> codes.addAll(management(month).values());
            }
            Optional<RuleResult> failed = Optional.empty();
            for (RuleResult r : eligibility) {
                if (!r.passed()) {
                    failed = Optional.of(r);
                    break;
                }
            }
            if (failed.isPresent()) {
                String why = "Not billable: " + failed.get().description() + " — " + failed.get().detail();
                codes = codes.stream().map(c -> c.status() == Status.NOT_APPLICABLE ? c : c.with(Status.BLOCKED, why)).toList();
            }
            return result(eligibility, codes, warnings(codes));
        }

        private Readiness.Enrollment result(List<RuleResult> eligibility, List<CodeResult> codes, List<Warning> warnings) {
            return new Readiness.Enrollment(e.enrollmentId(), patient.patientId(), e.billingProgramId(), kind.name(), month,
                    List.copyOf(eligibility), List.copyOf(codes), List.copyOf(warnings), total(codes));
        }

        // ------------------------------------------------ eligibility (seed eligibilityRules)

        private RuleResult eligibilityRule(EligibilityRule rule, LocalDate asOf) {
            String type = rule.ruleType() == null ? "" : rule.ruleType();
            return switch (type) {
                case "INSURANCE" -> insurance(rule);
                case "DIAGNOSIS" -> diagnosis(rule);
                case "CONSENT" -> consent(rule, asOf);
                case "CUSTOM" -> new RuleResult(type, rule.description(), e.eligibilityAttested(), e.eligibilityAttested()
                        ? "Confirmed by staff (enrollment billing eligibility)"
                        : "Not confirmed: record it on the enrollment's billing eligibility (eligible = true) once documented");
                default -> new RuleResult(type, rule.description(), false, "Unknown rule type " + type + ": not evaluated");
            };
        }

        private RuleResult insurance(EligibilityRule rule) {
            String type = patient.insurance() == null ? null : patient.insurance().type();
            if (type == null) {
                return new RuleResult("INSURANCE", rule.description(), false, "No insurance type recorded for the patient");
            }
            String actual = normalize(type);
            Set<String> accepted = new TreeSet<>();
            for (String payer : rule.payers()) {
                accepted.add(normalize(payer));
                for (String plan : rule.plans()) {
                    accepted.add(normalize(payer + " " + plan));
                }
            }
            boolean passed = accepted.contains(actual);
            return new RuleResult("INSURANCE", rule.description(), passed, passed ? "Insurance " + actual
                    : "Insurance " + actual + " is not one of " + String.join(", ", accepted));
        }

        private Set<String> currentDiagnoses() {
            return patient.diagnoses().stream().filter(d -> d.currentDuring(monthStart, monthEnd))
                    .map(Facts.Diagnosis::icd10).collect(Collectors.toCollection(TreeSet::new));
        }

        private RuleResult diagnosis(EligibilityRule rule) {
            Set<String> current = currentDiagnoses();
            String operator = rule.operator() == null ? "MIN_COUNT" : rule.operator();
            if ("MIN_COUNT".equals(operator)) {
                int min = rule.minCount() == null ? 1 : rule.minCount();
                boolean passed = current.size() >= min;
                return new RuleResult("DIAGNOSIS", rule.description(), passed,
                        current.size() + " current diagnos" + (current.size() == 1 ? "is" : "es") + "; " + min + " required");
            }
            if ("CATEGORY_MATCH".equals(operator)) {
                List<String> matching = current.stream()
                        .filter(code -> rule.categories().stream().anyMatch(cat -> IcdCategories.matches(code, cat))).toList();
                return new RuleResult("DIAGNOSIS", rule.description(), !matching.isEmpty(), matching.isEmpty()
                        ? "No current diagnosis in " + String.join(", ", rule.categories())
                        : "Matching diagnoses: " + String.join(", ", matching));
            }
            return new RuleResult("DIAGNOSIS", rule.description(), false, "Unknown operator " + operator + ": not evaluated");
        }

        private RuleResult consent(EligibilityRule rule, LocalDate asOf) {
            List<String> missing = new ArrayList<>();
            List<Facts.Consent> found = new ArrayList<>();
            for (String type : rule.consentTypes()) {
                Optional<Facts.Consent> match = patient.consents().stream()
                        .filter(c -> type.equals(c.type()) && c.inEffectOn(asOf)
                                && (!"PROGRAM".equals(type) || rule.consentProgramType() == null
                                        || rule.consentProgramType().equals(c.programType())))
                        .findFirst();
                if (match.isPresent()) {
                    found.add(match.get());
                } else {
                    missing.add("PROGRAM".equals(type) && rule.consentProgramType() != null
                            ? type + " (" + rule.consentProgramType() + ")" : type);
                }
            }
            if (!missing.isEmpty()) {
                return new RuleResult("CONSENT", rule.description(), false,
                        "No consent in effect on " + asOf + ": " + String.join(", ", missing));
            }
            if (rule.costSharingAcknowledged() && found.stream().noneMatch(Facts.Consent::costSharingAcknowledged)) {
                return new RuleResult("CONSENT", rule.description(), false,
                        "The consent does not record that cost-sharing was explained (domain §1.0)");
            }
            return new RuleResult("CONSENT", rule.description(), true, "Consent in effect on " + asOf);
        }

        /** The enrollment's clinician bills: a physician or QHP (a therapist for RTM; verified row 7, §C rule 15). */
        private RuleResult practitioner() {
            Facts.Clinician c = e.billingClinician();
            Performer p = c == null ? Performer.UNKNOWN : c.performer();
            // The same (immutable) result for every enrollment of a kind whose clinician has this capacity.
            RuleResult[] ofKind = practitionerResults.computeIfAbsent(kind, k -> new RuleResult[Performer.values().length]);
            RuleResult known = ofKind[p.ordinal()];
            if (known == null) {
                known = practitioner(p);
                ofKind[p.ordinal()] = known;
            }
            return known;
        }

        private RuleResult practitioner(Performer p) {
            boolean passed = p.physicianOrQhp() || (kind == Kind.RTM && p == Performer.THERAPIST);
            return new RuleResult("PRACTITIONER", "The billing practitioner may bill " + kind, passed, passed
                    ? "Billing practitioner: " + p
                    : "The enrollment's clinician (" + p + ") cannot bill " + kind
                            + ": assign a physician or qualified health care professional" + (kind == Kind.RTM ? " or therapist" : ""));
        }

        // ------------------------------------------------ device periods (RPM/RTM)

        private Set<DataSource> dataSources() {
            return dataSourcesOf.computeIfAbsent(new RulesKey(enrolled, RuleKind.DEVICE_SUPPLY), k -> computeDataSources());
        }

        private Set<DataSource> computeDataSources() {
            // verified row 5b, §C rules 5 and 13: RPM counts automatically transmitted device data only;
            // RTM also counts self-reported data entered through the qualifying device or software.
            return enrolled.codes().stream().filter(c -> c.rule() == RuleKind.DEVICE_SUPPLY).findFirst()
                    .map(CodeRule::dataSources).filter(s -> !s.isEmpty())
                    .orElse(kind == Kind.RTM ? EnumSet.allOf(DataSource.class) : EnumSet.of(DataSource.DEVICE));
        }

        private DaySet qualifyingDays;

        /** Computed once per enrollment (device codes and 99091 both ask); callers only read it. */
        private DaySet qualifyingDays() {
            if (qualifyingDays == null) {
                qualifyingDays = computeQualifyingDays();
            }
            return qualifyingDays;
        }

        private DaySet computeQualifyingDays() {
            Set<DataSource> sources = dataSources();
            boolean device = sources.contains(DataSource.DEVICE);
            boolean selfReported = sources.contains(DataSource.SELF_REPORTED);
            long[] days = new long[e.dataDays().size()];
            int n = 0;
            for (Facts.DataDay d : e.dataDays()) {
                boolean counts = (device && d.deviceReadings() > 0) || (selfReported && d.selfReportedReadings() > 0);
                if (counts && !d.date().isBefore(e.start()) && !d.date().isAfter(episodeEnd)) {
                    days[n++] = d.date().toEpochDay();
                }
            }
            return DaySet.of(days, n);
        }

        /** Periods run from the first day of data in consecutive 30-day blocks, never shifted (verified §C rule 4). */
        private Period period(LocalDate anchor, int k) {
            LocalDate start = anchor.plusDays((long) PERIOD_DAYS * k);
            return new Period(k, start, start.plusDays(PERIOD_DAYS - 1));
        }

        /** Periods billed in the month (last day in it), then the open one that runs into the next month. */
        private List<Period> periodsOfMonth(LocalDate anchor) {
            List<Period> periods = new ArrayList<>();
            if (anchor.isAfter(monthEnd)) {
                return periods;
            }
            int k = (int) Math.max(0, ChronoUnit.DAYS.between(anchor, monthStart) / PERIOD_DAYS - 1);
            for (;; k++) {
                Period p = period(anchor, k);
                if (p.start().isAfter(monthEnd) || p.start().isAfter(episodeEnd)) {
                    break;
                }
                if (!p.end().isBefore(monthStart)) {
                    periods.add(p);
                }
            }
            return periods;
        }

        private int daysIn(DaySet days, Period p) {
            return days.countBetween(p.start(), p.end());
        }

        /** Days still to come in the period on which a reading could yet count. */
        private int daysLeft(DaySet days, Period p) {
            LocalDate from = today.isAfter(p.start()) ? today : p.start();
            LocalDate to = p.end().isAfter(episodeEnd) ? episodeEnd : p.end();
            int left = 0;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (!days.contains(d)) {
                    left++;
                }
            }
            return left;
        }

        private String rtmBodySystem() {
            Set<String> current = currentDiagnoses();
            Optional<String> primary = patient.diagnoses().stream()
                    .filter(d -> d.primary() && d.currentDuring(monthStart, monthEnd))
                    .map(d -> IcdCategories.rtmBodySystem(d.icd10())).filter(Objects::nonNull).findFirst();
            if (primary.isPresent()) {
                return primary.get();
            }
            Set<String> systems = current.stream().map(IcdCategories::rtmBodySystem).filter(Objects::nonNull)
                    .collect(Collectors.toCollection(TreeSet::new));
            return systems.size() == 1 ? systems.iterator().next() : null;
        }

        private List<CodeResult> deviceAndSetup() {
            List<CodeResult> out = new ArrayList<>();
            DaySet days = qualifyingDays();
            String system = kind == Kind.RTM ? rtmBodySystem() : null;
            if (days.isEmpty()) {
                Program v = versionFor(enrolled, monthStart).orElse(enrolled);
                for (CodeRule c : v.codes()) {
                    if (c.rule() == RuleKind.SETUP || (c.rule() == RuleKind.DEVICE_SUPPLY && (system == null || system.equals(c.bodySystem())))) {
                        out.add(code(c, v, Status.NOT_MET, "No qualifying readings yet: the first 30-day period starts on the "
                                + "first day with " + (kind == Kind.RPM ? "device data" : "data"), "readings on at least "
                                + c.minDays() + " days", null, 0, null, null, null));
                    }
                }
                return out;
            }
            LocalDate anchor = days.first();
            int setupPeriod = setupPeriod(anchor, days);
            for (Period p : periodsOfMonth(anchor)) {
                Program v = versionFor(enrolled, p.end()).orElse(null);
                if (v == null) {
                    continue;
                }
                int n = daysIn(days, p);
                int left = daysLeft(days, p);
                boolean closed = today.isAfter(p.end());
                List<CodeRule> bands = v.codes().stream().filter(c -> c.rule() == RuleKind.DEVICE_SUPPLY)
                        .filter(c -> kind != Kind.RTM || system == null || system.equals(c.bodySystem()))
                        .sorted(Comparator.comparing(CodeRule::minDays)).toList();
                Optional<CodeRule> chosen = bands.stream().filter(c -> n >= c.minDays() && n <= c.maxDays()).findFirst();
                for (CodeRule c : bands) {
                    if (kind == Kind.RTM && system == null) {
                        out.add(periodCode(c, v, p, Status.BLOCKED, "The RTM body system is unknown: record one primary "
                                + "respiratory (J), musculoskeletal (M) or behavioral (F) diagnosis (verified §C rule 13)", null, 0));
                    } else if (chosen.isPresent() && chosen.get() == c) {
                        out.add(periodCode(c, v, p, Status.MET, n + " days with qualifying data in the period " + day(p.start())
                                + "–" + day(p.end()) + " (" + band(c) + " required; " + c.source() + ")", null, 1));
                    } else if (n > c.maxDays() || (closed && chosen.isPresent())) {
                        String other = chosen.map(CodeRule::code).orElse("another code");
                        out.add(periodCode(c, v, p, Status.NOT_APPLICABLE, n + " days: " + other
                                + " is billed for this period instead; never both (verified §C rule 6)", null, 0));
                    } else {
                        out.add(shortOfDays(c, v, p, n, left, closed, chosen.map(CodeRule::code).orElse(null)));
                    }
                }
                Optional<CodeRule> setup = rules(v, RuleKind.SETUP).stream().findFirst();
                if (setup.isPresent()) {
                    out.add(setup(setup.get(), v, p, setupPeriod, n, left, closed));
                }
            }
            return out;
        }

        private String band(CodeRule c) {
            return c.maxDays() != null && c.maxDays() < PERIOD_DAYS ? c.minDays() + "–" + c.maxDays() + " days"
                    : c.minDays() + " or more days";
        }

        private CodeResult shortOfDays(CodeRule c, Program v, Period p, int n, int left, boolean closed, String chosen) {
            int need = c.minDays() - n;
            String have = n + " day" + (n == 1 ? "" : "s") + " with qualifying data in the period " + day(p.start()) + "–"
                    + day(p.end()) + "; " + band(c) + " required";
            if (closed) {
                return periodCode(c, v, p, Status.NOT_MET, have + " (period closed)", null, 0);
            }
            if (need > left) {
                return periodCode(c, v, p, Status.NOT_MET, have + "; only " + left + " day" + (left == 1 ? "" : "s")
                        + " left, so it cannot be reached in this period (periods are never stretched, verified §C rule 4)", null, 0);
            }
            String shortfall = need + " more day" + (need == 1 ? "" : "s") + " of readings by " + day(p.end())
                    + (chosen == null ? "" : " (for " + c.code() + " instead of " + chosen + ")");
            return periodCode(c, v, p, Status.NOT_MET, have, shortfall, 0);
        }

        /** The first period of the episode in which the set-up requirement is met, or -1. */
        private int setupPeriod(LocalDate anchor, DaySet days) {
            for (int k = 0;; k++) {
                Period p = period(anchor, k);
                if (p.start().isAfter(today) || p.start().isAfter(episodeEnd) || k > 10_000) {
                    return -1;
                }
                Optional<Program> v = versionFor(enrolled, p.end());
                Optional<CodeRule> setup = v.flatMap(x -> rules(x, RuleKind.SETUP).stream().findFirst());
                if (setup.isPresent() && (!setup.get().firstPeriodOnly() || k == 0) && daysIn(days, p) >= setup.get().minDays()) {
                    return k;
                }
            }
        }

        /** Set-up once per episode, after its minimum days (verified rows 1a/1b, §C rule 3). */
        private CodeResult setup(CodeRule c, Program v, Period p, int setupPeriod, int n, int left, boolean closed) {
            if (setupPeriod >= 0 && setupPeriod < p.index()) {
                LocalDate anchor = p.start().minusDays((long) PERIOD_DAYS * p.index());
                LocalDate billed = anchor.plusDays((long) PERIOD_DAYS * setupPeriod + PERIOD_DAYS - 1);
                return periodCode(c, v, p, Status.NOT_APPLICABLE, "Set-up is billed once per episode: it was met in the period ending "
                        + billed + " (verified row 1b)", null, 0);
            }
            if (setupPeriod == p.index()) {
                return periodCode(c, v, p, Status.MET, n + " days with data in the episode's period " + day(p.start()) + "–"
                        + day(p.end()) + " (" + c.minDays() + " required; once per episode; " + c.source() + ")", null, 1);
            }
            if (c.firstPeriodOnly() && p.index() > 0) {
                return periodCode(c, v, p, Status.NOT_APPLICABLE, "Before 2026 set-up needs " + c.minDays()
                        + " days within the episode's first 30-day period, which did not have them (verified §C rule 3)", null, 0);
            }
            return shortOfDays(c, v, p, n, left, closed, null);
        }

        private CodeResult periodCode(CodeRule c, Program v, Period p, Status status, String reason, String shortfall, int units) {
            boolean closed = today.isAfter(p.end());
            LocalDate deadline = shortfall == null ? null : p.end();
            return code(c, v, status, reason, shortfall, deadline, units, p.start(), p.end(), closed ? Boolean.FALSE : Boolean.TRUE);
        }

        /** A result, priced at its date of service (the period's last day). provisional null: no period. */
        private CodeResult code(CodeRule c, Program v, Status status, String reason, String shortfall, LocalDate deadline,
                int units, LocalDate start, LocalDate end, Boolean provisional) {
            LocalDate dos = end;
            Price price = dos == null ? null : price(c.code(), dos).orElse(null);
            BigDecimal unit = price == null ? null : price.unitAmount();
            BigDecimal amount = status == Status.MET && unit != null ? unit.multiply(BigDecimal.valueOf(units)) : null;
            boolean inMonth = dos != null && !dos.isBefore(monthStart) && !dos.isAfter(monthEnd);
            return new CodeResult(c.code(), c.description(), v.code(), status, reason, shortfall, deadline,
                    status == Status.MET ? units : 0, start, end, dos, inMonth, provisional == null || provisional,
                    unit, amount, price == null ? null : price.rateTable(), price == null ? null : price.verified(), c.source(),
                    progress(c, v, start, end));
        }

        /** The count the code's rule compares with its threshold, over the code's period (none: nothing yet). */
        private Readiness.Progress progress(CodeRule c, Program v, LocalDate start, LocalDate end) {
            return switch (c.rule()) {
                case SETUP, DEVICE_SUPPLY -> c.minDays() == null ? null : new Readiness.Progress(start == null ? 0
                        : qualifyingDays().countBetween(start, end), c.minDays(), "days");
                case MANAGEMENT_TIME, PERSONAL_TIME -> c.minMinutes() == null ? null : new Readiness.Progress(start == null ? 0
                        : minutes(c.performers(), entriesBetween(start, end)), c.minMinutes(), "minutes");
                case ADD_ON -> {
                    Optional<CodeRule> base = c.addOnTo() == null ? Optional.empty() : v.code(c.addOnTo());
                    yield base.isEmpty() || base.get().minMinutes() == null || c.incrementMinutes() == null || start == null ? null
                            : new Readiness.Progress(minutes(c.performers(), entriesBetween(start, end)),
                                    base.get().minMinutes() + c.incrementMinutes(), "minutes");
                }
                case APCM_LEVEL -> null;
            };
        }

        // ------------------------------------------------ calendar-month time codes

        private boolean interactive(List<Facts.TimeEntry> entries) {
            // verified row 6, §C rule 9: live phone or video; secure messaging only by policy (UNRESOLVED, off by default).
            for (Facts.TimeEntry t : entries) {
                if (t.contact() == Contact.LIVE_AUDIO_VIDEO || (t.contact() == Contact.SECURE_MESSAGE && policy.secureMessagingCounts())) {
                    return true;
                }
            }
            return false;
        }

        private List<Facts.TimeEntry> entriesBetween(LocalDate from, LocalDate to) {
            if (e.time().isEmpty()) {
                return List.of();
            }
            List<Facts.TimeEntry> out = new ArrayList<>();
            for (Facts.TimeEntry t : e.time()) {
                if (!t.date().isBefore(from) && !t.date().isAfter(to)) {
                    out.add(t);
                }
            }
            return out;
        }

        /** Minutes that count for a code: by capacity, or only the billing practitioner's own (verified rows 7–9). */
        private int minutes(Set<TimePerformer> performers, List<Facts.TimeEntry> entries) {
            Facts.Clinician billing = e.billingClinician();
            int total = 0;
            for (Facts.TimeEntry t : entries) {
                boolean counts = t.performer() != Performer.UNKNOWN && performers.contains(TimePerformer.valueOf(t.performer().name()));
                if (!counts && performers.contains(TimePerformer.BILLING_PRACTITIONER) && billing != null
                        && billing.clinicianId().equals(t.clinicianId())
                        && (t.performer().physicianOrQhp() || (kind == Kind.RTM && t.performer() == Performer.THERAPIST))) {
                    counts = true;
                }
                if (counts) {
                    total += t.minutes();
                }
            }
            return total;
        }

        private boolean personal(CodeRule c) {
            return c.performers().contains(TimePerformer.BILLING_PRACTITIONER);
        }

        private String minutesWord(int n, CodeRule c) {
            return n + " more minute" + (n == 1 ? "" : "s") + (personal(c) ? " of the billing practitioner's own time" : "");
        }

        private int cap(CodeRule addOn) {
            Integer override = policy.addOnCaps().get(addOn.code());
            if (override != null) {
                return override;
            }
            return addOn.maxUnits() == null ? Integer.MAX_VALUE : addOn.maxUnits();
        }

        /** Management codes of a calendar month, by code (verified §C rules 9–11, 14, 18–19; domain §1.6). */
        Map<String, CodeResult> management(YearMonth m) {
            Map<String, CodeResult> cached = managementByMonth.get(m);
            if (cached != null) {
                return cached;
            }
            LocalDate from = m.atDay(1);
            LocalDate to = m.atEndOfMonth();
            Program v = versionFor(enrolled, from).orElse(null);
            Map<String, CodeResult> out = new LinkedHashMap<>();
            if (v == null) {
                managementByMonth.put(m, out);
                return out;
            }
            List<Facts.TimeEntry> entries = entriesBetween(from, to);
            boolean contact = interactive(entries);
            boolean closed = today.isAfter(to);
            List<CodeRule> bases = rules(v, RuleKind.MANAGEMENT_TIME);
            Map<String, Integer> minutesOf = new LinkedHashMap<>();
            Map<String, Boolean> met = new LinkedHashMap<>();
            for (CodeRule c : bases) {
                int n = minutes(c.performers(), entries);
                minutesOf.put(c.code(), n);
                boolean attested = e.attestations().containsAll(c.attestations());
                met.put(c.code(), n >= c.minMinutes() && (!c.interactiveContact() || contact) && attested);
            }
            // One alternative per family (verified §C rule 18: one CCM family per patient-month; PCM likewise):
            // the met alternative with the highest expected amount, ties in catalog order.
            Map<String, String> chosenAlternative = new LinkedHashMap<>();
            Map<String, String> furthestAlternative = new LinkedHashMap<>();
            for (CodeRule c : bases) {
                if (c.alternative() == null) {
                    continue;
                }
                String best = chosenAlternative.get(c.family());
                if (met.get(c.code()) && (best == null || familyAmount(v, c, minutesOf.get(c.code()), to)
                        .compareTo(familyAmount(v, v.code(best).orElseThrow(), minutesOf.get(best), to)) > 0)) {
                    chosenAlternative.put(c.family(), c.code());
                }
                String furthest = furthestAlternative.get(c.family());
                if (furthest == null || progress(c, minutesOf.get(c.code())) > progress(v.code(furthest).orElseThrow(), minutesOf.get(furthest))) {
                    furthestAlternative.put(c.family(), c.code());
                }
            }
            for (CodeRule c : bases) {
                int n = minutesOf.get(c.code());
                String monthName = monthName(m);
                String have = n + " minute" + (n == 1 ? "" : "s") + (personal(c) ? " of the billing practitioner's own time" : "")
                        + " in " + monthName + "; " + c.minMinutes() + " required" + (c.interactiveContact()
                                ? " with a live interactive contact" : "");
                CodeResult r;
                String chosen = c.alternative() == null ? null : chosenAlternative.get(c.family());
                Optional<CodeRule> superseding = c.supersededBy() == null ? Optional.empty() : v.code(c.supersededBy());
                Set<String> missingAttestations = Set.of();
                if (!c.attestations().isEmpty()) {
                    missingAttestations = new TreeSet<>(c.attestations());
                    missingAttestations.removeAll(e.attestations());
                }
                if (superseding.isPresent() && met.getOrDefault(superseding.get().code(), false)) {
                    r = monthCode(c, v, m, Status.NOT_APPLICABLE, n + " minutes: " + superseding.get().code()
                            + " is billed instead; never both (" + c.source() + ")", null, 0);
                } else if (!missingAttestations.isEmpty() && n >= c.minMinutes()) {
                    r = monthCode(c, v, m, Status.BLOCKED, have + "; also needs documentation Vigil does not record: "
                            + String.join(", ", missingAttestations) + " (" + c.source() + ")", null, 0);
                } else if (chosen != null && !chosen.equals(c.code())) {
                    r = monthCode(c, v, m, Status.NOT_APPLICABLE, "One " + c.family() + " family per patient-month: " + chosen
                            + " is billed (" + c.source() + ")", null, 0);
                } else if (met.get(c.code()) && (superseding.isEmpty() || n < superseding.get().minMinutes())) {
                    r = monthCode(c, v, m, Status.MET, have.replace("required", "required, met") + " (" + c.source() + ")", null, 1);
                } else if (!missingAttestations.isEmpty()) {
                    r = monthCode(c, v, m, Status.BLOCKED, have + "; also needs documentation Vigil does not record: "
                            + String.join(", ", missingAttestations) + " (" + c.source() + ")", null, 0);
                } else {
                    List<String> missing = new ArrayList<>();
                    int target = superseding.isPresent() && n >= superseding.get().minMinutes() ? superseding.get().minMinutes() : c.minMinutes();
                    if (n < target) {
                        missing.add(minutesWord(target - n, c));
                    }
                    if (c.interactiveContact() && !contact) {
                        missing.add("a live phone or video contact with the patient or caregiver");
                    }
                    boolean onPath = c.alternative() == null || c.code().equals(furthestAlternative.get(c.family()));
                    boolean pursued = !personal(c) || n > 0;
                    String shortfall = closed || missing.isEmpty() || !onPath || !pursued ? null
                            : String.join(" and ", missing) + " by " + day(to);
                    r = monthCode(c, v, m, Status.NOT_MET, have + (missing.isEmpty() ? "" : "; missing: " + String.join(" and ", missing))
                            + (closed ? " (month closed)" : ""), shortfall, 0);
                }
                out.put(c.code(), r);
            }
            for (CodeRule a : v.codes()) {
                if (a.rule() == RuleKind.ADD_ON) {
                    out.put(a.code(), addOn(a, v, m, out, entries, closed));
                }
            }
            managementByMonth.put(m, out);
            return out;
        }

        private double progress(CodeRule c, int minutes) {
            return (double) minutes / c.minMinutes();
        }

        private BigDecimal familyAmount(Program v, CodeRule base, int minutes, LocalDate dos) {
            BigDecimal amount = price(base.code(), dos).map(Price::unitAmount).orElse(null);
            BigDecimal total = amount == null ? BigDecimal.ZERO : amount;
            for (CodeRule a : v.codes()) {
                if (a.rule() == RuleKind.ADD_ON && base.code().equals(a.addOnTo())) {
                    int units = Math.min(cap(a), Math.max(0, (minutes - base.minMinutes()) / a.incrementMinutes()));
                    BigDecimal unit = price(a.code(), dos).map(Price::unitAmount).orElse(null);
                    if (unit != null) {
                        total = total.add(unit.multiply(BigDecimal.valueOf(units)));
                    }
                }
            }
            return total;
        }

        /** Each further full increment over the base's minutes, capped (verified row 3, §C rules 10, 14, 18, 19). */
        private CodeResult addOn(CodeRule a, Program v, YearMonth m, Map<String, CodeResult> bases, List<Facts.TimeEntry> entries,
                boolean closed) {
            CodeRule base = v.code(a.addOnTo()).orElseThrow();
            CodeResult b = bases.get(base.code());
            int n = minutes(a.performers(), entries);
            int increment = a.incrementMinutes();
            int first = base.minMinutes() + increment;
            String to = day(m.atEndOfMonth());
            if (b == null || b.status() == Status.NOT_APPLICABLE) {
                return monthCode(a, v, m, Status.NOT_APPLICABLE, "Add-on to " + base.code() + ", which is not billed this month ("
                        + a.source() + ")", null, 0);
            }
            if (b.status() != Status.MET) {
                return monthCode(a, v, m, b.status() == Status.BLOCKED ? Status.BLOCKED : Status.NOT_MET,
                        "Add-on to " + base.code() + ", which is not met; the first unit needs " + first + " minutes (" + a.source() + ")",
                        null, 0);
            }
            int earned = (n - base.minMinutes()) / increment;
            int cap = cap(a);
            int units = Math.min(cap, earned);
            String capNote = earned > cap ? "; capped at " + cap + " unit" + (cap == 1 ? "" : "s")
                    + (policy.addOnCaps().containsKey(a.code()) ? " (organization policy)"
                            : a.maxUnitsResolved() ? "" : " (MUE unresolved; default cap, configurable)") : "";
            if (units >= 1) {
                String more = !closed && units < cap ? " — " + minutesWord(base.minMinutes() + increment * (units + 1) - n, a)
                        + " by " + to + " for another unit" : "";
                return monthCode(a, v, m, Status.MET, n + " minutes: " + units + " unit" + (units == 1 ? "" : "s") + " of " + increment
                        + " further minutes" + capNote + more + " (" + a.source() + ")", null, units);
            }
            if (cap == 0) {
                return monthCode(a, v, m, Status.NOT_APPLICABLE, "The organization's policy caps " + a.code() + " at 0 units", null, 0);
            }
            String shortfall = closed ? null : minutesWord(first - n, a) + " by " + to;
            return monthCode(a, v, m, Status.NOT_MET, n + " minutes; the first unit needs " + first + (closed ? " (month closed)" : "")
                    + " (" + a.source() + ")", shortfall, 0);
        }

        private CodeResult monthCode(CodeRule c, Program v, YearMonth m, Status status, String reason, String shortfall, int units) {
            LocalDate end = m.atEndOfMonth();
            return code(c, v, status, reason, shortfall, shortfall == null ? null : end, units, m.atDay(1), end,
                    !today.isAfter(end));
        }

        // ------------------------------------------------ 99091 (per 30 days, personal time)

        private List<CodeResult> personalTime() {
            List<CodeResult> out = new ArrayList<>();
            DaySet days = qualifyingDays();
            Program current = versionFor(enrolled, monthStart).orElse(enrolled);
            List<CodeRule> rules = rules(current, RuleKind.PERSONAL_TIME);
            if (rules.isEmpty()) {
                return out;
            }
            if (days.isEmpty()) {
                for (CodeRule c : rules) {
                    out.add(code(c, current, Status.NOT_MET, "No data yet: 99091 runs on the 30-day periods of the data", null, null, 0,
                            null, null, null));
                }
                return out;
            }
            for (Period p : periodsOfMonth(days.first())) {
                Program v = versionFor(enrolled, p.end()).orElse(null);
                if (v == null) {
                    continue;
                }
                for (CodeRule c : v.codes()) {
                    if (c.rule() != RuleKind.PERSONAL_TIME) {
                        continue;
                    }
                    // verified §C rule 12: never in a period where 99457/99458/99470 is billed.
                    Optional<CodeResult> excluded = excludingManagement(c, p);
                    int n = minutes(c.performers(), entriesBetween(p.start(), p.end()));
                    boolean closed = today.isAfter(p.end());
                    if (excluded.isPresent()) {
                        out.add(periodCode(c, v, p, Status.NOT_APPLICABLE, excluded.get().code() + " is billed in "
                                + YearMonth.from(excluded.get().dateOfService()).format(MONTH) + ": " + c.code()
                                + " is not reported in the same period (" + c.source() + ")", null, 0));
                    } else if (n >= c.minMinutes()) {
                        out.add(periodCode(c, v, p, Status.MET, n + " minutes of the billing practitioner's own time in the period "
                                + day(p.start()) + "–" + day(p.end()) + " (" + c.source() + ")", null, 1));
                    } else {
                        String shortfall = closed || n == 0 ? null : minutesWord(c.minMinutes() - n, c) + " by " + day(p.end());
                        out.add(periodCode(c, v, p, Status.NOT_MET, n + " minutes of the billing practitioner's own time in the period "
                                + day(p.start()) + "–" + day(p.end()) + "; " + c.minMinutes() + " required", shortfall, 0));
                    }
                }
            }
            return out;
        }

        /** The first management code met in a month of the period that excludes {@code c} (months in order). */
        private Optional<CodeResult> excludingManagement(CodeRule c, Period p) {
            YearMonth first = YearMonth.from(p.start());
            YearMonth last = YearMonth.from(p.end());
            for (YearMonth m : first.equals(last) ? List.of(first) : List.of(first, last)) {
                for (CodeResult r : management(m).values()) {
                    if (r.status() == Status.MET && c.excludedBy().contains(r.code())) {
                        return Optional.of(r);
                    }
                }
            }
            return Optional.empty();
        }

        // ------------------------------------------------ APCM

        /** APCM level by chronic conditions and QMB status (verified row 10, §C rule 21). */
        private List<CodeResult> apcm(Program v) {
            int conditions = currentDiagnoses().size();
            boolean qmb = patient.insurance() != null && patient.insurance().qualifiedMedicareBeneficiary();
            List<CodeResult> out = new ArrayList<>();
            YearMonth m = month;
            String level = null;
            for (CodeRule c : v.codes()) {
                if (c.rule() != RuleKind.APCM_LEVEL) {
                    continue;
                }
                boolean fits = conditions >= c.minConditions() && (c.maxConditions() == null || conditions <= c.maxConditions())
                        && (c.qmb() == null || c.qmb() == qmb);
                if (fits && level == null) {
                    level = c.code();
                }
            }
            for (CodeRule c : v.codes()) {
                if (c.rule() != RuleKind.APCM_LEVEL) {
                    continue;
                }
                String facts = conditions + " current chronic condition" + (conditions == 1 ? "" : "s") + (qmb ? ", QMB" : ", not QMB");
                out.add(c.code().equals(level)
                        ? monthCode(c, v, m, Status.MET, facts + " (" + c.source() + ")", null, 1)
                        : monthCode(c, v, m, Status.NOT_APPLICABLE, facts + ": the level is " + level + " (" + c.source() + ")", null, 0));
            }
            return out;
        }

        // ------------------------------------------------ warnings (OIG findings and checks by hand)

        private List<Warning> warnings(List<CodeResult> codes) {
            List<Warning> warnings = new ArrayList<>();
            List<Facts.TimeEntry> monthEntries = entriesBetween(monthStart, monthEnd);
            boolean remote = kind == Kind.RPM || kind == Kind.RTM;
            if (remote) {
                boolean device = false;
                boolean managed = false;
                for (CodeResult c : codes) {
                    device |= c.billable() && isDeviceCode(c.code());
                    managed |= c.status() == Status.MET && !isDeviceCode(c.code()) && !SETUP_CODES.contains(c.code());
                }
                if (device && !managed) {
                    warnings.add(new Warning(WarningCode.DEVICE_WITHOUT_MANAGEMENT,
                            "A device code is billed this month without any treatment management (OIG finding, domain §1.1)"));
                }
                if (!interactive(monthEntries)) {
                    warnings.add(new Warning(WarningCode.NO_INTERACTIVE_CONTACT, "No live interactive contact with the patient or "
                            + "caregiver is recorded in " + monthName(month) + " (OIG finding, domain §1.1; verified §C rule 9)"));
                }
            }
            int visitYears = kind == Kind.APCM ? 3 : 1;
            if (kind != Kind.OTHER && (e.lastVisit() == null || e.lastVisit().isBefore(monthEnd.minusYears(visitYears)))) {
                warnings.add(new Warning(WarningCode.NO_PRIOR_VISIT, "No initiating visit (E/M, AWV or IPPE) within "
                        + (visitYears == 1 ? "12 months" : visitYears + " years") + " is recorded: confirm one exists "
                        + "(OIG finding, domain §1.1; verified §C rules 8, 17, 22)"));
            }
            Set<Performer> uncounted = new HashSet<>();
            int uncountedMinutes = 0;
            for (Facts.TimeEntry t : monthEntries) {
                if (t.performer() == Performer.UNKNOWN || (t.performer() == Performer.THERAPIST && kind != Kind.RTM)) {
                    uncounted.add(t.performer());
                    uncountedMinutes += t.minutes();
                }
            }
            if (uncountedMinutes > 0) {
                warnings.add(new Warning(WarningCode.UNCOUNTED_MINUTES, uncountedMinutes + " minutes were logged by clinicians whose "
                        + "credentials do not count toward these codes (" + uncounted.stream().map(Enum::name).sorted()
                                .collect(Collectors.joining(", ")) + ")"));
            }
            for (CodeResult c : codes) {
                if (!c.billable()) {
                    continue;
                }
                if (c.unitAmount() == null) {
                    warnings.add(new Warning(WarningCode.NO_AMOUNT, c.code() + " has no amount in any rate table for "
                            + c.dateOfService() + " (contractor-priced or unresolved): add the organization's own rate"));
                } else if (Boolean.FALSE.equals(c.rateVerified())) {
                    warnings.add(new Warning(WarningCode.UNVERIFIED_AMOUNT, c.code() + " is priced from " + c.rateTable()
                            + ", whose figure is not verified against the CMS RVU file"));
                }
                if ("99484".equals(c.code())) {
                    warnings.add(new Warning(WarningCode.RATING_SCALE_NOT_CHECKED, "99484 needs a validated rating scale "
                            + "(PHQ-9, GAD-7) in the care; Vigil does not check it yet (domain §1.6)"));
                }
                if (PCM_STAFF_CODES.contains(c.code()) && "DIRECT".equals(policy.pcmStaffSupervision())) {
                    warnings.add(new Warning(WarningCode.DIRECT_SUPERVISION, c.code() + ": the organization's policy requires direct "
                            + "supervision of PCM clinical-staff time; confirm it (verified §C rule 20)"));
                }
            }
            return warnings;
        }
    }

    private static final java.util.regex.Pattern NOT_ALPHANUMERIC = java.util.regex.Pattern.compile("[^A-Z0-9]+");
    private static final java.util.regex.Pattern EDGE_UNDERSCORE = java.util.regex.Pattern.compile("^_|_$");

    /** Insurance types and payer names compared as upper-case words joined by underscores (memoized: a handful of values). */
    private String normalize(String text) {
        return normalized.computeIfAbsent(text, t -> EDGE_UNDERSCORE.matcher(
                NOT_ALPHANUMERIC.matcher(t.trim().toUpperCase(Locale.ROOT)).replaceAll("_")).replaceAll(""));
    }

    private final Map<String, String> normalized = new ConcurrentHashMap<>();
}
