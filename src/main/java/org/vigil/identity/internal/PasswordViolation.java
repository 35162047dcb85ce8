package org.vigil.identity.internal;

/**
 * One rule of {@link PasswordPolicy} that a candidate password breaks.
 *
 * @param code    stable machine-readable identifier (for API clients and translations), e.g. {@code too_short}
 * @param message English explanation for the user; never contains the password itself
 */
record PasswordViolation(String code, String message) {
}
