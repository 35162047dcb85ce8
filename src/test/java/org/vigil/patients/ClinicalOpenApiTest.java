package org.vigil.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Api;
import org.vigil.support.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document lists every clinician, care-program and enrollment endpoint with its schemas. */
@VigilIntegrationTest
class ClinicalOpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void everyEndpointAndItsSchemasAreDocumented() {
        Api.Response document = new Api(port).get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        JsonNode paths = document.json().get("paths");
        for (String resource : List.of("/api/v1/clinicians", "/api/v1/care-programs")) {
            assertThat(paths.get(resource).has("get")).as(resource).isTrue();
            assertThat(paths.get(resource).has("post")).as(resource).isTrue();
            JsonNode item = paths.get(resource + "/{id}");
            assertThat(item.has("get") && item.has("put") && item.has("delete")).as(resource + "/{id}").isTrue();
            assertThat(paths.get(resource + "/{id}/deactivate").has("post")).isTrue();
            assertThat(paths.get(resource + "/{id}/reactivate").has("post")).isTrue();
        }
        assertThat(paths.get("/api/v1/enrollments").has("get") && paths.get("/api/v1/enrollments").has("post")).isTrue();
        assertThat(paths.get("/api/v1/enrollments/{id}").has("get") && paths.get("/api/v1/enrollments/{id}").has("put"))
                .isTrue();
        assertThat(paths.get("/api/v1/enrollments/{id}/status").has("post")).isTrue();

        JsonNode schemas = document.json().get("components").get("schemas");
        for (String schema : List.of("Clinician", "ClinicianRequest", "CareProgram", "CareProgramRequest", "Enrollment",
                "EnrollmentCreateRequest", "EnrollmentUpdateRequest", "EnrollmentStatusChange", "BillingEligibility")) {
            assertThat(schemas.has(schema)).as(schema).isTrue();
        }
        assertThat(schemas.get("BillingEligibility").get("required").toString()).contains("eligible");
        assertThat(schemas.get("ClinicianRequest").get("properties").get("npiNumber").get("example").asString())
                .isEqualTo("1234567893");
        assertThat(schemas.get("Clinician").get("properties").get("billingCapacity").get("enum").toString())
                .contains("PHYSICIAN", "NON_PHYSICIAN_PRACTITIONER", "THERAPIST", "CLINICAL_STAFF");
    }
}
