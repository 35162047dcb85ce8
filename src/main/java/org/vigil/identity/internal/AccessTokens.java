package org.vigil.identity.internal;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Short-lived access tokens: HS256-signed JWTs naming the user ({@code sub}) and the one
 * organization the token acts in ({@code org}), valid 15 minutes. Permissions are not in the
 * token; they are read from the membership on every request, so revoking takes effect at once.
 */
@Component
class AccessTokens {

    static final Duration LIFETIME = Duration.ofMinutes(15);
    static final String ISSUER = "vigil";
    static final String MFA_ISSUER = "vigil-mfa";
    /** The session (refresh-token family) an access token belongs to; checked live on every request. */
    static final String SESSION_CLAIM = "sid";
    static final Duration MFA_TICKET_LIFETIME = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);

    private final SecretKey key;
    private final NimbusJwtEncoder encoder;
    private final Clock clock;
    private final JwtDecoder accessTokenDecoder;

    AccessTokens(@Value("${vigil.security.token-signing-key:}") String configuredKey, Clock clock) {
        this.key = new SecretKeySpec(keyBytes(configuredKey), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.clock = clock;
        NimbusJwtDecoder verifier = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        verifier.setJwtValidator(jwt -> org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success());
        this.accessTokenDecoder = new VerifiedTokenCache(verifier,
                org.springframework.security.oauth2.jwt.JwtValidators.createDefaultWithIssuer(ISSUER), clock,
                VERIFIED_TOKENS_REMEMBERED);
    }

    private static byte[] keyBytes(String configured) {
        if (configured == null || configured.isBlank()) {
            log.warn("No VIGIL_TOKEN_SIGNING_KEY configured: using a random key, so access tokens end with this process");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("VIGIL_TOKEN_SIGNING_KEY must be Base64", e);
        }
        if (bytes.length < 32) {
            throw new IllegalStateException("VIGIL_TOKEN_SIGNING_KEY must decode to at least 32 bytes");
        }
        return bytes;
    }

    /** An access token for the user in the organization, bound to the session (refresh-token family). */
    IssuedAccessToken issue(String userId, String organizationId, String sessionId) {
        return new IssuedAccessToken(sign(ISSUER, userId, organizationId, sessionId, LIFETIME), LIFETIME.toSeconds());
    }

    /**
     * A five-minute ticket proving the password was right, exchanged for tokens once the second
     * factor is verified. Its own issuer, so it is never accepted as an access token.
     */
    String issueSecondFactorTicket(String userId, String organizationId) {
        return sign(MFA_ISSUER, userId, organizationId, null, MFA_TICKET_LIFETIME);
    }

    /** The (user, organization) of a valid, unexpired second-factor ticket, or empty. */
    java.util.Optional<String[]> readSecondFactorTicket(String ticket) {
        try {
            var jwt = decoderFor(MFA_ISSUER).decode(ticket);
            return java.util.Optional.of(new String[] {jwt.getSubject(), jwt.getClaimAsString("org")});
        } catch (org.springframework.security.oauth2.jwt.JwtException invalid) {
            return java.util.Optional.empty();
        }
    }

    /** Access tokens the cache has not seen are verified; every decode is validated (see {@link VerifiedTokenCache}). */
    static final int VERIFIED_TOKENS_REMEMBERED = 10_000;

    /** The access-token decoder (one per application: it remembers verified tokens). */
    JwtDecoder decoder() {
        return accessTokenDecoder;
    }

    private NimbusJwtDecoder decoderFor(String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(org.springframework.security.oauth2.jwt.JwtValidators.createDefaultWithIssuer(issuer));
        return decoder;
    }

    private String sign(String issuer, String userId, String organizationId, String sessionId, Duration lifetime) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(userId)
                .claim("org", organizationId)
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime));
        if (sessionId != null) {
            claims.claim(SESSION_CLAIM, sessionId);
        }
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }

    record IssuedAccessToken(String value, long expiresInSeconds) {
    }
}
