package org.vigil.carework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Whole minutes rounded down; half-open intervals that may touch but never overlap. */
class LoggedIntervalTest {

    static final Instant TEN = Instant.parse("2026-11-02T15:00:00Z");

    @Test
    void minutesAreWholeAndRoundedDown() {
        assertThat(new LoggedInterval(TEN, TEN.plusSeconds(20 * 60 - 1)).wholeMinutes()).isEqualTo(19);
        assertThat(new LoggedInterval(TEN, TEN.plusSeconds(20 * 60)).wholeMinutes()).isEqualTo(20);
        assertThat(new LoggedInterval(TEN, TEN.plusSeconds(59)).wholeMinutes()).isZero();
        assertThat(LoggedInterval.ofMinutes(TEN, 20).endedAt()).isEqualTo(TEN.plusSeconds(1200));
    }

    @Test
    void touchingIntervalsDoNotOverlapOneSecondMoreDoes() {
        LoggedInterval first = LoggedInterval.ofMinutes(TEN, 20);
        assertThat(first.overlaps(LoggedInterval.ofMinutes(TEN.plusSeconds(1200), 10))).isFalse();
        assertThat(first.overlaps(LoggedInterval.ofMinutes(TEN.plusSeconds(1199), 10))).isTrue();
        assertThat(first.overlaps(LoggedInterval.ofMinutes(TEN.minusSeconds(600), 10))).isFalse();
        assertThat(first.overlaps(LoggedInterval.ofMinutes(TEN.minusSeconds(599), 10))).isTrue();
        assertThat(first.overlaps(LoggedInterval.ofMinutes(TEN.plusSeconds(300), 5))).as("inside").isTrue();
    }
}
