package org.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/** The demo organization is created once, through the API, and its accounts can sign in. */
@VigilIntegrationTest
class DemoOrganizationTest {

    @LocalServerPort
    int port;
    @Autowired
    DemoOrganization demo;
    @Autowired
    TestData data;

    @Test
    void createdOnceWithEnrolledPatientsAndAccountsThatSignIn() {
        String organization = demo.ensure().orElseGet(() -> data.platformString(
                "SELECT id FROM organizations WHERE domain = ?", DemoOrganization.DOMAIN));
        assertThat(demo.ensure()).as("a second start finds it").isEmpty();

        assertThat(data.platformQuery("SELECT count(*) FROM patients WHERE organization_id = ?", organization))
                .isEqualTo(DemoPatient.ROSTER.size());
        assertThat(data.platformQuery("SELECT count(*) FROM enrollments WHERE organization_id = ? AND status = 'ACTIVE' "
                + "AND condition_preset_id IS NOT NULL", organization)).isEqualTo(DemoPatient.ROSTER.size());
        assertThat(data.platformQuery("SELECT count(*) FROM scheduled_assessments WHERE organization_id = ?",
                organization)).as("the presets scheduled their questionnaires").isPositive();
        assertThat(data.platformQuery("SELECT count(*) FROM clinicians WHERE organization_id = ? AND user_id IS NOT NULL",
                organization)).isEqualTo(2);

        Api api = new Api(port);
        for (String account : new String[] {"admin", "nurse", "physician"}) {
            Api.Response signedIn = api.post("/api/v1/auth/login", Api.json(Map.of("email",
                    account + "@" + DemoOrganization.DOMAIN, "password", DemoOrganization.PASSWORD)));
            assertThat(signedIn.status()).as(account).isEqualTo(200);
        }
    }
}
