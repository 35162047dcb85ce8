package org.vigil.billing.engine;

import static org.vigil.billing.engine.BillingEngine.PERIOD_DAYS;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A 30-day device period: index k from the first day of data, [start, start + 29]. */
record Period(int index, LocalDate start, LocalDate end) {

    /** Periods run from the first day of data in consecutive 30-day blocks, never shifted (verified §C rule 4). */
    static Period of(LocalDate anchor, int k) {
        LocalDate start = anchor.plusDays((long) PERIOD_DAYS * k);
        return new Period(k, start, start.plusDays(PERIOD_DAYS - 1));
    }

    /** Periods billed in the month (last day in it), then the open one that runs into the next month. */
    static List<Period> ofMonth(LocalDate anchor, EnrollmentMonth s) {
        List<Period> periods = new ArrayList<>();
        if (anchor.isAfter(s.monthEnd())) {
            return periods;
        }
        int k = (int) Math.max(0, ChronoUnit.DAYS.between(anchor, s.monthStart()) / PERIOD_DAYS - 1);
        for (;; k++) {
            Period p = of(anchor, k);
            if (p.start().isAfter(s.monthEnd()) || p.start().isAfter(s.episodeEnd())) {
                break;
            }
            if (!p.end().isBefore(s.monthStart())) {
                periods.add(p);
            }
        }
        return periods;
    }
}
