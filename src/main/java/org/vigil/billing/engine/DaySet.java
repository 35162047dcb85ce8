package org.vigil.billing.engine;

import java.time.LocalDate;

/** Qualifying days of an enrollment as sorted, distinct epoch days: counts over a period by binary search. */
final class DaySet {
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
