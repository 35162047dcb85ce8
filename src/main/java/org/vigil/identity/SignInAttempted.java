package org.vigil.identity;

/**
 * Published for every sign-in event (success, failure, lock, refresh, reuse, logout) so the audit
 * module records it. Never carries a password or token.
 *
 * @param action    e.g. LOGIN_SUCCESS, LOGIN_FAILURE, ACCOUNT_LOCKED, TOKEN_REFRESHED, REFRESH_TOKEN_REUSE, LOGOUT
 * @param reason    a short machine-readable reason for failures (UNKNOWN_EMAIL, BAD_PASSWORD, LOCKED…), or null
 */
public record SignInAttempted(String action, boolean succeeded, String userId, String organizationId,
        String reason, String ipAddress, String userAgent) {
}
