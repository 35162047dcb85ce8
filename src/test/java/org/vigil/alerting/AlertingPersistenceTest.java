package org.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.vigil.alerting.internal.Alert;
import org.vigil.alerting.internal.AlertRepository;
import org.vigil.library.AlertSeverity;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.TenantScope;

/** The alerting module's alerts round-trip through JPA under row-level security. */
@VigilIntegrationTest
class AlertingPersistenceTest {

    static final Instant TRIGGERED = Instant.parse("2026-11-03T14:00:00Z");
    static final Instant SLA_BREACH = Instant.parse("2026-11-03T14:30:00.250Z");

    @Autowired TenantScope tenant;
    @Autowired TestData data;
    @Autowired AlertRepository alerts;

    @Test
    void aClaimedAlertKeepsEveryField() throws Exception {
        String clinic = data.organization();
        String patient = data.patient(clinic, "MRN-A1");
        String clinician = data.clinician(clinic);
        String nurse = data.user();
        data.membership(clinic, nurse);
        String rule = data.alertRule(null);
        String details = "{\"readings\": [{\"systolic\": 182, \"diastolic\": 121}], \"threshold\": 180}";

        String id = tenant.call(clinic, () -> {
            Alert alert = new Alert(clinic, patient, rule, AlertSeverity.CRITICAL, "Systolic 182 mmHg");
            alert.setClinicianId(clinician);
            alert.setClaimedById(nurse);
            alert.setClaimedAt(TRIGGERED.plusSeconds(60));
            alert.setTriggeredAt(TRIGGERED);
            alert.setRiskScore(8.75);
            alert.setPriority(9);
            alert.setPriorityRank(1);
            alert.setSlaBreachTime(SLA_BREACH);
            alert.setDetails(details);
            return alerts.save(alert).getId();
        });

        Alert stored = tenant.call(clinic, () -> alerts.findById(id).orElseThrow());
        assertThat(stored.getStatus()).isEqualTo(AlertStatus.PENDING);
        assertThat(stored.getSeverity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(stored.getRiskScore()).isEqualTo(8.75);
        assertThat(stored.getSlaBreachTime()).isEqualTo(SLA_BREACH);
        assertThat(stored.getTriggeredAt()).isEqualTo(TRIGGERED);
        assertThat(stored.getRuleId()).isEqualTo(rule);
        assertThat(stored.getPatientId()).isEqualTo(patient);
        assertThat(stored.getClinicianId()).isEqualTo(clinician);
        assertThat(stored.getClaimedById()).isEqualTo(nurse);
        assertThat(stored.getPriority()).isEqualTo(9);
        assertThat(stored.getEscalationLevel()).isZero();
        assertThat(stored.getVersion()).isZero();
        JSONAssert.assertEquals(details, stored.getDetails(), true);

        String otherClinic = data.organization();
        assertThat(tenant.call(otherClinic, () -> alerts.findById(id))).isEmpty();
    }

    @Test
    void aStatusChangeIsStoredAndVersioned() {
        String clinic = data.organization();
        String patient = data.patient(clinic, "MRN-A2");
        String rule = data.alertRule(clinic);
        String id = tenant.call(clinic, () -> alerts.save(
                new Alert(clinic, patient, rule, AlertSeverity.MEDIUM, "Weight up 2 kg")).getId());
        Alert alert = tenant.call(clinic, () -> alerts.findById(id).orElseThrow());
        alert.setStatus(AlertStatus.RESOLVED);
        alert.setResolvedAt(Instant.parse("2026-11-03T15:00:00Z"));
        alert.setResolutionNotes("Diuretic adjusted");
        tenant.run(clinic, () -> alerts.save(alert));

        Alert stored = tenant.call(clinic, () -> alerts.findById(id).orElseThrow());
        assertThat(stored.getStatus()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(stored.getResolvedAt()).isEqualTo(Instant.parse("2026-11-03T15:00:00Z"));
        assertThat(stored.getResolutionNotes()).isEqualTo("Diuretic adjusted");
        assertThat(stored.getVersion()).isEqualTo(1);
    }

    @Test
    void anAlertCannotUseAnotherOrganizationsRule() {
        String clinic = data.organization();
        String patient = data.patient(clinic, "MRN-A3");
        String foreignRule = data.alertRule(data.organization());
        assertThatThrownBy(() -> tenant.run(clinic, () -> alerts.saveAndFlush(
                new Alert(clinic, patient, foreignRule, AlertSeverity.HIGH, "Should not be stored"))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("does not exist for this organization");
    }
}
