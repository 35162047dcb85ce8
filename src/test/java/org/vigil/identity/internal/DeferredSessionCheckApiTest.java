package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/**
 * The readings endpoint checks its caller's membership and session in the request's own
 * transaction once the session's first request was checked before its handler
 * ({@link DeferredSessionCheck}): an ended session, a withdrawn permission or a deactivated
 * membership is still refused at once, with nothing stored, whatever the request carries.
 */
@VigilIntegrationTest
class DeferredSessionCheckApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    DeferredSessionCheck sessionCheck;

    Api api;
    String clinic;
    Accounts.Account nurse;
    String token;
    String patient;
    Instant at;

    @BeforeEach
    void aNurseWhoseSessionHasSentAReading() {
        api = new Api(port);
        clinic = data.organization();
        nurse = accounts.member(clinic, "NURSE");
        token = accounts.signIn(api, nurse, clinic);
        patient = data.patient(clinic, null);
        at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        // the session's first reading: checked before its handler, its membership remembered
        assertThat(post(reading(72, 0)).status()).isEqualTo(201);
        long deferredBefore = sessionCheck.deferredCount();
        // the next one is let through unconfirmed and confirmed by its transaction
        assertThat(post(reading(73, 1)).status()).isEqualTo(201);
        assertThat(sessionCheck.deferredCount()).as("the check waited for the transaction").isEqualTo(deferredBefore + 1);
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void aSessionEndedSinceItsLastReadingIsRefusedWithNothingStoredWhateverItSends() {
        data.platformUpdate("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = ?", nurse.userId());

        Api.Response single = post(reading(74, 2));
        assertThat(single.status()).as(single.body()).isEqualTo(401);
        assertThat(single.contentType()).startsWith("application/problem+json");
        assertThat(single.json().get("title").asString()).isEqualTo("Not signed in");
        Api.Response batch = api.post("/api/v1/observations", Api.json(Map.of("readings", List.of(
                Map.of("patientId", patient, "metric", "heart_rate", "value", 75, "recordedAt", at.plusSeconds(3).toString()),
                Map.of("patientId", patient, "metric", "heart_rate", "value", 76, "recordedAt", at.plusSeconds(4).toString())))),
                token);
        assertThat(batch.status()).as(batch.body()).isEqualTo(401);
        // refused before its transaction (the body is not JSON): answered 401, not with the body's fault
        Api.Response unreadable = api.post("/api/v1/observations", "{\"patientId\":", token);
        assertThat(unreadable.status()).as(unreadable.body()).isEqualTo(401);
        // a reading the transaction would reject: still only 401
        assertThat(post(reading(900, 5)).status()).isEqualTo(401);
        assertThat(stored()).as("nothing stored").isEqualTo(2);
        // the rest of the API refuses the token too
        assertThat(api.get("/api/v1/auth/me", token).status()).isEqualTo(401);
    }

    @Test
    void aPermissionWithdrawnSinceTheLastReadingIsRefusedWithNothingStored() {
        // a care coordinator does not record readings
        data.platformUpdate("UPDATE user_organizations SET role = 'CARE_COORDINATOR' WHERE user_id = ? AND organization_id = ?",
                nurse.userId(), clinic);

        Api.Response refused = post(reading(74, 2));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("title").asString()).isEqualTo("Not allowed");
        Api.Response unreadable = api.post("/api/v1/observations", "[", token);
        assertThat(unreadable.status()).as(unreadable.body()).isEqualTo(403);
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void aDeactivatedMembershipIsRefusedWithNothingStored() {
        data.platformUpdate("UPDATE user_organizations SET is_active = false WHERE user_id = ? AND organization_id = ?",
                nurse.userId(), clinic);

        assertThat(post(reading(74, 2)).status()).isEqualTo(401);
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void aLiveSessionsRejectedReadingIsAnsweredWithItsReason() {
        Api.Response rejected = post(reading(900, 2));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
        assertThat(rejected.body()).contains("value");
        Api.Response unreadable = api.post("/api/v1/observations", "{\"patientId\":", token);
        assertThat(unreadable.status()).as(unreadable.body()).isEqualTo(400);
        assertThat(post(reading(74, 3)).status()).isEqualTo(201);
        assertThat(stored()).isEqualTo(3);
    }

    private Api.Response post(String body) {
        return api.post("/api/v1/observations", body, token);
    }

    private String reading(int heartRate, int second) {
        return Api.json(Map.of("patientId", patient, "metric", "heart_rate", "value", heartRate,
                "recordedAt", at.plusSeconds(second).toString(), "source", "DEVICE"));
    }

    private int stored() {
        return data.platformQuery("SELECT count(*) FROM observations WHERE patient_id = ?", patient);
    }
}
