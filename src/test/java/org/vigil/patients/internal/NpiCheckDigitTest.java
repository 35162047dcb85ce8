package org.vigil.patients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The NPI check digit: Luhn over 80840 + the first nine digits (CMS NPI standard). */
class NpiCheckDigitTest {

    @Test
    void knownValidNpisPass() {
        // CMS's worked example: 80840 123456789 → check digit 3.
        assertThat(NpiCheckDigit.isValid("1234567893")).isTrue();
        assertThat(NpiCheckDigit.checkDigit("123456789")).isEqualTo(3);
        // Cross-checked with the equivalent "add 24" method over the nine digits alone.
        assertThat(NpiCheckDigit.isValid("1003000126")).isTrue();
        assertThat(NpiCheckDigit.isValid("1749582379")).isTrue();
        assertThat(NpiCheckDigit.isValid("1999999992")).isTrue();
    }

    @Test
    void aWrongCheckDigitOrAnyChangedDigitFails() {
        for (int digit = 0; digit <= 9; digit++) {
            if (digit != 3) {
                assertThat(NpiCheckDigit.isValid("123456789" + digit)).as("check digit %d", digit).isFalse();
            }
        }
        assertThat(NpiCheckDigit.isValid("1234567883")).as("one digit changed").isFalse();
        assertThat(NpiCheckDigit.isValid("2134567893")).as("two digits swapped").isFalse();
    }

    @Test
    void onlyTenDigitsQualify() {
        assertThat(NpiCheckDigit.isValid("123456789")).isFalse();
        assertThat(NpiCheckDigit.isValid("12345678930")).isFalse();
        assertThat(NpiCheckDigit.isValid("123456789X")).isFalse();
        assertThat(NpiCheckDigit.isValid(" 1234567893")).isFalse();
        assertThat(NpiCheckDigit.isValid(null)).isFalse();
    }
}
