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
import org.vigil.tenancy.ActiveMembership;
import org.vigil.tenancy.MembershipDirectory;
import org.vigil.tenancy.TenantScope;

/**
 * Sign-in, for API clients and the web session alike: checks the account, applies
 * {@link AccountLockout} and the per-address throttle, verifies the second factor when the account
 * has one, chooses the organization and, for API clients, issues the token pair. The first factor
 * is a password or, for single sign-on, an OpenID Connect identity linked to the account. Every
 * attempt is published for the audit log. Failures all look the same to the caller, whatever the
 * reason, so the answer never tells whether an email exists.
 */
@Service
class SignIn {

    /** A hash of a random password, checked when the email is unknown so the timing does not tell. */
    private volatile String decoyHash;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final TenantScope tenantScope;
    private final MembershipDirectory memberships;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AddressThrottle addressThrottle;
    private final MultiFactor multiFactor;

    SignIn(JdbcTemplate jdbc, PasswordEncoder passwords, TenantScope tenantScope, MembershipDirectory memberships,
            AccessTokens accessTokens, RefreshTokens refreshTokens, ApplicationEventPublisher events, Clock clock,
            AddressThrottle addressThrottle, MultiFactor multiFactor) {
        this.addressThrottle = addressThrottle;
        this.multiFactor = multiFactor;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.tenantScope = tenantScope;
        this.memberships = memberships;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.events = events;
        this.clock = clock;
    }

    record Client(String ipAddress, String userAgent) {
    }

    /** What a successful sign-in hands out: a token pair (API clients) or nothing (the web session holds it). */
    enum Delivery {
        TOKENS, SESSION
    }

    /**
     * How the first factor was proven, which names the success in the audit log: {@code action}
     * with {@code reason}, or {@code reasonWithSecondFactor} once a second factor was verified too.
     */
    record FirstFactor(String action, String reason, String reasonWithSecondFactor) implements java.io.Serializable {

        static final FirstFactor PASSWORD = new FirstFactor("LOGIN_SUCCESS", "PASSWORD", "PASSWORD_AND_TOTP");

        /** An OpenID Connect identity from the provider registered as {@code registrationId}. */
        static FirstFactor openIdConnect(String registrationId) {
            return new FirstFactor("SSO_LOGIN_SUCCESS", "OIDC:" + registrationId, "OIDC_AND_TOTP:" + registrationId);
        }
    }

    sealed interface Outcome {
        /** Signed in; the tokens are null when delivered as a web session. */
        record SignedIn(String userId, ActiveMembership membership, List<ActiveMembership> memberships,
                AccessTokens.IssuedAccessToken accessToken, String refreshToken) implements Outcome {
        }

        record Refused(String reason) implements Outcome {
        }

        /** Too many failures from this client address: refused until then, whatever the credentials. */
        record Throttled(Instant until) implements Outcome {
        }

        /** The password was right; the second factor is still to be verified with this ticket. */
        record SecondFactorRequired(String ticket) implements Outcome {
        }
    }

    Outcome withPassword(String email, String password, String requestedOrganizationId, Client client) {
        return withPassword(email, password, requestedOrganizationId, client, Delivery.TOKENS);
    }

