package org.vigil.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.vigil.identity.AccountEvent;
import org.vigil.identity.Caller;
import org.vigil.shared.Ids;
import org.vigil.shared.web.ApiProblem;
import org.vigil.tenancy.GrantCeiling;
import org.vigil.tenancy.PlatformScope;
import org.vigil.tenancy.Role;
import org.vigil.tenancy.TenantScope;

/**
 * Invitations: a member manager invites an email address with a role (never chosen by the
 * invitee; bounded by {@link GrantCeiling}); the link (32-byte token, hash stored, seven days,
 * single use) lets the invitee set a password and join, or join with the account they already
 * have by proving its password.
 */
@Service
class Invitations {

    static final Duration VALIDITY = Duration.ofDays(7);

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final PlatformScope platformScope;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy = new PasswordPolicy();
    private final OneTimeTokens tokens = new OneTimeTokens();
    private final Mailer mailer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Invitations(JdbcTemplate jdbc, TenantScope tenantScope, PlatformScope platformScope, PasswordEncoder passwords,
            Mailer mailer, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.platformScope = platformScope;
        this.passwords = passwords;
        this.mailer = mailer;
        this.events = events;
        this.clock = clock;
    }

    record Pending(String id, String email, String role, Instant expiresAt) {
    }

    String invite(Caller caller, String email, Role role) {
        if (!GrantCeiling.allows(caller.permissions(), role)) {
            throw ApiProblem.forbidden("Beyond your own powers",
                    "Only someone who holds member management, settings management or audit reading can give them.");
        }
        String address = email.trim().toLowerCase(Locale.ROOT);
        OneTimeTokens.IssuedToken token = tokens.newToken();
        Instant now = clock.instant();
        String id = Ids.newId();
        String organizationName = tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Integer members = jdbc.queryForObject("SELECT count(*) FROM user_organizations uo JOIN users u ON u.id = uo.user_id "
                    + "WHERE uo.organization_id = ? AND u.email = ? AND uo.is_active", Integer.class,
                    caller.organizationId(), address);
            if (members != null && members > 0) {
                throw ApiProblem.conflict("Already a member", "That address already belongs to an active member.");
            }
            jdbc.update("INSERT INTO invitations (id, organization_id, email, role, token_hash, invited_by_id, expires_at, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, caller.organizationId(), address, role.name(), token.hash(),
                    caller.userId(), Timestamp.from(now.plus(VALIDITY)), Timestamp.from(now));
            return jdbc.queryForObject("SELECT name FROM organizations WHERE id = ?", String.class, caller.organizationId());
        });
        mailer.send(address, "You are invited to " + organizationName + " on Vigil",
                "You have been invited to join " + organizationName + " on Vigil.\n\n"
                        + "Open this link within seven days to accept:\n" + mailer.link("/invitations/accept", token.token()) + "\n");
        events.publishEvent(new AccountEvent("INVITATION_SENT", true, caller.userId(), caller.organizationId(),
                "ROLE_" + role.name(), null, null));
        return id;
    }

    List<Pending> pending(Caller caller) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> jdbc.query(
                "SELECT id, email, role, expires_at FROM invitations WHERE accepted_at IS NULL AND revoked_at IS NULL "
                        + "AND expires_at > ? ORDER BY created_at DESC", (rs, n) -> new Pending(rs.getString("id"),
                        rs.getString("email"), rs.getString("role"), rs.getTimestamp("expires_at").toInstant()),
                Timestamp.from(clock.instant())));
    }

    boolean revoke(Caller caller, String invitationId) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> jdbc.update(
                "UPDATE invitations SET revoked_at = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), invitationId)) == 1;
    }

    /**
     * What the acceptance page shows the holder of a valid link: the organization, the role, the
     * invited address and whether an account with it exists (then its password is proved instead of
     * a new one set). Empty for an invalid, used, withdrawn or expired link.
     */
    record Preview(String email, String organizationName, String role, boolean existingAccount) {
    }

    Optional<Preview> preview(String token) {
        Instant now = clock.instant();
        return jdbc.queryForList("SELECT * FROM vigil_invitation_lookup(?)", OneTimeTokens.hash(token)).stream().findFirst()
                .filter(i -> i.get("accepted_at") == null && i.get("revoked_at") == null
                        && ((Timestamp) i.get("expires_at")).toInstant().isAfter(now))
                .map(i -> {
                    String email = (String) i.get("email");
                    String organizationId = (String) i.get("organization_id");
                    String name = tenantScope.call(organizationId, () -> jdbc.queryForObject(
                            "SELECT name FROM organizations WHERE id = ?", String.class, organizationId));
                    boolean existing = !jdbc.queryForList("SELECT id FROM vigil_sign_in_lookup(?)", String.class, email).isEmpty();
                    return new Preview(email, name, (String) i.get("role"), existing);
                });
    }

    /** Accepts: the new member's user id; throws a 400 problem for a bad token, password or policy breach. */
    String accept(String token, String password, String firstName, String lastName) {
        Instant now = clock.instant();
        Map<String, Object> invitation = jdbc.queryForList("SELECT * FROM vigil_invitation_lookup(?)",
                OneTimeTokens.hash(token)).stream().findFirst()
                .filter(i -> i.get("accepted_at") == null && i.get("revoked_at") == null
                        && ((Timestamp) i.get("expires_at")).toInstant().isAfter(now))
                .orElseThrow(() -> ApiProblem.badRequest("Invitation not valid",
                        "The invitation link is invalid, was already used, was withdrawn or has expired."));
        String email = (String) invitation.get("email");
        String organizationId = (String) invitation.get("organization_id");
        Optional<Map<String, Object>> existing = jdbc.queryForList("SELECT * FROM vigil_sign_in_lookup(?)", email)
                .stream().findFirst();
        String userId;
        if (existing.isPresent()) {
            String hash = (String) existing.get().get("password_hash");
            if (hash == null || !passwords.matches(password, hash) || !(Boolean) existing.get().get("is_active")) {
                throw ApiProblem.badRequest("Password not accepted",
                        "An account with this address exists: enter its password to accept the invitation.");
            }
            userId = (String) existing.get().get("id");
        } else {
            List<PasswordViolation> violations = policy.validate(password, email);
            if (!violations.isEmpty()) {
                throw ApiProblem.badRequest("Password not accepted", violations.get(0).message());
            }
            userId = Ids.newId();
            String hash = passwords.encode(password);
            platformScope.run(null, "create the account of an accepted invitation", () -> jdbc.update(
                    "INSERT INTO users (id, email, password_hash, first_name, last_name, email_verified, email_verified_at, "
                            + "password_changed_at) VALUES (?, ?, ?, ?, ?, true, ?, ?)", userId, email, hash, firstName,
                    lastName, Timestamp.from(now), Timestamp.from(now)));
        }
        int accepted = tenantScope.call(organizationId, userId, () -> {
            jdbc.update("INSERT INTO user_organizations (id, user_id, organization_id, role) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (user_id, organization_id) DO UPDATE SET role = EXCLUDED.role, is_active = true",
                    Ids.newId(), userId, organizationId, invitation.get("role"));
            return jdbc.update("UPDATE invitations SET accepted_at = ?, accepted_user_id = ? WHERE id = ? AND accepted_at IS NULL",
                    Timestamp.from(now), userId, invitation.get("id"));
        });
        if (accepted != 1) {
            throw ApiProblem.badRequest("Invitation not valid", "The invitation was already used.");
        }
        events.publishEvent(new AccountEvent("INVITATION_ACCEPTED", true, userId, organizationId,
                "ROLE_" + invitation.get("role"), null, null));
        return userId;
    }
}
