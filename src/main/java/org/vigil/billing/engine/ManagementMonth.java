package org.vigil.billing.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.billing.engine.Catalog.CodeRule;
import org.vigil.billing.engine.Catalog.Price;
import org.vigil.billing.engine.Catalog.Program;
import org.vigil.billing.engine.Catalog.RuleKind;
import org.vigil.billing.engine.Readiness.CodeResult;
import org.vigil.billing.engine.Readiness.Status;

/** An enrollment's management-time codes and their add-ons, per calendar month, by the minutes that count. */
final class ManagementMonth {

    private final EngineLookups lookups;
    private final Facts.Enrollment e;
    private final Program enrolled;
    private final LocalDate today;
    private final CountedMinutes time;
    private final CodeResults results;
    private final Map<YearMonth, Map<String, CodeResult>> managementByMonth = new LinkedHashMap<>();

    ManagementMonth(EngineLookups lookups, EnrollmentMonth s, CountedMinutes time, CodeResults results) {
        this.lookups = lookups;
        this.e = s.enrollment();
        this.enrolled = s.enrolled();
        this.today = s.today();
        this.time = time;
        this.results = results;
    }

    private int cap(CodeRule addOn) {
        Integer override = lookups.policy().addOnCaps().get(addOn.code());
        if (override != null) {
            return override;
        }
        return addOn.maxUnits() == null ? Integer.MAX_VALUE : addOn.maxUnits();
    }

    /** Management codes of a calendar month, by code (verified §C rules 9–11, 14, 18–19; domain §1.6). */
    Map<String, CodeResult> codes(YearMonth m) {
        Map<String, CodeResult> cached = managementByMonth.get(m);
        if (cached != null) {
            return cached;
        }
        LocalDate from = m.atDay(1);
        LocalDate to = m.atEndOfMonth();
        Program v = lookups.versionFor(enrolled, from).orElse(null);
        Map<String, CodeResult> out = new LinkedHashMap<>();
        if (v == null) {
            managementByMonth.put(m, out);
            return out;
        }
        List<Facts.TimeEntry> entries = time.entriesBetween(from, to);
        boolean contact = time.interactive(entries);
        boolean closed = today.isAfter(to);
        List<CodeRule> bases = lookups.rules(v, RuleKind.MANAGEMENT_TIME);
        Map<String, Integer> minutesOf = new LinkedHashMap<>();
        Map<String, Boolean> met = new LinkedHashMap<>();
        for (CodeRule c : bases) {
            int n = time.minutes(c.performers(), entries);
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
            String monthName = lookups.monthName(m);
            String have = n + " minute" + (n == 1 ? "" : "s") + (time.personal(c) ? " of the billing practitioner's own time" : "")
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
                r = results.monthCode(c, v, m, Status.NOT_APPLICABLE, n + " minutes: " + superseding.get().code()
                        + " is billed instead; never both (" + c.source() + ")", null, 0);
            } else if (!missingAttestations.isEmpty() && n >= c.minMinutes()) {
                r = results.monthCode(c, v, m, Status.BLOCKED, have + "; also needs documentation Vigil does not record: "
                        + String.join(", ", missingAttestations) + " (" + c.source() + ")", null, 0);
            } else if (chosen != null && !chosen.equals(c.code())) {
                r = results.monthCode(c, v, m, Status.NOT_APPLICABLE, "One " + c.family() + " family per patient-month: " + chosen
                        + " is billed (" + c.source() + ")", null, 0);
            } else if (met.get(c.code()) && (superseding.isEmpty() || n < superseding.get().minMinutes())) {
                r = results.monthCode(c, v, m, Status.MET, have.replace("required", "required, met") + " (" + c.source() + ")", null, 1);
            } else if (!missingAttestations.isEmpty()) {
                r = results.monthCode(c, v, m, Status.BLOCKED, have + "; also needs documentation Vigil does not record: "
                        + String.join(", ", missingAttestations) + " (" + c.source() + ")", null, 0);
            } else {
                List<String> missing = new ArrayList<>();
                int target = superseding.isPresent() && n >= superseding.get().minMinutes() ? superseding.get().minMinutes() : c.minMinutes();
                if (n < target) {
                    missing.add(time.minutesWord(target - n, c));
                }
                if (c.interactiveContact() && !contact) {
                    missing.add("a live phone or video contact with the patient or caregiver");
                }
                boolean onPath = c.alternative() == null || c.code().equals(furthestAlternative.get(c.family()));
                boolean pursued = !time.personal(c) || n > 0;
                String shortfall = closed || missing.isEmpty() || !onPath || !pursued ? null
                        : String.join(" and ", missing) + " by " + lookups.day(to);
                r = results.monthCode(c, v, m, Status.NOT_MET, have
                        + (missing.isEmpty() ? "" : "; missing: " + String.join(" and ", missing))
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
        BigDecimal amount = lookups.price(base.code(), dos).map(Price::unitAmount).orElse(null);
        BigDecimal total = amount == null ? BigDecimal.ZERO : amount;
        for (CodeRule a : v.codes()) {
            if (a.rule() == RuleKind.ADD_ON && base.code().equals(a.addOnTo())) {
                int units = Math.min(cap(a), Math.max(0, (minutes - base.minMinutes()) / a.incrementMinutes()));
                BigDecimal unit = lookups.price(a.code(), dos).map(Price::unitAmount).orElse(null);
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
        int n = time.minutes(a.performers(), entries);
        int increment = a.incrementMinutes();
        int first = base.minMinutes() + increment;
        String to = lookups.day(m.atEndOfMonth());
        if (b == null || b.status() == Status.NOT_APPLICABLE) {
            return results.monthCode(a, v, m, Status.NOT_APPLICABLE, "Add-on to " + base.code() + ", which is not billed this month ("
                    + a.source() + ")", null, 0);
        }
        if (b.status() != Status.MET) {
            return results.monthCode(a, v, m, b.status() == Status.BLOCKED ? Status.BLOCKED : Status.NOT_MET,
                    "Add-on to " + base.code() + ", which is not met; the first unit needs " + first + " minutes (" + a.source() + ")",
                    null, 0);
        }
        int earned = (n - base.minMinutes()) / increment;
        int cap = cap(a);
        int units = Math.min(cap, earned);
        String capNote = earned > cap ? "; capped at " + cap + " unit" + (cap == 1 ? "" : "s")
                + (lookups.policy().addOnCaps().containsKey(a.code()) ? " (organization policy)"
                        : a.maxUnitsResolved() ? "" : " (MUE unresolved; default cap, configurable)") : "";
        if (units >= 1) {
            String more = !closed && units < cap ? " — " + time.minutesWord(base.minMinutes() + increment * (units + 1) - n, a)
                    + " by " + to + " for another unit" : "";
            return results.monthCode(a, v, m, Status.MET, n + " minutes: " + units + " unit" + (units == 1 ? "" : "s") + " of "
                    + increment + " further minutes" + capNote + more + " (" + a.source() + ")", null, units);
        }
        if (cap == 0) {
            return results.monthCode(a, v, m, Status.NOT_APPLICABLE, "The organization's policy caps " + a.code() + " at 0 units",
                    null, 0);
        }
        String shortfall = closed ? null : time.minutesWord(first - n, a) + " by " + to;
        return results.monthCode(a, v, m, Status.NOT_MET, n + " minutes; the first unit needs " + first
                + (closed ? " (month closed)" : "") + " (" + a.source() + ")", shortfall, 0);
    }
}
