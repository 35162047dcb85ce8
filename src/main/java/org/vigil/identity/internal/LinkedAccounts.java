package org.vigil.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.identity.AccountEvent;
import org.vigil.shared.Ids;
import org.vigil.tenancy.TenantScope;

/**
 * OpenID Connect identities linked to Vigil accounts (table {@code social_accounts}). An identity
 * is (issuer, subject) from a verified ID token, and belongs to at most one user. It is linked only
 * by its signed-in owner, never matched by email: see {@link SingleSignOn}.
 */
@Service
class LinkedAccounts {

    private static final int MAX_EMAIL = 254;

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LinkedAccounts(JdbcTemplate jdbc, TenantScope tenantScope, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.events = events;
        this.clock = clock;
    }

    /** A linked identity as its owner sees it (the subject is an opaque provider id, not shown). */
    record LinkedAccount(String id, String provider, String issuer, String email, Instant linkedAt,
            Instant lastLoginAt) {
    }

    enum LinkResult {
        LINKED, ALREADY_LINKED, LINKED_TO_ANOTHER_USER
    }

    /**
     * The user this identity is linked to, if any. Before sign-in nobody is known, so this goes
     * through the narrow SECURITY DEFINER lookup (V20), which answers with the user id only.
     */
    Optional<String> userOf(String issuer, String subject) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT vigil_social_account_user(?, ?)", String.class,
                issuer, subject));
    }

    /** Links the identity to the signed-in user, unless it is linked already (to them or anyone else). */
    LinkResult link(String userId, String organizationId, String registrationId, String issuer, String subject,
            String email, SignIn.Client client) {
        Optional<String> owner = userOf(issuer, subject);
        if (owner.isPresent()) {
            LinkResult result = owner.get().equals(userId) ? LinkResult.ALREADY_LINKED : LinkResult.LINKED_TO_ANOTHER_USER;
            refused(userId, organizationId, result.name(), client);
            return result;
        }
        Instant now = clock.instant();
        try {
            tenantScope.asUser(userId, () -> jdbc.update("INSERT INTO social_accounts "
                            + "(id, user_id, provider, issuer, provider_id, email, created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Ids.newId(), userId, registrationId, issuer, subject,
                    email == null || email.length() > MAX_EMAIL ? null : email, Timestamp.from(now), Timestamp.from(now)));
        } catch (DuplicateKeyException raced) {
            // Linked by someone else between the lookup and the insert.
            refused(userId, organizationId, LinkResult.LINKED_TO_ANOTHER_USER.name(), client);
            return LinkResult.LINKED_TO_ANOTHER_USER;
        }
        events.publishEvent(new AccountEvent("ACCOUNT_LINKED", true, userId, organizationId, "PROVIDER_" + registrationId,
                client.ipAddress(), client.userAgent()));
        return LinkResult.LINKED;
    }

    /** A link that failed at the provider (cancelled, invalid response). */
    void linkFailed(String userId, String reason, SignIn.Client client) {
        refused(userId, null, reason, client);
    }

    private void refused(String userId, String organizationId, String reason, SignIn.Client client) {
        events.publishEvent(new AccountEvent("ACCOUNT_LINK_REFUSED", false, userId, organizationId, reason,
                client.ipAddress(), client.userAgent()));
    }

    List<LinkedAccount> list(String userId) {
        return tenantScope.asUser(userId, () -> jdbc.query("SELECT id, provider, issuer, email, created_at, last_login_at "
                + "FROM social_accounts WHERE user_id = ? ORDER BY created_at, id", (rs, n) -> new LinkedAccount(
                rs.getString("id"), rs.getString("provider"), rs.getString("issuer"), rs.getString("email"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_login_at") == null ? null : rs.getTimestamp("last_login_at").toInstant()), userId));
    }

    /** Removes one of the user's own links; false when the user has no link with that id. */
    boolean unlink(String userId, String organizationId, String id, SignIn.Client client) {
        if (id == null || id.length() > 40) {
            return false;
        }
        // Row-level security admits only the user's own rows; the user_id condition says so too.
        List<String> removed = tenantScope.asUser(userId, () -> jdbc.queryForList(
                "DELETE FROM social_accounts WHERE id = ? AND user_id = ? RETURNING provider", String.class, id, userId));
        if (removed.isEmpty()) {
            return false;
        }
        events.publishEvent(new AccountEvent("ACCOUNT_UNLINKED", true, userId, organizationId,
                "PROVIDER_" + removed.get(0), client.ipAddress(), client.userAgent()));
        return true;
    }

    /** A single sign-on with this identity completed. */
    void recordSignIn(String userId, String issuer, String subject) {
        tenantScope.asUser(userId, () -> jdbc.update(
                "UPDATE social_accounts SET last_login_at = ? WHERE user_id = ? AND issuer = ? AND provider_id = ?",
                Timestamp.from(clock.instant()), userId, issuer, subject));
    }
}
