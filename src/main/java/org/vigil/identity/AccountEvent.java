package org.vigil.identity;

/**
 * Published for every account event (sign-in success and failure, lock, refresh, reuse, logout,
 * MFA, password reset, email verification, invitations) so the audit module records it. Never
 * carries a password or token.
 *
 * @param action    e.g. LOGIN_SUCCESS, LOGIN_FAILURE, ACCOUNT_LOCKED, TOKEN_REFRESHED, REFRESH_TOKEN_REUSE, LOGOUT
 * @param reason    a short machine-readable reason for failures (UNKNOWN_EMAIL, BAD_PASSWORD, LOCKED…), or null
 */
public record AccountEvent(String action, boolean succeeded, String userId, String organizationId,
        String reason, String ipAddress, String userAgent) {
}
