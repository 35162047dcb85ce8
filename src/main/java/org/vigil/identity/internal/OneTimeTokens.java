package org.vigil.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Bearer tokens for e-mailed links (password reset, email verification, invitations): 256 random bits as URL-safe
 * Base64 without padding (43 characters). Store only {@link #hash(String) the hash}, never the token, so a database
 * leak yields no usable links; SHA-256 without salt suffices because the token is random and high-entropy. When a
 * token comes back, hash it and look the row up by that hash through a unique index (an index probe, never a scan
 * or a comparison loop in code), which also keeps the look-up free of token-dependent timing in application code.
 */
final class OneTimeTokens {

    static final int TOKEN_BYTES = 32;

    private final SecureRandom random;

    OneTimeTokens() {
        this(new SecureRandom());
    }

    OneTimeTokens(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new token: send {@code token()} to the user, store {@code hash()}. */
    IssuedToken newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new IssuedToken(token, hash(token));
    }

    /** SHA-256 hex (64 lower-case characters) of the token exactly as received. */
    static String hash(String token) {
        return Sha256.hex(Objects.requireNonNull(token, "token"));
    }

    /**
     * A freshly issued token and its hash. {@link #toString()} omits the token so it cannot end up in logs.
     *
     * @param token plain token for the link; never persist it
     * @param hash  what to persist and look up by
     */
    record IssuedToken(String token, String hash) {

        @Override
        public String toString() {
            return "IssuedToken[token=<redacted>, hash=" + hash + "]";
        }
    }
}
