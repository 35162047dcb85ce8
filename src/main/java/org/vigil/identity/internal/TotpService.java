package org.vigil.identity.internal;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords per RFC 6238 with the parameters every authenticator app supports: HMAC-SHA1,
 * {@value #DIGITS} digits, {@value #PERIOD_SECONDS}-second steps. Secrets are 160 random bits (the RFC 4226
 * recommendation) in unpadded Base32; {@link #verify} accepts the current step and one step either side (clock
 * drift, RFC 6238 section 5.2) and returns the matched step so the caller can store it and refuse a replay of that
 * step or an earlier one.
 */
class TotpService {

    static final int DIGITS = 6;
    static final int PERIOD_SECONDS = 30;
    static final int SECRET_BYTES = 20;
    static final int MIN_SECRET_BYTES = 16;
    static final int ALLOWED_DRIFT_STEPS = 1;

    private static final Pattern CODE = Pattern.compile("[0-9]{" + DIGITS + "}");
    private static final Pattern BASE32_SECRET = Pattern.compile("[A-Z2-7]+");

    private final String issuer;
    private final SecureRandom random;
    private final TimeBasedOneTimePasswordGenerator generator =
            new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(PERIOD_SECONDS), DIGITS,
                    TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

    /** @param issuer shown in the authenticator app (e.g. "Vigil"); must not contain a colon (Key URI format). */
    TotpService(String issuer) {
        this(issuer, new SecureRandom());
    }

    TotpService(String issuer, SecureRandom random) {
        this.issuer = requireNoColon(Objects.requireNonNull(issuer, "issuer"), "issuer");
        if (issuer.isBlank()) {
            throw new IllegalArgumentException("issuer must not be blank");
        }
        this.random = Objects.requireNonNull(random, "random");
    }

    /** New 160-bit secret as 32 upper-case Base32 characters without padding. */
    String generateSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return new Base32().encodeToString(secret).replace("=", "");
    }

    /**
     * {@code otpauth://totp/Issuer:email?secret=...&issuer=Issuer&algorithm=SHA1&digits=6&period=30}, issuer and
     * email percent-encoded (spaces as {@code %20}), for the enrolment QR code.
     */
    String provisioningUri(String email, String secret) {
        requireNoColon(Objects.requireNonNull(email, "email"), "email");
        decodeSecret(secret);
        String encodedIssuer = encode(issuer);
        return "otpauth://totp/" + encodedIssuer + ":" + encode(email)
                + "?secret=" + secret
                + "&issuer=" + encodedIssuer
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD_SECONDS;
    }

    /**
     * Checks {@code code} against the steps around {@code now}.
     *
     * @return the RFC 6238 time-step number ({@code floor(unixSeconds / 30)}) the code belongs to, or empty when the
     *         code is malformed (null, not exactly six ASCII digits) or matches none of the accepted steps
     * @throws IllegalArgumentException if {@code secret} is not a Base32 secret of at least 128 bits
     */
    OptionalLong verify(String secret, String code, Instant now) {
        Key key = decodeSecret(secret);
        Objects.requireNonNull(now, "now");
        if (code == null || !CODE.matcher(code).matches()) {
            return OptionalLong.empty();
        }
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = stepAt(now);
        long matched = -1;
        // Every candidate step is computed and compared, so timing does not reveal which one matched.
        for (long step = current - ALLOWED_DRIFT_STEPS; step <= current + ALLOWED_DRIFT_STEPS; step++) {
            if (step < 0) {
                continue;
            }
            byte[] expected = codeAt(key, step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given) && matched < 0) {
                matched = step;
            }
        }
        return matched < 0 ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /** The code for a time step (package-private for tests). */
    String code(String secret, long step) {
        return codeAt(decodeSecret(secret), step);
    }

    static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), PERIOD_SECONDS);
    }

    private String codeAt(Key key, long step) {
        try {
            int otp = generator.generateOneTimePassword(key, Instant.ofEpochSecond(step * PERIOD_SECONDS));
            return String.format(Locale.ROOT, "%0" + DIGITS + "d", otp);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA1 rejected the TOTP key", e);
        }
    }

    private static Key decodeSecret(String secret) {
        if (secret == null || !BASE32_SECRET.matcher(secret).matches()) {
            throw new IllegalArgumentException("TOTP secret must be unpadded upper-case Base32");
        }
        byte[] bytes = new Base32().decode(secret);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("TOTP secret must be at least " + MIN_SECRET_BYTES * 8 + " bits");
        }
        return new SecretKeySpec(bytes, "HmacSHA1");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String requireNoColon(String value, String name) {
        if (value.indexOf(':') >= 0) {
            throw new IllegalArgumentException(name + " must not contain ':' (it separates issuer and account)");
        }
        return value;
    }
}
