package org.vigil.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.shared.Ids;
import org.vigil.tenancy.TenantScope;

/**
 * Opaque refresh tokens: 32 random bytes, stored only as their SHA-256 hash, valid 14 days,
 * single use. Each use rotates the token within its family; presenting a token that was already
 * used (a stolen copy racing its owner) revokes the whole family.
 */
@Component
class RefreshTokens {

    static final Duration LIFETIME = Duration.ofDays(14);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final Clock clock;

    RefreshTokens(JdbcTemplate jdbc, TenantScope tenantScope, Clock clock) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.clock = clock;
    }

    /** A new refresh token and the session (token family) it starts. */
    record Issued(String token, String sessionId) {
    }

    /** Starts a new family (a session) for a fresh sign-in. */
    Issued issue(String userId, String organizationId) {
        String family = Ids.newId();
        return new Issued(tenantScope.asUser(userId, () -> insert(userId, organizationId, family)), family);
    }

    /** The outcome of presenting a refresh token. */
    sealed interface Rotation {
        record Rotated(String userId, String organizationId, String newToken, String sessionId) implements Rotation {
        }

        record Refused(String userId, String reason) implements Rotation {
        }
    }

    Rotation rotate(String presented) {
        Optional<Row> found = lookup(presented);
        if (found.isEmpty()) {
            return new Rotation.Refused(null, "UNKNOWN_TOKEN");
        }
        Row row = found.get();
        Instant now = clock.instant();
        return tenantScope.asUser(row.userId(), () -> {
            if (row.revokedAt() != null) {
                return new Rotation.Refused(row.userId(), "REVOKED");
            }
            if (row.usedAt() != null) {
                revokeFamily(row.familyId(), now);
                return new Rotation.Refused(row.userId(), "REUSED");
            }
            if (!row.expiresAt().isAfter(now)) {
                return new Rotation.Refused(row.userId(), "EXPIRED");
            }
            int claimed = jdbc.update("UPDATE refresh_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL",
                    Timestamp.from(now), row.id());
            if (claimed == 0) {
                // A concurrent use won the race: treat this one as reuse.
                revokeFamily(row.familyId(), now);
                return new Rotation.Refused(row.userId(), "REUSED");
            }
            String next = insert(row.userId(), row.organizationId(), row.familyId());
            return new Rotation.Rotated(row.userId(), row.organizationId(), next, row.familyId());
        });
    }

    /** Logout: revokes the family of the presented token; returns its user, if the token was known. */
    Optional<String> revoke(String presented) {
        Optional<Row> found = lookup(presented);
        found.ifPresent(row -> tenantScope.asUser(row.userId(), () -> revokeFamily(row.familyId(), clock.instant())));
        return found.map(Row::userId);
    }

    /** After a password reset or an account lock: every session of the user ends. */
    void revokeAll(String userId) {
        tenantScope.asUser(userId, () -> jdbc.update(
                "UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), userId));
    }

    private int revokeFamily(String familyId, Instant now) {
        return jdbc.update("UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL",
                Timestamp.from(now), familyId);
    }

    private String insert(String userId, String organizationId, String familyId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        jdbc.update("INSERT INTO refresh_tokens (id, user_id, organization_id, family_id, token_hash, expires_at, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", Ids.newId(), userId, organizationId, familyId, hash(token),
                Timestamp.from(now.plus(LIFETIME)), Timestamp.from(now));
        return token;
    }

    private Optional<Row> lookup(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 200) {
            return Optional.empty();
        }
        List<Row> rows = jdbc.query("SELECT * FROM vigil_refresh_token_lookup(?)", (rs, n) -> new Row(
                rs.getString("id"), rs.getString("user_id"), rs.getString("organization_id"), rs.getString("family_id"),
                instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("used_at")),
                instant(rs.getTimestamp("revoked_at"))), hash(presented));
        return rows.stream().findFirst();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(String id, String userId, String organizationId, String familyId, Instant expiresAt,
            Instant usedAt, Instant revokedAt) {
    }
}
