package org.vigil.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A {@link JwtDecoder} that remembers the tokens whose signature it has verified, by their exact
 * text: a client sends the same access token with every request for up to 15 minutes, and parsing
 * it, checking its HMAC and converting its claims was a tenth of the JVM's time under single-reading
 * POSTs. An identical string carries the identical signature, so the verification's answer cannot
 * differ; the validator (issuer, expiry, not-before) still runs on every request, so an expired
 * token is refused at the same instant as without the cache. Tokens that fail to decode are never
 * remembered. What a token grants is not in it: membership and session are read live on every
 * request ({@code vigil_api_caller}), so revocation is unaffected.
 *
 * <p>Bounded: at most {@code capacity} tokens; when full, the expired ones are dropped and, if that
 * frees nothing, all of them (a rebuild costs one verification per token in use).
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /** {@code verifier} checks the signature and parses, without validating; {@code validator} runs on every decode. */
    VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, Clock clock, int capacity) {
        this.verifier = verifier;
        this.validator = validator;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null) {
            throw new BadJwtException("no token");
        }
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            jwt = verifier.decode(token);
            remember(token, jwt);
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            verified.remove(token);
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                    + result.getErrors().iterator().next().getDescription(),
                    result.getErrors());
        }
        return jwt;
    }

    private void remember(String token, Jwt jwt) {
        if (verified.size() >= capacity) {
            Instant now = clock.instant();
            verified.values().removeIf(t -> t.getExpiresAt() == null || !t.getExpiresAt().isAfter(now));
            if (verified.size() >= capacity) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
    }

    /** How many verified tokens are remembered (for tests). */
    int size() {
        return verified.size();
    }
}
