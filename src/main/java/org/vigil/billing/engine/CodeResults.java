package org.vigil.billing.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.vigil.billing.engine.Catalog.CodeRule;
import org.vigil.billing.engine.Catalog.Price;
import org.vigil.billing.engine.Catalog.Program;
import org.vigil.billing.engine.Readiness.CodeResult;
import org.vigil.billing.engine.Readiness.Status;

/** One code's result for an enrollment: over a device period or a calendar month, priced and with its progress. */
final class CodeResults {

    private final EngineLookups lookups;
    private final LocalDate today;
    private final LocalDate monthStart;
    private final LocalDate monthEnd;
    private final QualifyingDays qualifying;
    private final CountedMinutes time;

    CodeResults(EngineLookups lookups, EnrollmentMonth s, QualifyingDays qualifying, CountedMinutes time) {
        this.lookups = lookups;
        this.today = s.today();
        this.monthStart = s.monthStart();
        this.monthEnd = s.monthEnd();
        this.qualifying = qualifying;
        this.time = time;
    }

    CodeResult periodCode(CodeRule c, Program v, Period p, Status status, String reason, String shortfall, int units) {
        boolean closed = today.isAfter(p.end());
        LocalDate deadline = shortfall == null ? null : p.end();
        return code(c, v, status, reason, shortfall, deadline, units, p.start(), p.end(), closed ? Boolean.FALSE : Boolean.TRUE);
    }

    CodeResult monthCode(CodeRule c, Program v, YearMonth m, Status status, String reason, String shortfall, int units) {
        LocalDate end = m.atEndOfMonth();
        return code(c, v, status, reason, shortfall, shortfall == null ? null : end, units, m.atDay(1), end,
                !today.isAfter(end));
    }

    /** A result, priced at its date of service (the period's last day). provisional null: no period. */
    CodeResult code(CodeRule c, Program v, Status status, String reason, String shortfall, LocalDate deadline,
            int units, LocalDate start, LocalDate end, Boolean provisional) {
        LocalDate dos = end;
        Price price = dos == null ? null : lookups.price(c.code(), dos).orElse(null);
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
                    : qualifying.days().countBetween(start, end), c.minDays(), "days");
            case MANAGEMENT_TIME, PERSONAL_TIME -> c.minMinutes() == null ? null : new Readiness.Progress(start == null ? 0
                    : time.minutes(c.performers(), time.entriesBetween(start, end)), c.minMinutes(), "minutes");
            case ADD_ON -> {
                Optional<CodeRule> base = c.addOnTo() == null ? Optional.empty() : v.code(c.addOnTo());
                yield base.isEmpty() || base.get().minMinutes() == null || c.incrementMinutes() == null || start == null ? null
                        : new Readiness.Progress(time.minutes(c.performers(), time.entriesBetween(start, end)),
                                base.get().minMinutes() + c.incrementMinutes(), "minutes");
            }
            case APCM_LEVEL -> null;
        };
    }
}
