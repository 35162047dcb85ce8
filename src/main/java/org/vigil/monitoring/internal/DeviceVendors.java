package org.vigil.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The vendor platforms allowed to deliver readings and the secret each signs its deliveries with:
 * {@code vigil.devices.vendors.<vendor>.secret} (and, while a secret is rotated,
 * {@code previous-secret}), per deployment. A vendor platform signs every delivery with one
 * secret before anyone knows which organization the device belongs to, so the secret is per
 * vendor, not per organization; the device registry then says which organization's readings they
 * are. Secrets live in configuration (environment, secret store), never in the database, so a
 * database dump does not let anyone forge deliveries.
 * <p>
 * A delivery is authentic when {@code X-Vigil-Signature: sha256=<hex>} is the HMAC-SHA256, under
 * the vendor's secret, of {@code <X-Vigil-Timestamp>.<raw body>}, and the timestamp (Unix
 * seconds) is within {@link #REPLAY_WINDOW} of the server's clock. Comparison is constant-time.
 */
@Component
class DeviceVendors {

    static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
    static final String SIGNATURE_HEADER = "X-Vigil-Signature";
    static final String TIMESTAMP_HEADER = "X-Vigil-Timestamp";
    static final int MIN_SECRET_LENGTH = 32;

    /** One vendor's configuration. */
    record Vendor(String secret, String previousSecret) {
    }

    private final Map<String, List<byte[]>> secrets = new TreeMap<>();
    private final Clock clock;

    DeviceVendors(Environment environment, Clock clock) {
        this.clock = clock;
        Map<String, Vendor> configured = Binder.get(environment)
                .bind("vigil.devices.vendors", Bindable.mapOf(String.class, Vendor.class)).orElse(Map.of());
        configured.forEach((name, vendor) -> {
            List<byte[]> keys = new ArrayList<>();
            for (String secret : new String[] {vendor.secret(), vendor.previousSecret()}) {
                if (secret == null || secret.isBlank()) {
                    continue;
                }
                if (secret.length() < MIN_SECRET_LENGTH) {
                    throw new IllegalStateException("vigil.devices.vendors." + name + ": a webhook secret needs at least "
                            + MIN_SECRET_LENGTH + " characters");
                }
                keys.add(secret.getBytes(StandardCharsets.UTF_8));
            }
            if (!keys.isEmpty()) {
                secrets.put(normalize(name), List.copyOf(keys));
            }
        });
    }

    static String normalize(String vendor) {
        return vendor == null ? "" : vendor.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the delivery is authentic and fresh. Every failure (unknown vendor, missing or
     * malformed headers, stale timestamp, wrong signature) is the same {@code false}: the caller
     * answers all of them alike.
     */
    boolean verify(String vendor, String timestampHeader, String signatureHeader, byte[] body) {
        List<byte[]> keys = secrets.get(normalize(vendor));
        if (keys == null || timestampHeader == null || signatureHeader == null || body == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        Instant sent = Instant.ofEpochSecond(Math.max(Math.min(seconds, Instant.MAX.getEpochSecond()),
                Instant.MIN.getEpochSecond()));
        Instant now = clock.instant();
        if (Duration.between(sent, now).abs().compareTo(REPLAY_WINDOW) > 0) {
            return false;
        }
        String presented = signatureHeader.trim();
        if (!presented.startsWith("sha256=")) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(presented.substring("sha256=".length()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean match = false;
        for (byte[] key : keys) {
            // every key is tried (no early exit), and MessageDigest.isEqual is constant-time
            match |= MessageDigest.isEqual(sign(key, timestampHeader.trim(), body), given);
        }
        return match;
    }

    /** HMAC-SHA256 of {@code <timestamp>.<body>} under the key. */
    static byte[] sign(byte[] key, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
