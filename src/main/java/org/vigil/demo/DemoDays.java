package org.vigil.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The demo's calendar: the 60 days up to now in the organization's time zone. Day 0 is the first
 * day; {@code daysAgo} counts back from today. Nothing is ever dated after {@code now}.
 */
record DemoDays(Instant now, ZoneId zone) {

    static final int SPAN = 60;

    LocalDate today() {
        return now.atZone(zone).toLocalDate();
    }

    LocalDate firstDay() {
        return today().minusDays(SPAN);
    }

    long daysAgo(LocalDate day) {
        return ChronoUnit.DAYS.between(day, today());
    }

    Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    boolean past(Instant instant) {
        return !instant.isAfter(now);
    }

    /** Where an episode's readings end: those before it are sent first, its alert worked, then the rest. */
    Instant episodeCut() {
        return startOf(today().minusDays(2));
    }
}
