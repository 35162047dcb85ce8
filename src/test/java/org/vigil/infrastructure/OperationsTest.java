package org.vigil.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.patients.Gender;
import org.vigil.patients.internal.Patient;
import org.vigil.patients.internal.PatientRepository;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.TenantScope;

/** Operational basics over real HTTP: health, nothing else served yet, and no PHI in the logs. */
@VigilIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

    @LocalServerPort
    int port;
    @Autowired
    TenantScope tenant;
    @Autowired
    TestData data;
    @Autowired
    PatientRepository patients;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void everythingElseIsRefusedWithoutSignIn() throws Exception {
        assertThat(get("/api/v1/patients").statusCode()).as("API needs a token").isEqualTo(401);
        HttpResponse<String> web = get("/somewhere-else");
        assertThat(web.statusCode()).as("web pages need the web sign-in").isEqualTo(302);
        assertThat(web.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(get("/actuator/env").statusCode()).as("actuator beyond health is not served").isIn(401, 403, 404);
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        HttpResponse<String> document = get("/v3/api-docs");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("\"/api/v1/auth/login\"", "\"/api/v1/auth/refresh\"",
                "\"/api/v1/auth/mfa/verify\"", "\"/api/v1/auth/password-reset\"", "\"/api/v1/auth/linked-accounts\"",
                "bearerAuth");
        assertThat(document.body()).as("only the API is documented, not the web pages")
                .doesNotContain("\"/login\"", "\"/account\"", "\"/logout\"", "\"/session/organization\"");
    }

    @Test
    void writingAndReadingAPatientLogsNoPersonalData(CapturedOutput output) {
        String clinic = data.organization();
        String marker = "Zebulon" + System.nanoTime();
        tenant.run(clinic, () -> {
            Patient patient = new Patient(clinic, marker, "Quixote", LocalDate.of(1931, 7, 4));
            patient.setGender(Gender.MALE);
            patient.setMedicalRecordNumber("MRN-" + marker);
            patients.save(patient);
        });
        tenant.run(clinic, () -> patients.findAll());
        assertThat(output.getAll()).doesNotContain(marker).doesNotContain("1931-07-04");
    }
}
