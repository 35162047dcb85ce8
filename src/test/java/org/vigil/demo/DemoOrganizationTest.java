package org.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The demo organization is created once, through the API, and looks like a clinic that has been
 * running for two months: about 50 patients across the eight presets, 60 days of readings, alerts
 * open and worked, questionnaires, medications, time logs, tasks, notes and a billing board. Checked
 * through the API as its own users would see it.
 */
@VigilIntegrationTest
class DemoOrganizationTest {

    @LocalServerPort
    int port;
    @Autowired
    DemoOrganization demo;
    @Autowired
    TestData data;

    @Test
    void createdOnceAsALivingClinicThroughTheApi() {
        long started = System.nanoTime();
        String organization = demo.ensure().orElseGet(() -> data.platformString(
                "SELECT id FROM organizations WHERE domain = ?", DemoOrganization.DOMAIN));
        System.out.printf("Demo organization created in %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertThat(demo.ensure()).as("a second start finds it").isEmpty();

        Api api = new Api(port);
        String admin = signIn(api, "admin");
        String nurse = signIn(api, "nurse");

        assertThat(api.get("/api/v1/patients?size=1", admin).json().get("totalItems").asInt()).isEqualTo(50);
        List<String> presets = new ArrayList<>();
        for (JsonNode enrollment : api.get("/api/v1/enrollments?size=100", admin).json().get("items")) {
            assertThat(enrollment.get("status").asString()).isEqualTo("ACTIVE");
            presets.add(enrollment.get("conditionPresetId").asString());
        }
        assertThat(presets).as("enrollments, each with a preset").hasSize(52);
        assertThat(presets.stream().distinct()).as("all eight standard presets").hasSize(8);
        assertThat(data.platformQuery("SELECT count(*) FROM enrollments WHERE organization_id = ? "
                + "AND billing_program_id IS NOT NULL", organization)).as("every enrollment is billed").isEqualTo(52);

        // Sixty days of device readings for a steady hypertensive patient (DEMO-0001), about one day in ten missed.
        String steady = patientId(api, admin, "DEMO-0001");
        LocalDate today = LocalDate.now(ZoneId.of(DemoOrganization.TIME_ZONE));
        JsonNode daily = api.get("/api/v1/patients/" + steady + "/observations/daily?metric=bp_systolic&from="
                + today.minusDays(61) + "&to=" + today, nurse).json();
        assertThat(daily.size()).as("days with a blood pressure").isBetween(45, 61);
        assertThat(LocalDate.parse(daily.get(0).get("date").asString())).isBefore(today.minusDays(55));
        assertThat(daily.get(0).get("deviceCount").asInt()).isPositive();
        assertThat(data.platformQuery("SELECT count(*) FROM observations WHERE organization_id = ?", organization))
                .as("readings in all").isGreaterThan(5_000);
        assertThat(data.platformQuery("SELECT count(*) FROM observations WHERE organization_id = ? "
                + "AND recorded_at > now() + interval '5 minutes'", organization)).as("none in the future").isZero();

        JsonNode counts = api.get("/api/v1/alerts/counts", nurse).json();
        assertThat(counts.get("open").asInt()).as("open alerts").isGreaterThanOrEqualTo(8);
        assertThat(counts.get("openBySeverity").get("CRITICAL").asInt()).as("critical: BP crisis, hypoglycemia, "
                + "PHQ-9 item 9").isGreaterThanOrEqualTo(3);
        assertThat(counts.get("byStatus").get("RESOLVED").asInt()).as("worked alerts").isGreaterThanOrEqualTo(3);

        String depressed = patientId(api, admin, "DEMO-0042");
        assertThat(api.get("/api/v1/patients/" + depressed + "/assessments", nurse).json().size())
                .as("a PHQ-9 every two weeks and a GAD-2 monthly").isGreaterThanOrEqualTo(5);
        assertThat(api.get("/api/v1/patients/" + depressed + "/medications", nurse).json().size()).isPositive();
        assertThat(api.get("/api/v1/time-logs?size=1", nurse).json().get("totalItems").asInt())
                .as("time logs").isGreaterThan(150);
        assertThat(api.get("/api/v1/tasks?status=PENDING&size=1", nurse).json().get("totalItems").asInt()).isPositive();
        assertThat(api.get("/api/v1/tasks?status=COMPLETED&size=1", nurse).json().get("totalItems").asInt()).isPositive();
        assertThat(api.get("/api/v1/patients/" + patientId(api, admin, "DEMO-0004") + "/encounter-notes", nurse)
                .json().get("totalItems").asInt()).as("a note on the resolved episode").isEqualTo(1);

        JsonNode billing = api.get("/api/v1/billing/summary?month=" + today.minusMonths(1).toString().substring(0, 7),
                admin).json();
        assertThat(billing.get("billablePatients").asInt()).as("last month's billable patients").isGreaterThan(20);

        for (String account : new String[] {"admin", "nurse", "physician"}) {
            assertThat(signIn(api, account)).as(account).isNotBlank();
        }
    }

    private static String signIn(Api api, String account) {
        Api.Response signedIn = api.post("/api/v1/auth/login", Api.json(Map.of("email",
                account + "@" + DemoOrganization.DOMAIN, "password", DemoOrganization.PASSWORD)));
        assertThat(signedIn.status()).as(account).isEqualTo(200);
        return signedIn.json().get("accessToken").asString();
    }

    private static String patientId(Api api, String token, String medicalRecordNumber) {
        return api.get("/api/v1/patients?medicalRecordNumber=" + medicalRecordNumber, token).json().get("items").get(0)
                .get("id").asString();
    }
}
