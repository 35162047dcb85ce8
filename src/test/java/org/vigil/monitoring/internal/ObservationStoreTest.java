package org.vigil.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.vigil.shared.Ids;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.TenantScope;

/**
 * The daily rollup has no foreign keys of its own (V116): its rows are written only by the
 * statement that stores the readings they sum, so a reading refused by its own keys takes its
 * rollup row with it, and a stored reading comes with its rollup row.
 */
@VigilIntegrationTest
class ObservationStoreTest {

    static final Instant RECORDED = Instant.parse("2026-11-02T07:30:00Z");

    @Autowired ObservationStore store;
    @Autowired TenantScope tenantScope;
    @Autowired TestData data;

    String clinic;
    String patient;
    String enrollment;
    String metric;

    @BeforeEach
    void aPatientInAProgram() {
        clinic = data.organization();
        patient = data.patient(clinic, "MRN-S1");
        enrollment = data.enrollment(clinic, patient, data.clinician(clinic), data.careProgram(clinic));
        metric = data.metric(null);
    }

    @Test
    void aRollupRowIsWrittenOnlyWithTheReadingsItSums() {
        String otherClinic = data.organization();
        String othersPatient = data.patient(otherClinic, "MRN-S2");
        ObservationStore.Row stored = reading(patient, enrollment);

        for (String refused : List.of("no-such-patient", othersPatient)) {
            assertThatThrownBy(() -> tenantScope.call(clinic,
                    () -> store.insert(clinic, Instant.now(), List.of(stored, reading(refused, null)))))
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("observations_patient_fkey");
            assertThat(rows("observations")).isZero();
            assertThat(rows("observation_daily")).as("no rollup row without its readings").isZero();
        }

        assertThat(tenantScope.call(clinic, () -> store.insert(clinic, Instant.now(), List.of(stored))))
                .containsExactly(stored.id());
        assertThat(rows("observations")).isOne();
        assertThat(data.platformQuery("SELECT reading_count FROM observation_daily WHERE organization_id = ? "
                + "AND patient_id = ? AND enrollment_id = ? AND metric_id = ?", clinic, patient, enrollment, metric))
                .isOne();
    }

    private ObservationStore.Row reading(String patientId, String enrollmentId) {
        return new ObservationStore.Row(Ids.newId(), patientId, enrollmentId, metric, "120", "mm[Hg]", "DEVICE",
                "SN-1", null, null, RECORDED);
    }

    private int rows(String table) {
        return data.platformQuery("SELECT count(*) FROM " + table + " WHERE organization_id = ?", clinic);
    }
}
