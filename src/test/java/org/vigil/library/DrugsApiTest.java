package org.vigil.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/** The formulary: an organization adds and edits its own entries, searches them, and no one else sees them. */
@VigilIntegrationTest
class DrugsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    @Test
    void organizationEntriesAreSearchableEditableAndPrivate() {
        Api api = new Api(port);
        String clinic = data.organization();
        String admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        String name = "Lisinopril " + System.nanoTime();
        Map<String, Object> drug = Map.of("name", name, "genericName", "lisinopril", "strength", "10 mg",
                "dosageForm", "tablet", "rxnormCode", "314076", "drugClass", "ACE inhibitor");

        Api.Response created = api.post("/api/v1/library/drugs", Api.json(drug), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/v1/library/drugs", Api.json(drug), admin).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/library/drugs?q=" + name.substring(0, 8).toUpperCase().replace(" ", "%20"), admin)
                .json().valueStream().map(d -> d.get("id").asString())).contains(id);

        Api.Response badCode = api.post("/api/v1/library/drugs",
                Api.json(Map.of("name", "X", "rxnormCode", "RX-1")), admin);
        assertThat(badCode.json().get("errors").get(0).get("field").asString()).isEqualTo("rxnormCode");

        Api.Response edited = api.put("/api/v1/library/drugs/" + id, Api.json(Map.of("name", name, "strength", "20 mg")),
                admin, created.header("ETag"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("strength").asString()).isEqualTo("20 mg");

        String otherClinic = data.organization();
        String outsider = accounts.signIn(api, accounts.member(otherClinic, "ORG_ADMIN"), otherClinic);
        assertThat(api.get("/api/v1/library/drugs/" + id, outsider).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/library/drugs/" + id, Api.json(drug), outsider, "\"0\"").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/library/drugs?q=" + name.substring(0, 8).replace(" ", "%20"), outsider).json()
                .valueStream().map(d -> d.get("id").asString())).doesNotContain(id);
    }
}
