package org.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.shared.Ids;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The device webhook over real HTTP: signed deliveries become DEVICE readings of the patient the
 * device was assigned to; bad or stale signatures are refused with nothing stored; unknown and
 * unassigned devices are refused and recorded where the right administrators (and only they) see
 * them; resending a delivery stores nothing new.
 */
@VigilIntegrationTest
class DeviceWebhookApiTest {

    /** The test vendor's secret, configured in VigilIntegrationTest. */
    static final String SECRET = "test-only-acme-webhook-secret-0123456789";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    final HttpClient http = HttpClient.newHttpClient();
    Api api;
    String clinic;
    String nurse;
    String admin;
    String patient;
    String metricKey;
    String serial;
    String deviceId;
    String assignmentId;
    Instant assignedAt;

    @BeforeEach
    void aClinicWithAnAssignedCuff() {
        api = new Api(port);
        clinic = data.organization();
        nurse = accounts.signIn(api, accounts.member(clinic, "NURSE"), clinic);
        admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        patient = data.patient(clinic, null);
        metricKey = "glucose_" + Ids.newId().substring(0, 10);
        data.platformUpdate("INSERT INTO metric_definitions (id, organization_id, key, display_name, value_type, unit, "
                + "plausible_min, plausible_max, decimal_precision) VALUES (?, ?, ?, ?, 'NUMERIC', 'mg/dL', 20, 600, 0)",
                Ids.newId(), clinic, metricKey, metricKey);
        serial = "IMEI-" + Ids.newId();
        Api.Response registered = api.post("/api/v1/devices", Api.json(Map.of("vendor", "ACME", "serialNumber", serial,
                "model", "GlucoLink 2")), nurse);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        deviceId = registered.json().get("id").asString();
        assertThat(registered.json().get("vendor").asString()).isEqualTo("acme");
        assignedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.DAYS);
        Api.Response assigned = api.post("/api/v1/devices/" + deviceId + "/assignments", Api.json(Map.of(
                "patientId", patient, "assignedAt", assignedAt.toString())), nurse);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        assignmentId = assigned.json().get("id").asString();
    }

    static Map<String, Object> reading(String metric, Object value, Instant at) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("metric", metric);
        r.put("value", value);
        r.put("recordedAt", at.toString());
        return r;
    }

    String delivery(String serialNumber, List<Map<String, Object>> readings) {
        return Api.json(Map.of("serialNumber", serialNumber, "readings", readings));
    }

    static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Api.Response deliver(String vendor, String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return deliver(vendor, body, timestamp, signature(SECRET, timestamp, body));
    }

    Api.Response deliver(String vendor, String body, String timestamp, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/devices/"
                + vendor + "/readings")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header("X-Vigil-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Vigil-Signature", signature);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int storedReadings() {
        return data.platformQuery("SELECT count(*)::int FROM observations WHERE patient_id = ?", patient);
    }

    @Test
    void aSignedDeliveryBecomesDeviceReadingsOfTheAssignedPatientAndAResendStoresNothingNew() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.HOURS);
        String body = delivery(serial, List.of(reading(metricKey, 112, t), reading(metricKey, 131, t.plusSeconds(60))));
        Api.Response response = deliver("acme", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("stored").asInt()).isEqualTo(2);
        assertThat(response.json().get("refused").asInt()).isZero();
        assertThat(response.body()).doesNotContain(patient);

        assertThat(data.platformQuery("SELECT count(*)::int FROM observations WHERE patient_id = ? AND source = 'DEVICE' "
                + "AND source_identifier = ? AND organization_id = ?", patient, "acme:" + serial, clinic)).isEqualTo(2);
        assertThat(data.platformQuery("SELECT sum(reading_count)::int FROM observation_daily WHERE patient_id = ? "
                + "AND from_device", patient)).isEqualTo(2);
        JsonNode readings = api.get("/api/v1/patients/" + patient + "/observations", nurse).json().get("items");
        assertThat(readings.size()).isEqualTo(2);
        assertThat(readings.get(0).get("source").asString()).isEqualTo("DEVICE");

        // the same delivery again (signed anew, as a vendor's retry would be): nothing new
        Api.Response again = deliver("acme", body);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("stored").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(2);
        assertThat(storedReadings()).isEqualTo(2);
        assertThat(data.platformQuery("SELECT sum(reading_count)::int FROM observation_daily WHERE patient_id = ?",
                patient)).isEqualTo(2);
    }

    @Test
    void aBadOrStaleSignatureIsRefusedAndNothingIsStored() {
        String body = delivery(serial, List.of(reading(metricKey, 112, Instant.now().minusSeconds(600))));
        String now = String.valueOf(Instant.now().getEpochSecond());
        String stale = String.valueOf(Instant.now().minusSeconds(6 * 60).getEpochSecond());
        String future = String.valueOf(Instant.now().plusSeconds(6 * 60).getEpochSecond());
        List<Api.Response> refused = List.of(
                deliver("acme", body, now, signature("another-secret-of-at-least-32-characters", now, body)),
                deliver("acme", body, now, signature(SECRET, now, body.replace("112", "113"))), // tampered
                deliver("acme", body, now, "sha256=zz"),
                deliver("acme", body, now, null),
                deliver("acme", body, null, signature(SECRET, now, body)),
                deliver("acme", body, stale, signature(SECRET, stale, body)),
                deliver("acme", body, future, signature(SECRET, future, body)),
                deliver("acme", body, stale, signature(SECRET, now, body)), // timestamp not the signed one
                deliver("nobody-" + Ids.newId().substring(0, 6), body, now, signature(SECRET, now, body)));
        for (Api.Response response : refused) {
            assertThat(response.status()).as(response.body()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("title").asString()).isEqualTo("Invalid signature");
        }
        assertThat(storedReadings()).isZero();
        assertThat(data.platformQuery("SELECT count(*)::int FROM device_refusals WHERE serial_number = ?", serial))
                .isZero();
        // a member's bearer token is no substitute for the signature
        Api.Response withToken = api.post("/api/v1/devices/acme/readings", body, nurse);
        assertThat(withToken.status()).isEqualTo(401);
        // the correctly signed delivery goes through
        assertThat(deliver("acme", body).status()).isEqualTo(200);
        assertThat(storedReadings()).isOne();
    }

    @Test
    void aDeliveryOverOneMebibyteIsRefusedUnreadWhoeverSendsIt() {
        String body = delivery(serial, List.of(reading(metricKey, 112, Instant.now().minusSeconds(600))));
        String padded = body.substring(0, body.length() - 1) + ",\"pad\":\"" + "x".repeat(1 << 20) + "\"}";
        String now = String.valueOf(Instant.now().getEpochSecond());
        for (Api.Response refused : List.of(deliver("acme", padded, now, signature(SECRET, now, padded)),
                deliver("acme", padded, now, null))) {
            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("title").asString()).isEqualTo("Delivery too large");
        }
        assertThat(storedReadings()).isZero();
    }

    @Test
    void anUnknownDeviceIsRefusedAndRecordedForThePlatformOnly() {
        String unknown = "IMEI-unknown-" + Ids.newId();
        Api.Response response = deliver("acme", delivery(unknown, List.of(reading(metricKey, 100,
                Instant.now().minusSeconds(60)))));
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("title").asString()).isEqualTo("Unknown device");
        String refusal = response.json().get("refusalId").asString();
        assertThat(data.platformQuery("SELECT count(*)::int FROM device_refusals WHERE id = ? AND organization_id IS NULL "
                + "AND reason = 'UNKNOWN_DEVICE' AND reading_count = 1 AND serial_number = ?", refusal, unknown)).isOne();
        // no organization's administrator sees it ...
        assertThat(api.get("/api/v1/device-refusals", admin).json().get("totalItems").asInt()).isZero();
        // ... a platform administrator does (and only a platform administrator)
        assertThat(api.get("/api/v1/platform/device-refusals", admin).status()).isEqualTo(403);
        Accounts.Account platformAdmin = accounts.member(clinic, "ORG_ADMIN");
        data.platformUpdate("UPDATE users SET is_platform_admin = true WHERE id = ?", platformAdmin.userId());
        try {
            String token = accounts.signIn(api, platformAdmin, clinic);
            JsonNode items = api.get("/api/v1/platform/device-refusals?size=100", token).json().get("items");
            assertThat(items.findValuesAsString("id")).contains(refusal);
        } finally {
            data.platformUpdate("UPDATE users SET is_platform_admin = false WHERE id = ?", platformAdmin.userId());
        }
    }

    @Test
    void readingsOutsideTheAssignmentAreRefusedAndShownToThatOrganizationOnly() {
        Instant before = assignedAt.minus(1, ChronoUnit.HOURS);
        Api.Response response = deliver("acme", delivery(serial, List.of(reading(metricKey, 100, before))));
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("title").asString()).isEqualTo("Device not assigned");
        assertThat(storedReadings()).isZero();

        // a delivery spanning the start: the covered reading is stored, the other refused
        Api.Response mixed = deliver("acme", delivery(serial, List.of(reading(metricKey, 100, before.minusSeconds(60)),
                reading(metricKey, 120, assignedAt.plusSeconds(60)))));
        assertThat(mixed.status()).as(mixed.body()).isEqualTo(200);
        assertThat(mixed.json().get("stored").asInt()).isOne();
        assertThat(mixed.json().get("refused").asInt()).isOne();
        assertThat(mixed.json().get("results").get(0).get("status").asString()).isEqualTo("REFUSED");
        assertThat(storedReadings()).isOne();

        JsonNode refusals = api.get("/api/v1/device-refusals", admin).json();
        assertThat(refusals.get("totalItems").asInt()).isEqualTo(2);
        assertThat(refusals.get("items").get(0).get("reason").asString()).isEqualTo("NOT_ASSIGNED");
        assertThat(refusals.get("items").get(0).get("deviceId").asString()).isEqualTo(deviceId);
        assertThat(refusals.get("items").findValuesAsString("readingCount")).containsOnly("1");

        // another organization's administrator sees neither the refusals nor the device
        String otherClinic = data.organization();
        String outsider = accounts.signIn(api, accounts.member(otherClinic, "ORG_ADMIN"), otherClinic);
        assertThat(api.get("/api/v1/device-refusals", outsider).json().get("totalItems").asInt()).isZero();
        assertThat(api.get("/api/v1/devices", outsider).json().get("totalItems").asInt()).isZero();
        assertThat(api.get("/api/v1/devices/" + deviceId + "/assignments", outsider).status()).isEqualTo(404);
        JsonNode devices = api.get("/api/v1/devices", admin).json();
        assertThat(devices.get("totalItems").asInt()).isOne();
        assertThat(devices.get("items").get(0).get("currentAssignment").get("patientId").asString()).isEqualTo(patient);
    }

    @Test
    void assignmentsDoNotOverlapAndReadingsAfterTheEndAreRefused() {
        String otherPatient = data.patient(clinic, null);
        Api.Response overlapping = api.post("/api/v1/devices/" + deviceId + "/assignments", Api.json(Map.of(
                "patientId", otherPatient, "assignedAt", assignedAt.plus(1, ChronoUnit.DAYS).toString())), nurse);
        assertThat(overlapping.status()).as(overlapping.body()).isEqualTo(409);
        Api.Response earlierButOpenEnded = api.post("/api/v1/devices/" + deviceId + "/assignments", Api.json(Map.of(
                "patientId", otherPatient, "assignedAt", assignedAt.minus(5, ChronoUnit.DAYS).toString())), nurse);
        assertThat(earlierButOpenEnded.status()).isEqualTo(409);

        Instant end = assignedAt.plus(1, ChronoUnit.DAYS);
        Api.Response ended = api.post("/api/v1/devices/" + deviceId + "/assignments/" + assignmentId + "/end",
                Api.json(Map.of("endedAt", end.toString())), nurse);
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("unassignedAt").asString()).isEqualTo(end.toString());
        // the device goes to the other patient from the end on
        Api.Response next = api.post("/api/v1/devices/" + deviceId + "/assignments", Api.json(Map.of(
                "patientId", otherPatient, "assignedAt", end.plus(1, ChronoUnit.HOURS).toString())), nurse);
        assertThat(next.status()).as(next.body()).isEqualTo(201);

        Api.Response response = deliver("acme", delivery(serial, List.of(
                reading(metricKey, 101, end.minusSeconds(60)),                 // first patient
                reading(metricKey, 102, end.plusSeconds(60)),                  // between assignments: refused
                reading(metricKey, 103, end.plus(2, ChronoUnit.HOURS)))));     // second patient
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("stored").asInt()).isEqualTo(2);
        assertThat(response.json().get("refused").asInt()).isOne();
        assertThat(storedReadings()).isOne();
        assertThat(data.platformQuery("SELECT count(*)::int FROM observations WHERE patient_id = ?", otherPatient)).isOne();

        // registering the same device again (in any organization) is a conflict; a nurse-less admin cannot register
        assertThat(api.post("/api/v1/devices", Api.json(Map.of("vendor", "acme", "serialNumber", serial)), nurse).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/devices", Api.json(Map.of("vendor", "acme", "serialNumber", "x")), admin).status())
                .isEqualTo(403);
    }

    @Test
    void aDeactivatedDevicesDeliveriesAreRefusedAndRecorded() {
        Api.Response deactivated = api.post("/api/v1/devices/" + deviceId + "/deactivate", "{}", nurse);
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        assertThat(deactivated.json().get("currentAssignment").isNull()).isTrue();
        assertThat(api.post("/api/v1/devices/" + deviceId + "/deactivate", "{}", nurse).status()).isEqualTo(409);

        Api.Response response = deliver("acme", delivery(serial, List.of(reading(metricKey, 100,
                Instant.now().minusSeconds(60)))));
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("title").asString()).isEqualTo("Device inactive");
        assertThat(storedReadings()).isZero();
        JsonNode refusals = api.get("/api/v1/device-refusals", admin).json().get("items");
        assertThat(refusals.size()).isOne();
        assertThat(refusals.get(0).get("reason").asString()).isEqualTo("DEVICE_INACTIVE");
        assertThat(refusals.get(0).get("id").asString()).isEqualTo(response.json().get("refusalId").asString());
    }
}
