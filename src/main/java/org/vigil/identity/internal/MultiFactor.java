package org.vigil.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.vigil.identity.AccountEvent;
import org.vigil.tenancy.TenantScope;

/**
 * TOTP second factor (RFC 6238, ±1 time step, a step never accepted twice) with ten single-use
 * backup codes stored as hashes. The secret is encrypted at rest ({@link MfaSecrets}). Enrolment
 * is pending until confirmed with a code; disabling needs the password and a current code.
 */
@Service
class MultiFactor {

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final MfaSecrets secrets;
    private final TotpService totp = new TotpService("Vigil");
    private final BackupCodes backupCodes = new BackupCodes();
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MultiFactor(JdbcTemplate jdbc, TenantScope tenantScope, MfaSecrets secrets, PasswordEncoder passwords,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.secrets = secrets;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    record Enrolment(String secret, String otpauthUri, String qrCodePng) {
    }

    /** Starts (or restarts) enrolment: a new secret, not active until confirmed. */
    Optional<Enrolment> begin(String userId) {
        return tenantScope.asUser(userId, () -> {
            Map<String, Object> user = jdbc.queryForMap("SELECT email, mfa_enabled FROM users WHERE id = ?", userId);
            if ((Boolean) user.get("mfa_enabled")) {
                return Optional.<Enrolment>empty();
            }
            String secret = totp.generateSecret();
            jdbc.update("UPDATE users SET mfa_secret = ?, mfa_last_used_step = NULL WHERE id = ?",
                    secrets.seal(userId, secret), userId);
            String uri = totp.provisioningUri((String) user.get("email"), secret);
            String png = "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(uri, 240));
            return Optional.of(new Enrolment(secret, uri, png));
        });
    }

    /** Confirms the pending enrolment with a code; returns the backup codes, shown this once. */
    Optional<List<String>> confirm(String userId, String code, SignIn.Client client) {
        return tenantScope.asUser(userId, () -> {
            Map<String, Object> user = jdbc.queryForMap("SELECT mfa_secret, mfa_enabled FROM users WHERE id = ?", userId);
            if ((Boolean) user.get("mfa_enabled") || user.get("mfa_secret") == null) {
                return Optional.<List<String>>empty();
            }
            OptionalLong step = totp.verify(secrets.open(userId, (String) user.get("mfa_secret")), code, clock.instant());
            if (step.isEmpty()) {
                return Optional.<List<String>>empty();
            }
            List<String> codes = backupCodes.generate();
            jdbc.update("UPDATE users SET mfa_enabled = true, mfa_last_used_step = ?, backup_codes = ? WHERE id = ?",
                    step.getAsLong(), codes.stream().map(BackupCodes::hash).toArray(String[]::new), userId);
            events.publishEvent(new AccountEvent("MFA_ENABLED", true, userId, null, null, client.ipAddress(),
                    client.userAgent()));
            return Optional.of(codes);
        });
    }

    /** Checks a TOTP code or a backup code at sign-in; a used backup code is consumed. */
    boolean verify(String userId, String code) {
        Instant now = clock.instant();
        return tenantScope.asUser(userId, () -> {
            Map<String, Object> user = jdbc.queryForMap(
                    "SELECT mfa_secret, mfa_enabled, mfa_last_used_step, backup_codes FROM users WHERE id = ?", userId);
            if (!(Boolean) user.get("mfa_enabled") || user.get("mfa_secret") == null) {
                return false;
            }
            OptionalLong step = totp.verify(secrets.open(userId, (String) user.get("mfa_secret")), code, now);
            Long lastStep = (Long) user.get("mfa_last_used_step");
            if (step.isPresent() && (lastStep == null || step.getAsLong() > lastStep)) {
                return jdbc.update("UPDATE users SET mfa_last_used_step = ? WHERE id = ? "
                        + "AND (mfa_last_used_step IS NULL OR mfa_last_used_step < ?)", step.getAsLong(), userId,
                        step.getAsLong()) == 1;
            }
            List<String> hashes = backupHashes(user.get("backup_codes"));
            OptionalInt used = BackupCodes.matches(code, hashes);
            if (used.isEmpty()) {
                return false;
            }
            List<String> remaining = new ArrayList<>(hashes);
            String consumed = remaining.remove(used.getAsInt());
            return jdbc.update("UPDATE users SET backup_codes = array_remove(backup_codes, ?) WHERE id = ? AND ? = ANY (backup_codes)",
                    consumed, userId, consumed) == 1;
        });
    }

    /** Turns MFA off after re-authentication with the password and a current code. */
    boolean disable(String userId, String password, String code, SignIn.Client client) {
        String hash = tenantScope.asUser(userId, () -> jdbc.queryForObject(
                "SELECT password_hash FROM users WHERE id = ?", String.class, userId));
        if (hash == null || !passwords.matches(password, hash) || !verify(userId, code)) {
            events.publishEvent(new AccountEvent("MFA_DISABLE_REFUSED", false, userId, null, "REAUTHENTICATION_FAILED",
                    client.ipAddress(), client.userAgent()));
            return false;
        }
        tenantScope.asUser(userId, () -> jdbc.update("UPDATE users SET mfa_enabled = false, mfa_secret = NULL, "
                + "mfa_last_used_step = NULL, backup_codes = '{}' WHERE id = ?", userId));
        events.publishEvent(new AccountEvent("MFA_DISABLED", true, userId, null, null, client.ipAddress(),
                client.userAgent()));
        return true;
    }

    int remainingBackupCodes(String userId) {
        return tenantScope.asUser(userId, () -> jdbc.queryForObject(
                "SELECT coalesce(cardinality(backup_codes), 0) FROM users WHERE id = ?", Integer.class, userId));
    }

    private static List<String> backupHashes(Object column) {
        if (column == null) {
            return List.of();
        }
        try {
            return Arrays.asList((String[]) ((java.sql.Array) column).getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
