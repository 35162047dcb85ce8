package org.vigil.shared.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-02T13:05:00Z", "2026-11-02T13:05:00.5Z", "2026-11-02T13:05:00.123Z",
        "2026-11-02T13:05:00.123456Z", "2026-11-02T13:05:00.123456789Z", "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
        // not the fast path's form: Instant.parse decides
        "2026-11-02T13:05:00+01:00", "2026-06-30T23:59:60Z", "+12026-11-02T13:05:00Z", "2026-11-02T13:05Z", "2026-11-02T13:05:00.Z"})
    void sameInstantAsInstantParse(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException refused) {
            assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(IsoInstants.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-02T13:05:00Z", "2026-02-30T13:05:00Z", "2025-02-29T00:00:00Z", "2026-11-02T24:00:01Z",
        "2026-11-02T13:60:00Z", "2026-11-02T13:05:61Z", "2026-11-02T13:05:00.1234567890Z",
        "2026-11-02 13:05:00Z", "2026-11-02T13:05:00", "2026-1a-02T13:05:00Z", "yesterday", "", "2026-11-02T13:05:0xZ"})
    void refusesWhatInstantParseRefuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
