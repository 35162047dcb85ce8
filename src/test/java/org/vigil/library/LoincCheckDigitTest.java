package org.vigil.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LoincCheckDigitTest {

    @Test
    void computesTheUsersGuideExampleAndKnownCodes() {
        // The LOINC Users' Guide works the mod-10 algorithm on 12345: check digit 5.
        assertThat(LoincCheckDigit.of("12345")).isEqualTo(5);
        assertThat(LoincCheckDigit.of("8480")).isEqualTo(6);
        assertThat(LoincCheckDigit.of("8462")).isEqualTo(4);
        assertThat(LoincCheckDigit.of("29463")).isEqualTo(7);
        assertThat(LoincCheckDigit.of("2339")).isEqualTo(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"85354-9", "8480-6", "8462-4", "8867-4", "59408-5", "2708-6", "9279-1", "8310-5",
        "29463-7", "8302-2", "39156-5", "41653-7", "2339-0", "72514-3", "44249-1", "44261-6", "44260-8", "69737-5",
        "70274-6", "69722-7", "55757-9", "55758-7"})
    void acceptsCodesListedInTheDomainDoc(String code) {
        assertThat(LoincCheckDigit.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8480-5", "8480-7", "29463-1", "44260-9", "8480", "8480-66", "123456-7", "-6", "abcd-1", "8480 -6", ""})
    void refusesWrongCheckDigitsAndForms(String code) {
        assertThat(LoincCheckDigit.isValid(code)).isFalse();
    }

    @Test
    void refusesNullAndNonNumbers() {
        assertThat(LoincCheckDigit.isValid(null)).isFalse();
        assertThatThrownBy(() -> LoincCheckDigit.of("12a")).isInstanceOf(IllegalArgumentException.class);
    }
}
