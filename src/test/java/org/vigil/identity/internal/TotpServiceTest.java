package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpServiceTest {

    /** RFC 6238 appendix B SHA-1 seed: the 20 ASCII bytes "12345678901234567890". */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private final TotpService totp = new TotpService("Vigil");

    @Test
    void rfcSeedEncodesToTheExpectedBase32() {
        assertThat(new Base32().encodeToString(RFC_SEED)).isEqualTo(RFC_SECRET);
    }

    /** RFC 6238 appendix B SHA-1 vectors (8 digits there); a 6-digit code is the last six digits. */
    @ParameterizedTest
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
            "2000000000, 279037", "20000000000, 353130"})
    void acceptsRfc6238Sha1VectorsAndReturnsTheirStep(long unixSeconds, String code) {
        assertThat(totp.verify(RFC_SECRET, code, Instant.ofEpochSecond(unixSeconds)))
                .hasValue(unixSeconds / 30);
    }

    @Test
    void sixDigitCodeIsTheTailOfTheRfcEightDigitValue() throws Exception {
        var eightDigits = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 8);
        String full = eightDigits.generateOneTimePasswordString(new SecretKeySpec(RFC_SEED, "HmacSHA1"),
                Instant.ofEpochSecond(59), Locale.ROOT);
        assertThat(full).isEqualTo("94287082");
        assertThat(totp.code(RFC_SECRET, 1)).isEqualTo("287082");
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndReportsTheCodesOwnStep() {
        long step = 37037036; // T = 1111111109
        String code = totp.code(RFC_SECRET, step);
        assertThat(totp.verify(RFC_SECRET, code, atStep(step - 1))).hasValue(step);
        assertThat(totp.verify(RFC_SECRET, code, atStep(step))).hasValue(step);
        assertThat(totp.verify(RFC_SECRET, code, atStep(step + 1))).hasValue(step);
        assertThat(totp.verify(RFC_SECRET, code, atStep(step + 1).plusSeconds(29))).hasValue(step);
    }

    @Test
    void refusesCodesTwoStepsAway() {
        long step = 37037036;
        String code = totp.code(RFC_SECRET, step);
        assertThat(totp.verify(RFC_SECRET, code, atStep(step - 2))).isEmpty();
        assertThat(totp.verify(RFC_SECRET, code, atStep(step + 2))).isEmpty();
        assertThat(totp.verify(RFC_SECRET, code, atStep(step - 1).minusSeconds(1))).isEmpty();
    }

    @Test
    void refusesAWrongCode() {
        assertThat(totp.verify(RFC_SECRET, "287083", Instant.ofEpochSecond(59))).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"12a456", "", "2870820", "28708", " 287082", "287082 ", "２８７０８２", "-87082"})
    void refusesMalformedCodesWithoutThrowing(String code) {
        assertThat(totp.verify(RFC_SECRET, code, Instant.ofEpochSecond(59))).isEmpty();
    }

    @Test
    void worksAtTheEpochWhereThereIsNoPreviousStep() {
        assertThat(totp.verify(RFC_SECRET, totp.code(RFC_SECRET, 0), Instant.EPOCH)).hasValue(0);
        assertThat(totp.verify(RFC_SECRET, totp.code(RFC_SECRET, 1), Instant.EPOCH)).hasValue(1);
    }

    @Test
    void generatesDistinct160BitBase32SecretsThatVerify() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String secret = totp.generateSecret();
            assertThat(secret).matches("[A-Z2-7]{32}");
            assertThat(new Base32().decode(secret)).hasSize(20);
            secrets.add(secret);
        }
        assertThat(secrets).hasSize(200);
        String secret = secrets.iterator().next();
        Instant now = Instant.parse("2026-03-01T10:15:30Z");
        assertThat(totp.verify(secret, totp.code(secret, TotpService.stepAt(now)), now))
                .hasValue(TotpService.stepAt(now));
    }

    @Test
    void buildsTheKeyUriWithEncodedIssuerAndAccount() {
        String uri = new TotpService("Vigil Health").provisioningUri("jane.doe+mfa@example.com", RFC_SECRET);
        assertThat(uri).isEqualTo("otpauth://totp/Vigil%20Health:jane.doe%2Bmfa%40example.com?secret=" + RFC_SECRET
                + "&issuer=Vigil%20Health&algorithm=SHA1&digits=6&period=30");
        URI parsed = URI.create(uri);
        assertThat(parsed.getScheme()).isEqualTo("otpauth");
        assertThat(parsed.getHost()).isEqualTo("totp");
        assertThat(parsed.getPath()).isEqualTo("/Vigil Health:jane.doe+mfa@example.com");
        assertThat(parsed.getQuery()).contains("issuer=Vigil Health");
    }

    @Test
    void encodesAmpersandsAndNonAsciiSoTheyCannotInjectParameters() {
        String uri = new TotpService("A&B").provisioningUri("zoë@example.com", RFC_SECRET);
        assertThat(uri).startsWith("otpauth://totp/A%26B:zo%C3%AB%40example.com?")
                .contains("&issuer=A%26B&");
    }

    @Test
    void rejectsColonsInIssuerOrAccount() {
        assertThatThrownBy(() -> new TotpService("Vigil:Prod")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> totp.provisioningUri("a:b@example.com", RFC_SECRET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TotpService(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "gezdgnbvgy3tqojqgezdgnbvgy3tqojq", "GEZDGNBVGY3TQOJQ====", "GEZDGNBV", "GEZ1GNBVGY3TQOJQ"})
    void rejectsSecretsThatAreNotAtLeast128BitsOfBase32(String secret) {
        assertThatThrownBy(() -> totp.verify(secret, "287082", Instant.ofEpochSecond(59)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant atStep(long step) {
        return Instant.ofEpochSecond(step * 30);
    }
}
