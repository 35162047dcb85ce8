package org.vigil.billing.engine;

import static org.vigil.billing.engine.BillingEngine.PERIOD_DAYS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.vigil.billing.engine.Catalog.CodeRule;
import org.vigil.billing.engine.Catalog.Kind;
import org.vigil.billing.engine.Catalog.Program;
import org.vigil.billing.engine.Catalog.RuleKind;
import org.vigil.billing.engine.Readiness.CodeResult;
import org.vigil.billing.engine.Readiness.Status;

/** Device-supply and set-up codes of an RPM/RTM enrollment, over the 30-day periods of its data. */
final class DeviceCodes {

    private final EngineLookups lookups;
    private final EnrollmentMonth s;
    private final Program enrolled;
    private final Kind kind;
    private final LocalDate today;
    private final LocalDate monthStart;
    private final LocalDate episodeEnd;
    private final QualifyingDays qualifying;
    private final CodeResults results;

    DeviceCodes(EngineLookups lookups, EnrollmentMonth s, QualifyingDays qualifying, CodeResults results) {
        this.lookups = lookups;
        this.s = s;
        this.enrolled = s.enrolled();
        this.kind = s.kind();
        this.today = s.today();
        this.monthStart = s.monthStart();
        this.episodeEnd = s.episodeEnd();
        this.qualifying = qualifying;
        this.results = results;
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
        Set<String> current = s.currentDiagnoses();
        Optional<String> primary = s.patient().diagnoses().stream()
                .filter(d -> d.primary() && d.currentDuring(monthStart, s.monthEnd()))
                .map(d -> IcdCategories.rtmBodySystem(d.icd10())).filter(Objects::nonNull).findFirst();
        if (primary.isPresent()) {
            return primary.get();
        }
        Set<String> systems = current.stream().map(IcdCategories::rtmBodySystem).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        return systems.size() == 1 ? systems.iterator().next() : null;
    }

    List<CodeResult> deviceAndSetup() {
        List<CodeResult> out = new ArrayList<>();
        DaySet days = qualifying.days();
        String system = kind == Kind.RTM ? rtmBodySystem() : null;
        if (days.isEmpty()) {
            Program v = lookups.versionFor(enrolled, monthStart).orElse(enrolled);
            for (CodeRule c : v.codes()) {
                if (c.rule() == RuleKind.SETUP || (c.rule() == RuleKind.DEVICE_SUPPLY && (system == null || system.equals(c.bodySystem())))) {
                    out.add(results.code(c, v, Status.NOT_MET, "No qualifying readings yet: the first 30-day period starts on the "
                            + "first day with " + (kind == Kind.RPM ? "device data" : "data"), "readings on at least "
                            + c.minDays() + " days", null, 0, null, null, null));
                }
            }
            return out;
        }
        LocalDate anchor = days.first();
        int setupPeriod = setupPeriod(anchor, days);
        for (Period p : Period.ofMonth(anchor, s)) {
            Program v = lookups.versionFor(enrolled, p.end()).orElse(null);
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
                    out.add(results.periodCode(c, v, p, Status.BLOCKED, "The RTM body system is unknown: record one primary "
                            + "respiratory (J), musculoskeletal (M) or behavioral (F) diagnosis (verified §C rule 13)", null, 0));
                } else if (chosen.isPresent() && chosen.get() == c) {
                    out.add(results.periodCode(c, v, p, Status.MET, n + " days with qualifying data in the period "
                            + lookups.day(p.start()) + "–" + lookups.day(p.end()) + " (" + band(c) + " required; " + c.source() + ")",
                            null, 1));
                } else if (n > c.maxDays() || (closed && chosen.isPresent())) {
                    String other = chosen.map(CodeRule::code).orElse("another code");
                    out.add(results.periodCode(c, v, p, Status.NOT_APPLICABLE, n + " days: " + other
                            + " is billed for this period instead; never both (verified §C rule 6)", null, 0));
                } else {
                    out.add(shortOfDays(c, v, p, n, left, closed, chosen.map(CodeRule::code).orElse(null)));
                }
            }
            Optional<CodeRule> setup = lookups.rules(v, RuleKind.SETUP).stream().findFirst();
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
        String have = n + " day" + (n == 1 ? "" : "s") + " with qualifying data in the period " + lookups.day(p.start()) + "–"
                + lookups.day(p.end()) + "; " + band(c) + " required";
        if (closed) {
            return results.periodCode(c, v, p, Status.NOT_MET, have + " (period closed)", null, 0);
        }
        if (need > left) {
            return results.periodCode(c, v, p, Status.NOT_MET, have + "; only " + left + " day" + (left == 1 ? "" : "s")
                    + " left, so it cannot be reached in this period (periods are never stretched, verified §C rule 4)", null, 0);
        }
        String shortfall = need + " more day" + (need == 1 ? "" : "s") + " of readings by " + lookups.day(p.end())
                + (chosen == null ? "" : " (for " + c.code() + " instead of " + chosen + ")");
        return results.periodCode(c, v, p, Status.NOT_MET, have, shortfall, 0);
    }

    /** The first period of the episode in which the set-up requirement is met, or -1. */
    private int setupPeriod(LocalDate anchor, DaySet days) {
        for (int k = 0;; k++) {
            Period p = Period.of(anchor, k);
            if (p.start().isAfter(today) || p.start().isAfter(episodeEnd) || k > 10_000) {
                return -1;
            }
            Optional<Program> v = lookups.versionFor(enrolled, p.end());
            Optional<CodeRule> setup = v.flatMap(x -> lookups.rules(x, RuleKind.SETUP).stream().findFirst());
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
            return results.periodCode(c, v, p, Status.NOT_APPLICABLE, "Set-up is billed once per episode: it was met in the "
                    + "period ending " + billed + " (verified row 1b)", null, 0);
        }
        if (setupPeriod == p.index()) {
            return results.periodCode(c, v, p, Status.MET, n + " days with data in the episode's period " + lookups.day(p.start())
                    + "–" + lookups.day(p.end()) + " (" + c.minDays() + " required; once per episode; " + c.source() + ")", null, 1);
        }
        if (c.firstPeriodOnly() && p.index() > 0) {
            return results.periodCode(c, v, p, Status.NOT_APPLICABLE, "Before 2026 set-up needs " + c.minDays()
                    + " days within the episode's first 30-day period, which did not have them (verified §C rule 3)", null, 0);
        }
        return shortOfDays(c, v, p, n, left, closed, null);
    }
}
