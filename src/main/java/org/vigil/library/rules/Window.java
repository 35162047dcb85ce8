package org.vigil.library.rules;

import java.time.Duration;

/**
 * Which readings a condition looks at, relative to the evaluation instant {@code now}.
 * A time window of {@code hours: N} holds the readings with {@code recordedAt} in the half-open
 * interval {@code (now − N h, now]}: a reading exactly N hours old is outside, one recorded at
 * {@code now} is inside. {@code days: N} is exactly {@code N × 24} hours (not calendar days).
 */
public sealed interface Window {

    /** The {@code count} most recent readings at or before {@code now}. */
    record LastReadings(int count) implements Window {
    }

    /** A window measured in time. */
    sealed interface Timed extends Window {
        Duration duration();

        /** Whether {@code recordedAt} lies in {@code (now − duration, now]}. */
        default boolean contains(java.time.Instant recordedAt, java.time.Instant now) {
            return recordedAt.isAfter(now.minus(duration())) && !recordedAt.isAfter(now);
        }
    }

    /** The last {@code hours} hours. */
    record Hours(int hours) implements Timed {
        @Override
        public Duration duration() {
            return Duration.ofHours(hours);
        }
    }

    /** The last {@code days} × 24 hours. */
    record Days(int days) implements Timed {
        @Override
        public Duration duration() {
            return Duration.ofDays(days);
        }
    }

    /** For messages: "last 3 readings", "24 h", "7 days". */
    default String describe() {
        if (this instanceof LastReadings l) {
            return l.count() == 1 ? "last reading" : "last " + l.count() + " readings";
        }
        if (this instanceof Hours h) {
            return h.hours() + " h";
        }
        Days d = (Days) this;
        return d.days() == 1 ? "1 day" : d.days() + " days";
    }
}
