package org.vigil.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection per client address: after {@code limit} failed sign-in steps (password
 * or second factor) from one address within 15 minutes, that address is refused for 15 minutes,
 * whichever accounts it tries. Kept in the database, so every node of a cluster sees the same
 * count. The address is the connection's, or the proxy's X-Forwarded-For when Vigil is configured
 * to trust a proxy ({@code server.forward-headers-strategy}).
 */
@Component
class AddressThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration BLOCK = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int limit;

    AddressThrottle(JdbcTemplate jdbc, Clock clock, @Value("${vigil.security.address-failure-limit:20}") int limit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.limit = limit;
    }

    /** When the address is blocked, until when. */
    Optional<Instant> blockedUntil(String address) {
        Instant now = clock.instant();
        return jdbc.queryForList("SELECT blocked_until FROM sign_in_throttle WHERE ip_address = ? AND blocked_until > ?",
                Timestamp.class, key(address), Timestamp.from(now)).stream().findFirst().map(Timestamp::toInstant);
    }

    /** Counts a failure from the address, blocking it once the limit is reached within the window. */
    void recordFailure(String address) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        Timestamp windowStart = Timestamp.from(now.minus(WINDOW));
        jdbc.update("""
                INSERT INTO sign_in_throttle AS t (ip_address, failures, window_started_at) VALUES (?, 1, ?)
                ON CONFLICT (ip_address) DO UPDATE SET
                  failures = CASE WHEN t.window_started_at < ? THEN 1 ELSE t.failures + 1 END,
                  window_started_at = CASE WHEN t.window_started_at < ? THEN EXCLUDED.window_started_at
                                           ELSE t.window_started_at END,
                  blocked_until = CASE WHEN t.window_started_at >= ? AND t.failures + 1 >= ? THEN ?
                                       ELSE t.blocked_until END
                """, key(address), at, windowStart, windowStart, windowStart, limit, Timestamp.from(now.plus(BLOCK)));
    }

    private static String key(String address) {
        return address == null ? "unknown" : address;
    }
}
