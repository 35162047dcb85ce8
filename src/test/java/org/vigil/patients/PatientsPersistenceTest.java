package org.vigil.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.patients.internal.CareProgram;
import org.vigil.patients.internal.CareProgramRepository;
import org.vigil.patients.internal.Clinician;
import org.vigil.patients.internal.ClinicianRepository;
import org.vigil.patients.internal.Enrollment;
import org.vigil.patients.internal.EnrollmentRepository;
import org.vigil.patients.internal.Patient;
import org.vigil.patients.internal.PatientRepository;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.TenantScope;

/** The patients module's entities round-trip through JPA under row-level security. */
@VigilIntegrationTest
class PatientsPersistenceTest {

    @Autowired
    TenantScope tenant;
    @Autowired
    TestData data;
    @Autowired
    PatientRepository patients;
    @Autowired
    ClinicianRepository clinicians;
    @Autowired
    CareProgramRepository programs;
    @Autowired
    EnrollmentRepository enrollments;

    @Test
    void aPatientIsEnrolledWithEveryFieldKept() {
        String clinic = data.organization();
        String enrollmentId = tenant.call(clinic, () -> {
            Patient patient = new Patient(clinic, "Ada", "Lovelace", LocalDate.of(1948, 12, 10));
            patient.setMedicalRecordNumber("MRN-7");
            patient.setGender(Gender.FEMALE);
            patient.setEmergencyContact("{\"name\": \"Byron\", \"phone\": \"+1-555-0100\"}");
            patients.save(patient);
            Clinician clinician = new Clinician(clinic, "Grace", "Hopper", "grace@clinic.test");
            clinician.setNpiNumber("1234567893");
            clinician.setCredentials("MD");
            clinicians.save(clinician);
            CareProgram program = new CareProgram(clinic, "Hypertension RPM", CareProgramType.REMOTE_PATIENT_MONITORING);
            programs.save(program);
            Enrollment enrollment = new Enrollment(clinic, patient.getId(), clinician.getId(), program.getId(),
                    Instant.parse("2026-11-01T00:00:00Z"));
            enrollment.setBillingEligibility("{\"eligible\": true, \"insurance\": {\"type\": \"Medicare Part B\"}, "
                    + "\"chronicConditions\": [\"Hypertension (I10)\"], \"consent\": true}");
            return enrollments.save(enrollment).getId();
        });

        Enrollment stored = tenant.call(clinic, () -> enrollments.findById(enrollmentId).orElseThrow());
        assertThat(stored.getStatus()).isEqualTo(EnrollmentStatus.ACTIVE);
        assertThat(stored.getBillingEligibility()).contains("Medicare Part B");
        assertThat(stored.getCreatedAt()).isNotNull();
        Patient patient = tenant.call(clinic, () -> patients.findById(stored.getPatientId()).orElseThrow());
        assertThat(patient.getDateOfBirth()).isEqualTo(LocalDate.of(1948, 12, 10));
        assertThat(patient.getGender()).isEqualTo(Gender.FEMALE);
        assertThat(patient.getEmergencyContact()).contains("Byron");
        assertThat(patient.isActive()).isTrue();

        // Another organization finds nothing by the same id.
        String otherClinic = data.organization();
        assertThat(tenant.call(otherClinic, () -> enrollments.findById(enrollmentId))).isEmpty();
        assertThat(tenant.call(otherClinic, () -> patients.count())).isZero();
    }

    @Test
    void optimisticLockingDetectsAStaleUpdate() {
        String clinic = data.organization();
        String id = data.patient(clinic, "MRN-L");
        Patient first = tenant.call(clinic, () -> patients.findById(id).orElseThrow());
        Patient second = tenant.call(clinic, () -> patients.findById(id).orElseThrow());
        first.setPhone("+1-555-0101");
        tenant.run(clinic, () -> patients.save(first));
        second.setPhone("+1-555-0102");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tenant.run(clinic, () -> patients.save(second)))
                .isInstanceOf(org.springframework.orm.ObjectOptimisticLockingFailureException.class);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aConsentIsNeverEditedOrDeletedOnlyRevokedOnce() {
        String clinic = data.organization();
        String patient = data.patient(clinic, null);
        String consent = org.vigil.shared.Ids.newId();
        tenant.run(clinic, () -> jdbc.update("INSERT INTO patient_consents (id, organization_id, patient_id, type, "
                + "consented_on, method) VALUES (?, ?, ?, 'TREATMENT', DATE '2025-01-01', 'VERBAL')", consent, clinic,
                patient));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tenant.run(clinic, () -> jdbc.update(
                "UPDATE patient_consents SET method = 'WRITTEN' WHERE id = ?", consent)))
                .rootCause().hasMessageContaining("can only be revoked");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tenant.run(clinic, () -> jdbc.update(
                "DELETE FROM patient_consents WHERE id = ?", consent)))
                .rootCause().hasMessageContaining("never deleted");
        tenant.run(clinic, () -> jdbc.update("UPDATE patient_consents SET revoked_on = DATE '2025-02-01' WHERE id = ?",
                consent));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tenant.run(clinic, () -> jdbc.update(
                "UPDATE patient_consents SET revoked_on = DATE '2025-03-01' WHERE id = ?", consent)))
                .rootCause().hasMessageContaining("revoked, once");
    }
}
