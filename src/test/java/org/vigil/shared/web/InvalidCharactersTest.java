package org.vigil.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/**
 * Characters PostgreSQL cannot hold, and blank list values, are bad input: 400 problems (or a
 * readable 400 page), not 500s, and nothing is stored.
 */
@VigilIntegrationTest
class InvalidCharactersTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    Api api;
    String clinic;
    String admin;
    String patient;

    @BeforeEach
    void aClinic() {
        api = new Api(port);
        clinic = data.organization();
        admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        patient = data.patient(clinic, null);
    }

    @Test
    void aNulCharacterInAQueryParameterIsRefused() {
        Api.Response refused = api.get("/api/v1/patients/" + patient + "/observations?metric=bp%00", admin);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.json().get("title").asString()).isEqualTo("Invalid character");
    }

    @Test
    void aNulCharacterInABodyFieldIsRefusedAndNothingIsStored() {
        int before = data.platformQuery("SELECT count(*)::int FROM patients WHERE organization_id = ?", clinic);
        Api.Response refused = api.post("/api/v1/patients",
                "{\"firstName\":\"Ann\\u0000\",\"lastName\":\"Lee\",\"dateOfBirth\":\"1950-01-01\"}", admin);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("NUL character");
        assertThat(data.platformQuery("SELECT count(*)::int FROM patients WHERE organization_id = ?", clinic))
                .isEqualTo(before);
    }

    @Test
    void aNulCharacterInAWebFormIsAReadablePageNotAnError() {
        org.vigil.support.Browser browser = new org.vigil.support.Browser(port);
        Accounts.Account account = accounts.member(clinic, "ORG_ADMIN");
        assertThat(browser.post("/login", java.util.Map.of("email", account.email(), "password", Accounts.PASSWORD,
                "_csrf", browser.get("/login").csrf())).redirectsTo("/")).as("signed in").isTrue();
        org.vigil.support.Browser.Page refused = browser.post("/patients", java.util.Map.of(
                "_csrf", browser.get("/patients/new").csrf(), "firstName", "A\u0000nn", "lastName", "Lee",
                "dateOfBirth", "1950-01-01"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("NUL character").doesNotContain("Something went wrong");
    }

    @Test
    void aBlankValueInAListFilterIsRefusedNamingTheFilter() {
        for (String query : new String[] {"status=%00", "status=%20", "severity=HIGH&severity=%20"}) {
            Api.Response refused = api.get("/api/v1/alerts?" + query, admin);
            assertThat(refused.status()).as(query + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .isEqualTo(query.startsWith("status") ? "status" : "severity");
        }
        assertThat(api.get("/api/v1/alerts?status=PENDING&severity=HIGH", admin).status()).isEqualTo(200);
    }
}
