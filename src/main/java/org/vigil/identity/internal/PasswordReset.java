package org.vigil.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.vigil.identity.AccountEvent;
import org.vigil.tenancy.TenantScope;

/**
 * Password reset by email: a 32-byte random token, stored only as its SHA-256 hash (looked up by
 * that hash, never by scanning), valid one hour, single use. Requesting a reset answers the same
 * whether or not the email exists. Completing it sets the new password (checked by
 * {@link PasswordPolicy}), unlocks the account and ends every session of the user.
 */
@Service
class PasswordReset {

    static final Duration VALIDITY = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final OneTimeTokens tokens = new OneTimeTokens();
    private final RefreshTokens refreshTokens;
    private final Mailer mailer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PasswordReset(JdbcTemplate jdbc, TenantScope tenantScope, PasswordEncoder passwords, RefreshTokens refreshTokens,
            Mailer mailer, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.passwords = passwords;
        this.policy = new PasswordPolicy();
        this.refreshTokens = refreshTokens;
        this.mailer = mailer;
        this.events = events;
        this.clock = clock;
    }

    void request(String email, SignIn.Client client) {
        Optional<String> userId = jdbc.queryForList("SELECT id FROM vigil_sign_in_lookup(?) WHERE is_active",
                String.class, email.trim()).stream().findFirst();
        if (userId.isEmpty()) {
            events.publishEvent(new AccountEvent("PASSWORD_RESET_REQUESTED", false, null, null, "UNKNOWN_EMAIL",
                    client.ipAddress(), client.userAgent()));
            return;
        }
        OneTimeTokens.IssuedToken token = tokens.newToken();
        Instant expires = clock.instant().plus(VALIDITY);
        tenantScope.asUser(userId.get(), () -> jdbc.update(
                "UPDATE users SET password_reset_token = ?, password_reset_expires = ? WHERE id = ?",
                token.hash(), Timestamp.from(expires), userId.get()));
        mailer.send(email.trim().toLowerCase(java.util.Locale.ROOT), "Reset your Vigil password",
                "Someone asked to reset the password of your Vigil account.\n\n"
                        + "To choose a new password, open this link within one hour:\n"
                        + mailer.link("/password-reset/confirm", token.token()) + "\n\n"
                        + "If it was not you, ignore this message; your password stays as it is.\n");
        events.publishEvent(new AccountEvent("PASSWORD_RESET_REQUESTED", true, userId.get(), null, null,
                client.ipAddress(), client.userAgent()));
    }

    /** The outcome of completing a reset: done, or the token is invalid, or the password breaks the policy. */
    sealed interface Completion {
        record Done(String userId) implements Completion {
        }

        record InvalidToken() implements Completion {
        }

        record WeakPassword(List<PasswordViolation> violations) implements Completion {
        }
    }

    Completion complete(String token, String newPassword, SignIn.Client client) {
        Instant now = clock.instant();
        Optional<String> userId = jdbc.query("SELECT * FROM vigil_password_reset_lookup(?)",
                (rs, n) -> rs.getBoolean("is_active") && rs.getTimestamp("password_reset_expires") != null
                        && rs.getTimestamp("password_reset_expires").toInstant().isAfter(now) ? rs.getString("id") : null,
                OneTimeTokens.hash(token)).stream().filter(java.util.Objects::nonNull).findFirst();
        if (userId.isEmpty()) {
            events.publishEvent(new AccountEvent("PASSWORD_RESET_FAILED", false, null, null, "INVALID_TOKEN",
                    client.ipAddress(), client.userAgent()));
            return new Completion.InvalidToken();
        }
        String email = tenantScope.asUser(userId.get(), () -> jdbc.queryForObject(
                "SELECT email FROM users WHERE id = ?", String.class, userId.get()));
        List<PasswordViolation> violations = policy.validate(newPassword, email);
        if (!violations.isEmpty()) {
            return new Completion.WeakPassword(violations);
        }
        String hash = passwords.encode(newPassword);
        int changed = tenantScope.asUser(userId.get(), () -> jdbc.update(
                "UPDATE users SET password_hash = ?, password_reset_token = NULL, password_reset_expires = NULL, "
                        + "password_changed_at = ?, failed_login_count = 0, locked_until = NULL "
                        + "WHERE id = ? AND password_reset_token = ?",
                hash, Timestamp.from(now), userId.get(), OneTimeTokens.hash(token)));
        if (changed == 0) {
            return new Completion.InvalidToken();
        }
        refreshTokens.revokeAll(userId.get());
        events.publishEvent(new AccountEvent("PASSWORD_RESET_COMPLETED", true, userId.get(), null, null,
                client.ipAddress(), client.userAgent()));
        return new Completion.Done(userId.get());
    }
}
