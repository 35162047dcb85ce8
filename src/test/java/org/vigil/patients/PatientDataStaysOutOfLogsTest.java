package org.vigil.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/**
 * The error paths are where values leak into logs (a refused insert logged with its values, a
 * database error's DETAIL quoting the duplicate key). Drive them over HTTP and check that none of
 * the patient's values appears in the application's or the database server's output.
 */
@VigilIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PatientDataStaysOutOfLogsTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    @Test
    void refusedWritesLogNoValues(CapturedOutput output) {
        Api api = new Api(port);
        String clinic = data.organization();
        String physician = accounts.signIn(api, accounts.member(clinic, "PHYSICIAN"), clinic);
        String marker = "Zq" + System.nanoTime();

        String mrn = "MRN-" + marker;
        Api.Response created = api.post("/api/v1/patients",
                Api.json(PatientsApiTest.patient(mrn, "Ada" + marker, "Lovelace" + marker, "1948-12-10")), physician);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/v1/patients",
                Api.json(PatientsApiTest.patient(mrn, "Eve", "Other", "1950-01-01")), physician).status()).isEqualTo(409);

        Map<String, Object> diagnosis = Map.of("icd10Code", "I10", "label", "Hypertension " + marker, "isPrimary", true);
        assertThat(api.post("/api/v1/patients/" + id + "/diagnoses", Api.json(diagnosis), physician).status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/patients/" + id + "/diagnoses", Api.json(diagnosis), physician).status())
                .as("the duplicate is refused by the database's unique index").isEqualTo(409);
        assertThat(api.delete("/api/v1/patients/" + id, physician).status()).isEqualTo(409);

        assertThat(output.getAll()).doesNotContain(marker).doesNotContain("1948-12-10");
    }
}