    Outcome withPassword(String email, String password, String requestedOrganizationId, Client client,
            Delivery delivery) {
        Optional<Outcome> throttled = throttled(client);
        if (throttled.isPresent()) {
            return throttled.get();
        }
        Optional<Account> found = jdbc.query("SELECT * FROM vigil_sign_in_lookup(?)", (rs, n) -> new Account(
                rs.getString("id"), rs.getString("password_hash"), rs.getBoolean("is_active"),
                rs.getBoolean("mfa_enabled"), rs.getInt("failed_login_count"),
                rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant()),
                email.trim()).stream().findFirst();
        if (found.isEmpty()) {
            passwords.matches(password, decoyHash());
            return refuse(null, "UNKNOWN_EMAIL", client);
        }
        Account account = found.get();
        Instant now = clock.instant();
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
            return refuse(account.id(), "LOCKED", client);
        }
        if (account.passwordHash() == null || !passwords.matches(password, account.passwordHash())) {
            recordFailure(account, now, client);
            return refuse(account.id(), "BAD_PASSWORD", client);
        }
        if (!account.active()) {
            return refuse(account.id(), "INACTIVE_ACCOUNT", client);
        }
        List<ActiveMembership> all = memberships.forUser(account.id());
        Optional<ActiveMembership> chosen = requestedOrganizationId == null
                ? all.stream().findFirst()
                : all.stream().filter(m -> m.organizationId().equals(requestedOrganizationId)).findFirst();
        if (chosen.isEmpty()) {
            return refuse(account.id(), "NO_ACTIVE_MEMBERSHIP", client);
        }
        if (account.mfaEnabled()) {
            events.publishEvent(new AccountEvent("PASSWORD_VERIFIED", true, account.id(), null, "SECOND_FACTOR_PENDING",
                    client.ipAddress(), client.userAgent()));
            return new Outcome.SecondFactorRequired(accessTokens.issueSecondFactorTicket(account.id(),
                    chosen.get().organizationId()));
        }
        return complete(account.id(), chosen.get(), all, client, FirstFactor.PASSWORD, false, delivery);
    }

    /**
     * Single sign-on: the OpenID Connect identity was verified by its provider and is linked to
     * {@code userId}. The account must be active, not locked and an active member somewhere, exactly
     * as for a password; an account with MFA still needs its second factor. Refusals are audited as
     * SSO_LOGIN_FAILURE; they do not count towards the lock or the address throttle, since nothing
     * can be guessed here (the provider authenticated the person).
     */
    Outcome withLinkedIdentity(String userId, String registrationId, Client client) {
        Optional<Outcome> throttled = throttled(client);
        if (throttled.isPresent()) {
            return throttled.get();
        }
        java.util.Map<String, Object> account = tenantScope.asUser(userId, () -> jdbc.queryForMap(
                "SELECT is_active, mfa_enabled, locked_until FROM users WHERE id = ?", userId));
        java.sql.Timestamp lockedUntil = (java.sql.Timestamp) account.get("locked_until");
        if (lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant())) {
            return refuseSingleSignOn(userId, "LOCKED", client);
        }
        if (!(Boolean) account.get("is_active")) {
            return refuseSingleSignOn(userId, "INACTIVE_ACCOUNT", client);
        }
        List<ActiveMembership> all = memberships.forUser(userId);
        if (all.isEmpty()) {
            return refuseSingleSignOn(userId, "NO_ACTIVE_MEMBERSHIP", client);
        }
        if ((Boolean) account.get("mfa_enabled")) {
            events.publishEvent(new AccountEvent("SSO_IDENTITY_VERIFIED", true, userId, null, "SECOND_FACTOR_PENDING",
                    client.ipAddress(), client.userAgent()));
            return new Outcome.SecondFactorRequired(accessTokens.issueSecondFactorTicket(userId,
                    all.get(0).organizationId()));
        }
        return complete(userId, all.get(0), all, client, FirstFactor.openIdConnect(registrationId), false,
                Delivery.SESSION);
    }

    /** An SSO attempt that ends before any account is known or that the account's state refuses. */
    Outcome refuseSingleSignOn(String userId, String reason, Client client) {
        events.publishEvent(new AccountEvent("SSO_LOGIN_FAILURE", false, userId, null, reason, client.ipAddress(),
                client.userAgent()));
        return new Outcome.Refused(reason);
    }

    /**
     * The second step: the ticket from the first factor and a TOTP or backup code. A wrong code
     * counts towards the account lock and the address throttle, exactly like a wrong password.
     */
    Outcome withSecondFactor(String ticket, String code, Client client, FirstFactor firstFactor, Delivery delivery) {
        Optional<Outcome> throttled = throttled(client);
        if (throttled.isPresent()) {
            return throttled.get();
        }
        Optional<String[]> read = accessTokens.readSecondFactorTicket(ticket);
        if (read.isEmpty()) {
            return new Outcome.Refused("TICKET_INVALID");
        }
        String userId = read.get()[0];
        Optional<ActiveMembership> membership = memberships.find(userId, read.get()[1]);
        if (membership.isEmpty() || isLocked(userId) || !multiFactor.verify(userId, code)) {
            recordFailure(userId, client);
            events.publishEvent(new AccountEvent("MFA_FAILURE", false, userId, null, "BAD_CODE", client.ipAddress(),
                    client.userAgent()));
            return new Outcome.Refused("BAD_CODE");
        }
        return complete(userId, membership.get(), memberships.forUser(userId), client, firstFactor, true, delivery);
    }

    /** Records the success once every factor has been verified, and issues the token pair if asked. */
    private Outcome complete(String userId, ActiveMembership membership, List<ActiveMembership> all, Client client,
            FirstFactor firstFactor, boolean withSecondFactor, Delivery delivery) {
        Instant now = clock.instant();
        tenantScope.asUser(userId, () -> jdbc.update(
                "UPDATE users SET failed_login_count = 0, locked_until = NULL, last_login_at = ? WHERE id = ?",
                Timestamp.from(now), userId));
        AccessTokens.IssuedAccessToken access = null;
        String refresh = null;
        if (delivery == Delivery.TOKENS) {
            RefreshTokens.Issued session = refreshTokens.issue(userId, membership.organizationId());
            access = accessTokens.issue(userId, membership.organizationId(), session.sessionId());
            refresh = session.token();
        }
        events.publishEvent(new AccountEvent(firstFactor.action(), true, userId, membership.organizationId(),
                withSecondFactor ? firstFactor.reasonWithSecondFactor() : firstFactor.reason(), client.ipAddress(),
                client.userAgent()));
        return new Outcome.SignedIn(userId, membership, all, access, refresh);
    }

    /** Refuses a client address that failed too often recently. */
    Optional<Outcome> throttled(Client client) {
        Optional<Instant> blocked = addressThrottle.blockedUntil(client.ipAddress());
        blocked.ifPresent(until -> events.publishEvent(new AccountEvent("LOGIN_FAILURE", false, null, null,
                "ADDRESS_BLOCKED", client.ipAddress(), client.userAgent())));
        return blocked.map(Outcome.Throttled::new);
    }

    boolean isLocked(String userId) {
        Instant lockedUntil = tenantScope.asUser(userId, () -> jdbc.queryForObject(
                "SELECT locked_until FROM users WHERE id = ?", Instant.class, userId));
        return lockedUntil != null && lockedUntil.isAfter(clock.instant());
    }

    /** Counts a failed attempt (wrong password or wrong second factor) towards the account lock. */
    void recordFailure(String userId, Client client) {
        int current = tenantScope.asUser(userId, () -> jdbc.queryForObject(
                "SELECT failed_login_count FROM users WHERE id = ?", Integer.class, userId));
        recordFailure(new Account(userId, null, true, true, current, null), clock.instant(), client);
    }

    private void recordFailure(Account account, Instant now, Client client) {
        addressThrottle.recordFailure(client.ipAddress());
        int failures = account.failedLoginCount() + 1;
        Duration lock = AccountLockout.lockAfter(failures);
        tenantScope.asUser(account.id(), () -> jdbc.update(
                "UPDATE users SET failed_login_count = ?, locked_until = ? WHERE id = ?", failures,
                lock.isZero() ? null : Timestamp.from(now.plus(lock)), account.id()));
        if (!lock.isZero()) {
            refreshTokens.revokeAll(account.id());
            events.publishEvent(new AccountEvent("ACCOUNT_LOCKED", false, account.id(), null,
                    "LOCKED_FOR_" + lock.toMinutes() + "_MINUTES", client.ipAddress(), client.userAgent()));
        }
    }

    private String decoyHash() {
        if (decoyHash == null) {
            decoyHash = passwords.encode(java.util.UUID.randomUUID().toString());
        }
        return decoyHash;
    }

    private Outcome refuse(String userId, String reason, Client client) {
        if (!"BAD_PASSWORD".equals(reason)) {
            addressThrottle.recordFailure(client.ipAddress()); // BAD_PASSWORD was counted with the account
        }
        events.publishEvent(new AccountEvent("LOGIN_FAILURE", false, userId, null, reason, client.ipAddress(),
                client.userAgent()));
        return new Outcome.Refused(reason);
    }

    private record Account(String id, String passwordHash, boolean active, boolean mfaEnabled, int failedLoginCount,
            Instant lockedUntil) {
    }
}
