package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.vigil.support.Accounts;
import org.vigil.support.Api;

/** Turns MFA on for an account through the API, as its owner would; tests then compute its codes. */
final class MfaFixture {

    private static final TotpService TOTP = new TotpService("Vigil");

    private MfaFixture() {
    }

    /** Enrols the account (confirming with the previous time step's code); returns the TOTP secret. */
    static String enrol(Api api, Accounts accounts, Accounts.Account account, String organizationId) {
        String access = accounts.signIn(api, account, organizationId);
        String secret = api.post("/api/v1/auth/mfa/enrolment", "{}", access).json().get("secret").asString();
        Api.Response confirmed = api.post("/api/v1/auth/mfa/enrolment/confirm",
                Api.json(Map.of("code", TOTP.code(secret, TotpService.stepAt(Instant.now()) - 1))), access);
        assertThat(confirmed.status()).as("MFA enrolment confirmed").isEqualTo(200);
        return secret;
    }

    /** The current code (the enrolment used the previous step, which is never accepted twice). */
    static String currentCode(String secret) {
        return TOTP.code(secret, TotpService.stepAt(Instant.now()));
    }
}
