package org.vigil.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.identity.AccountEvent;
import org.vigil.shared.Ids;
import org.vigil.tenancy.TenantScope;

/**
 * Email verification: a signed-in user asks for a link to their address; opening it (a 32-byte
 * token stored only as its SHA-256 hash, valid one hour, single use) marks the address verified,
 * provided it is still the account's address.
 */
@Service
class EmailVerification {

    static final Duration VALIDITY = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final OneTimeTokens tokens = new OneTimeTokens();
    private final Mailer mailer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EmailVerification(JdbcTemplate jdbc, TenantScope tenantScope, Mailer mailer, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.mailer = mailer;
        this.events = events;
        this.clock = clock;
    }

    /** Sends a verification link to the user's address; false when it is already verified. */
    boolean send(String userId) {
        OneTimeTokens.IssuedToken token = tokens.newToken();
        Instant now = clock.instant();
        Optional<String> email = tenantScope.asUser(userId, () -> {
            Map<String, Object> user = jdbc.queryForMap("SELECT email, email_verified FROM users WHERE id = ?", userId);
            if ((Boolean) user.get("email_verified")) {
                return Optional.<String>empty();
            }
            jdbc.update("INSERT INTO email_verification_tokens (id, user_id, email, token_hash, expires_at, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)", Ids.newId(), userId, user.get("email"), token.hash(),
                    Timestamp.from(now.plus(VALIDITY)), Timestamp.from(now));
            return Optional.of((String) user.get("email"));
        });
        email.ifPresent(address -> mailer.send(address, "Confirm your email address for Vigil",
                "Open this link within one hour to confirm that this address belongs to your Vigil account:\n"
                        + mailer.link("/verify-email", token.token()) + "\n"));
        return email.isPresent();
    }

    /** Marks the address verified; false for an unknown, used or expired token, or a changed address. */
    boolean confirm(String token) {
        Instant now = clock.instant();
        Optional<Map<String, Object>> found = jdbc.queryForList("SELECT * FROM vigil_email_verification_lookup(?)",
                OneTimeTokens.hash(token)).stream().findFirst();
        if (found.isEmpty() || found.get().get("used_at") != null
                || !((java.sql.Timestamp) found.get().get("expires_at")).toInstant().isAfter(now)) {
            return false;
        }
        String userId = (String) found.get().get("user_id");
        boolean verified = tenantScope.asUser(userId, () -> {
            int used = jdbc.update("UPDATE email_verification_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL",
                    Timestamp.from(now), found.get().get("id"));
            return used == 1 && jdbc.update("UPDATE users SET email_verified = true, email_verified_at = ? "
                    + "WHERE id = ? AND email = ?", Timestamp.from(now), userId, found.get().get("email")) == 1;
        });
        if (verified) {
            events.publishEvent(new AccountEvent("EMAIL_VERIFIED", true, userId, null, null, null, null));
        }
        return verified;
    }
}
