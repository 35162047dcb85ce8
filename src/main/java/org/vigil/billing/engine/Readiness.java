package org.vigil.billing.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The engine's output. */
public final class Readiness {

    private Readiness() {
    }

    public enum Status {
        /** The requirements are met (provisional while its period is still open). */
        MET,
        /** Not (yet) met: the shortfall says what is missing and by when. */
        NOT_MET,
        /** Does not apply this period (set-up already billed, the other band or family chosen…). */
        NOT_APPLICABLE,
        /** Would or could be met but may not be billed: eligibility, exclusivity, practitioner, missing record. */
        BLOCKED
    }

    /** OIG findings (domain §1.1 "Oversight") and other things a biller must check by hand. */
    public enum WarningCode {
        DEVICE_WITHOUT_MANAGEMENT, NO_INTERACTIVE_CONTACT, NO_PRIOR_VISIT, MULTIPLE_DEVICE_CODES, UNCOUNTED_MINUTES,
        UNVERIFIED_AMOUNT, NO_AMOUNT, RATING_SCALE_NOT_CHECKED, DIRECT_SUPERVISION
    }

    public record Warning(WarningCode code, String message) {
    }

    /**
     * How far a code's count has come toward its threshold, for progress bars: qualifying data days in
     * the code's 30-day period, or the minutes that count toward it in its period.
     *
     * @param have the days or minutes that count so far
     * @param need the threshold (a code's minimum days or minutes; for an add-on, its first unit)
     * @param unit {@code days} or {@code minutes}
     */
    public record Progress(int have, int need, String unit) {
    }

    /** One eligibility rule of the program and whether it passed. */
    public record RuleResult(String ruleType, String description, boolean passed, String detail) {
    }

    /**
     * One code for one period.
     *
     * @param periodStart   the period the code is counted over (a 30-day device period, or the month)
     * @param dateOfService the claim's date of service (period's last day; verified row 2b, §C rule 7)
     * @param billedInMonth whether the date of service falls in the evaluated month (only these are claims)
     * @param provisional   true while the period is still open: the result may still change
     * @param shortfall     what is missing in plain words ("4 more days of readings by 14 Dec"), or null
     * @param deadline      the last day the shortfall can be made up, or null
     * @param amount        units × unit amount, or null when unknown or not met
     * @param rateTable     the rate table that priced it, or null
     * @param progress      the days or minutes counted toward the threshold, or null where no count applies (APCM)
     */
    public record CodeResult(String code, String description, String programCode, Status status, String reason,
            String shortfall, LocalDate deadline, int units, LocalDate periodStart, LocalDate periodEnd,
            LocalDate dateOfService, boolean billedInMonth, boolean provisional, BigDecimal unitAmount,
            BigDecimal amount, String rateTable, Boolean rateVerified, String source, Progress progress) {

        public boolean billable() {
            return status == Status.MET && billedInMonth;
        }

        CodeResult with(Status newStatus, String newReason) {
            return new CodeResult(code, description, programCode, newStatus, newReason, shortfall, deadline,
                    newStatus == Status.MET ? units : 0, periodStart, periodEnd, dateOfService, billedInMonth,
                    provisional, unitAmount, newStatus == Status.MET ? amount : null, rateTable, rateVerified, source, progress);
        }
    }

    /** One enrollment's readiness for a month. */
    public record Enrollment(String enrollmentId, String patientId, String billingProgramId, String programKind,
            YearMonth month, List<RuleResult> eligibility, List<CodeResult> codes, List<Warning> warnings,
            BigDecimal expectedAmount) {

        public boolean eligible() {
            for (RuleResult r : eligibility) {
                if (!r.passed()) {
                    return false;
                }
            }
            return true;
        }

        /** Codes not billable this month whose shortfall can still be made up: the "at risk" list. */
        public List<CodeResult> atRisk() {
            List<CodeResult> out = null;
            for (CodeResult c : codes) {
                if (c.status() == Status.NOT_MET && c.deadline() != null && c.shortfall() != null) {
                    if (out == null) {
                        out = new java.util.ArrayList<>(2);
                    }
                    out.add(c);
                }
            }
            return out == null ? List.of() : java.util.Collections.unmodifiableList(out);
        }
    }
}
