package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Real HS256 tokens, a real Nimbus verifier, and a clock that moves. */
class VerifiedTokenCacheTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private final SecretKey key = new SecretKeySpec(new byte[32], "HmacSHA256");
    private final SecretKey otherKey = new SecretKeySpec("another key of thirty-two bytes!".getBytes(), "HmacSHA256");
    private final MutableClock clock = new MutableClock(T0);
    private final AtomicInteger verifications = new AtomicInteger();

    private VerifiedTokenCache cache(int capacity) {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        nimbus.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        return new VerifiedTokenCache(counting, timestamps, clock, capacity);
    }

    private String token(SecretKey signingKey, String subject, Duration lifetime) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("vigil").subject(subject).issuedAt(clock.instant())
                .expiresAt(clock.instant().plus(lifetime)).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(signingKey))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    @Test
    void theSameTokenIsVerifiedOnceAndValidatedEveryTime() {
        VerifiedTokenCache cache = cache(100);
        String token = token(key, "user-1", Duration.ofMinutes(15));

        Jwt first = cache.decode(token);
        Jwt second = cache.decode(token);

        assertThat(first.getSubject()).isEqualTo("user-1");
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRememberedTokenIsRefusedFromTheInstantItExpires() {
        VerifiedTokenCache cache = cache(100);
        String token = token(key, "user-1", Duration.ofMinutes(15));
        cache.decode(token);

        clock.set(T0.plus(Duration.ofMinutes(15)).minusSeconds(1));
        assertThat(cache.decode(token).getSubject()).isEqualTo("user-1");

        clock.set(T0.plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenWithABadSignatureIsRefusedEveryTimeAndNeverRemembered() {
        VerifiedTokenCache cache = cache(100);
        String forged = token(otherKey, "user-1", Duration.ofMinutes(15));

        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsVerifiedAndRefused() {
        VerifiedTokenCache cache = cache(100);
        String token = token(key, "user-1", Duration.ofMinutes(15));
        cache.decode(token);
        String[] parts = token.split("\\.");
        String otherPayload = token(key, "user-2", Duration.ofMinutes(15)).split("\\.")[1];

        assertThatThrownBy(() -> cache.decode(parts[0] + "." + otherPayload + "." + parts[2]))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void whenFullTheExpiredTokensGoFirstAndThenAll() {
        VerifiedTokenCache cache = cache(3);
        String shortLived = token(key, "a", Duration.ofMinutes(1));
        cache.decode(shortLived);
        cache.decode(token(key, "b", Duration.ofMinutes(15)));
        cache.decode(token(key, "c", Duration.ofMinutes(15)));
        assertThat(cache.size()).isEqualTo(3);

        clock.set(T0.plus(Duration.ofMinutes(2)));
        cache.decode(token(key, "d", Duration.ofMinutes(15)));
        assertThat(cache.size()).as("the expired token made room").isEqualTo(3);

        cache.decode(token(key, "e", Duration.ofMinutes(15)));
        assertThat(cache.size()).as("nothing expired: all forgotten, the new one kept").isEqualTo(1);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
