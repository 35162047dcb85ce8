package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.vigil.identity.internal.ApiToken;
import org.vigil.identity.internal.ApiTokenRepository;
import org.vigil.identity.internal.RefreshToken;
import org.vigil.identity.internal.RefreshTokenRepository;
import org.vigil.identity.internal.SocialAccount;
import org.vigil.identity.internal.SocialAccountRepository;
import org.vigil.identity.internal.User;
import org.vigil.identity.internal.UserRepository;
import org.vigil.shared.Ids;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.PlatformScope;
import org.vigil.tenancy.TenantScope;

/** Users and their credentials round-trip through JPA: written by the platform, read by the user. */
@VigilIntegrationTest
class IdentityPersistenceTest {

    static final Instant EXPIRES = Instant.parse("2026-12-01T00:00:00Z");

    @Autowired TenantScope tenant;
    @Autowired PlatformScope platform;
    @Autowired TestData data;
    @Autowired UserRepository users;
    @Autowired SocialAccountRepository socialAccounts;
    @Autowired RefreshTokenRepository refreshTokens;
    @Autowired ApiTokenRepository apiTokens;

    @Test
    void aUserAndItsCredentialsKeepEveryField() {
        String clinic = data.organization();
        String unique = Ids.newId();
        String email = "ada." + unique + "@clinic.test";
        String[] ids = platform.call(null, "register user", () -> {
            User user = new User(email);
            user.setFirstName("Ada");
            user.setPasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
            user.setMfaEnabled(true);
            user.setBackupCodes(new String[] {"sha256:aa11", "sha256:bb22", "sha256:cc33"});
            users.save(user);
            SocialAccount google = new SocialAccount(user.getId(), "google", "sub-" + unique);
            google.setIssuer("https://accounts.google.com");
            google.setEmail(email);
            socialAccounts.save(google);
            RefreshToken refresh = new RefreshToken(clinic, user.getId(), "family-" + unique, "hash-r-" + unique, EXPIRES);
            refreshTokens.save(refresh);
            ApiToken api = new ApiToken(clinic, user.getId(), "Device gateway", "vgl_3f9a", "hash-a-" + unique);
            api.setScopes(new String[] {"observations:write", "devices:read"});
            apiTokens.save(api);
            return new String[] {user.getId(), google.getId(), refresh.getId(), api.getId()};
        });
        String userId = ids[0];
        data.membership(clinic, userId);

        // The signed-in user reads itself and its own credentials as a tenant.
        User self = tenant.call(clinic, userId, () -> users.findById(userId).orElseThrow());
        assertThat(self.getEmail()).isEqualTo(email);
        assertThat(self.getFirstName()).isEqualTo("Ada");
        assertThat(self.isMfaEnabled()).isTrue();
        assertThat(self.isActive()).isTrue();
        assertThat(self.getFailedLoginCount()).isZero();
        assertThat(self.getBackupCodes()).containsExactly("sha256:aa11", "sha256:bb22", "sha256:cc33");
        SocialAccount google = tenant.call(clinic, userId, () -> socialAccounts.findById(ids[1]).orElseThrow());
        assertThat(google.getProvider()).isEqualTo("google");
        assertThat(google.getProviderId()).isEqualTo("sub-" + unique);
        assertThat(google.getIssuer()).isEqualTo("https://accounts.google.com");
        RefreshToken refresh = tenant.call(clinic, userId, () -> refreshTokens.findById(ids[2]).orElseThrow());
        assertThat(refresh.getFamilyId()).isEqualTo("family-" + unique);
        assertThat(refresh.getExpiresAt()).isEqualTo(EXPIRES);
        assertThat(refresh.getUsedAt()).isNull();
        ApiToken api = tenant.call(clinic, () -> apiTokens.findById(ids[3]).orElseThrow());
        assertThat(api.getScopes()).containsExactly("observations:write", "devices:read");
        assertThat(api.getTokenPrefix()).isEqualTo("vgl_3f9a");

        // Credentials are the user's own: the organization without the signed-in user sees none of them.
        assertThat(tenant.call(clinic, () -> socialAccounts.findById(ids[1]))).isEmpty();
        assertThat(tenant.call(clinic, () -> refreshTokens.findById(ids[2]))).isEmpty();
        // Another organization sees neither the user nor the API token.
        String otherClinic = data.organization();
        assertThat(tenant.call(otherClinic, () -> users.findById(userId))).isEmpty();
        assertThat(tenant.call(otherClinic, () -> apiTokens.findById(ids[3]))).isEmpty();
    }

    @Test
    void theSignedInUserUpdatesItself() {
        String clinic = data.organization();
        String userId = data.user();
        User self = tenant.call(clinic, userId, () -> users.findById(userId).orElseThrow());
        self.setLastLoginAt(Instant.parse("2026-11-05T08:00:00Z"));
        self.setBackupCodes(new String[] {"sha256:dd44"});
        tenant.run(clinic, userId, () -> users.save(self));

        User stored = platform.call(null, "verify test", () -> users.findById(userId).orElseThrow());
        assertThat(stored.getLastLoginAt()).isEqualTo(Instant.parse("2026-11-05T08:00:00Z"));
        assertThat(stored.getBackupCodes()).containsExactly("sha256:dd44");
        assertThat(stored.getVersion()).isEqualTo(1);
    }

    @Test
    void anEmailIsStoredLowerCaseOnly() {
        assertThatThrownBy(() -> platform.run(null, "register user",
                () -> users.saveAndFlush(new User("Grace." + Ids.newId() + "@Clinic.test"))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("users_email_lower_case");
    }
}
