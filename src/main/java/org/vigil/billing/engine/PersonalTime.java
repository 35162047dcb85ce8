package org.vigil.billing.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.billing.engine.Catalog.CodeRule;
import org.vigil.billing.engine.Catalog.Program;
import org.vigil.billing.engine.Catalog.RuleKind;
import org.vigil.billing.engine.Readiness.CodeResult;
import org.vigil.billing.engine.Readiness.Status;

/** 99091: the billing practitioner's own time, per 30-day period of the data. */
final class PersonalTime {

    private final EngineLookups lookups;
    private final EnrollmentMonth s;
    private final Program enrolled;
    private final LocalDate today;
    private final QualifyingDays qualifying;
    private final CountedMinutes time;
    private final ManagementMonth management;
    private final CodeResults results;

    PersonalTime(EngineLookups lookups, EnrollmentMonth s, QualifyingDays qualifying, CountedMinutes time,
            ManagementMonth management, CodeResults results) {
        this.lookups = lookups;
        this.s = s;
        this.enrolled = s.enrolled();
        this.today = s.today();
        this.qualifying = qualifying;
        this.time = time;
        this.management = management;
        this.results = results;
    }

    List<CodeResult> codes() {
        List<CodeResult> out = new ArrayList<>();
        DaySet days = qualifying.days();
        Program current = lookups.versionFor(enrolled, s.monthStart()).orElse(enrolled);
        List<CodeRule> rules = lookups.rules(current, RuleKind.PERSONAL_TIME);
        if (rules.isEmpty()) {
            return out;
        }
        if (days.isEmpty()) {
            for (CodeRule c : rules) {
                out.add(results.code(c, current, Status.NOT_MET, "No data yet: 99091 runs on the 30-day periods of the data", null,
                        null, 0, null, null, null));
            }
            return out;
        }
        for (Period p : Period.ofMonth(days.first(), s)) {
            Program v = lookups.versionFor(enrolled, p.end()).orElse(null);
            if (v == null) {
                continue;
            }
            for (CodeRule c : v.codes()) {
                if (c.rule() != RuleKind.PERSONAL_TIME) {
                    continue;
                }
                // verified §C rule 12: never in a period where 99457/99458/99470 is billed.
                Optional<CodeResult> excluded = excludingManagement(c, p);
                int n = time.minutes(c.performers(), time.entriesBetween(p.start(), p.end()));
                boolean closed = today.isAfter(p.end());
                if (excluded.isPresent()) {
                    out.add(results.periodCode(c, v, p, Status.NOT_APPLICABLE, excluded.get().code() + " is billed in "
                            + YearMonth.from(excluded.get().dateOfService()).format(EngineLookups.MONTH) + ": " + c.code()
                            + " is not reported in the same period (" + c.source() + ")", null, 0));
                } else if (n >= c.minMinutes()) {
                    out.add(results.periodCode(c, v, p, Status.MET, n + " minutes of the billing practitioner's own time in the "
                            + "period " + lookups.day(p.start()) + "–" + lookups.day(p.end()) + " (" + c.source() + ")", null, 1));
                } else {
                    String shortfall = closed || n == 0 ? null
                            : time.minutesWord(c.minMinutes() - n, c) + " by " + lookups.day(p.end());
                    out.add(results.periodCode(c, v, p, Status.NOT_MET, n + " minutes of the billing practitioner's own time in the "
                            + "period " + lookups.day(p.start()) + "–" + lookups.day(p.end()) + "; " + c.minMinutes() + " required",
                            shortfall, 0));
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
            for (CodeResult r : management.codes(m).values()) {
                if (r.status() == Status.MET && c.excludedBy().contains(r.code())) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }
}
