package org.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.vigil.monitoring.internal.Assessment;
import org.vigil.monitoring.internal.AssessmentRepository;
import org.vigil.monitoring.internal.Device;
import org.vigil.monitoring.internal.DeviceAssignment;
import org.vigil.monitoring.internal.DeviceAssignmentRepository;
import org.vigil.monitoring.internal.DeviceRepository;
import org.vigil.monitoring.internal.MedicationAdherence;
import org.vigil.monitoring.internal.MedicationAdherenceRepository;
import org.vigil.monitoring.internal.Observation;
import org.vigil.monitoring.internal.ObservationRepository;
import org.vigil.monitoring.internal.PatientMedication;
import org.vigil.monitoring.internal.PatientMedicationRepository;
import org.vigil.monitoring.internal.ScheduledAssessment;
import org.vigil.monitoring.internal.ScheduledAssessmentRepository;
import org.vigil.shared.Ids;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.TenantScope;

/** The monitoring module's entities round-trip through JPA under row-level security. */
@VigilIntegrationTest
class MonitoringPersistenceTest {

    static final Instant RECORDED = Instant.parse("2026-11-02T07:30:15.123456Z");

    @Autowired TenantScope tenant;
    @Autowired TestData data;
    @Autowired ObservationRepository observations;
    @Autowired AssessmentRepository assessments;
    @Autowired ScheduledAssessmentRepository scheduled;
    @Autowired PatientMedicationRepository medications;
    @Autowired MedicationAdherenceRepository adherence;
    @Autowired DeviceRepository devices;
    @Autowired DeviceAssignmentRepository assignments;

    String clinic;
    String patient;
    String clinician;
    String enrollment;
    String metric;
    String template;

    @BeforeEach
    void aPatientInAProgram() {
        clinic = data.organization();
        patient = data.patient(clinic, "MRN-M1");
        clinician = data.clinician(clinic);
        enrollment = data.enrollment(clinic, patient, clinician, data.careProgram(clinic));
        metric = data.metric(null);
        template = data.template(null);
    }

    @Test
    void readingsAssessmentsAndMedicationsKeepEveryField() throws Exception {
        String responses = "{\"" + metric + "\": 2, \"total\": 14.5}";
        String[] ids = tenant.call(clinic, () -> {
            Assessment assessment = new Assessment(clinic, patient, template, responses);
            assessment.setEnrollmentId(enrollment);
            assessment.setClinicianId(clinician);
            assessment.setScore(new java.math.BigDecimal("14.5"));
            assessment.setScoreBand("Moderate");
            assessments.save(assessment);
            Observation observation = new Observation(patient, metric, "{\"systolic\":150,\"diastolic\":95}", clinic);
            observation.setEnrollmentId(enrollment);
            observation.setSource(ObservationSource.DEVICE);
            observation.setContext(ObservationContext.CLINICAL_MONITORING);
            observation.setUnit("mm[Hg]");
            observation.setRecordedAt(RECORDED);
            observation.setAssessmentId(assessment.getId());
            observations.save(observation);
            ScheduledAssessment due = new ScheduledAssessment(clinic, patient, enrollment, template,
                    Instant.parse("2026-11-09T12:00:00Z"));
            due.setFrequency("7");
            due.setStatus(ScheduledAssessmentStatus.COMPLETED);
            due.setCompletedAssessmentId(assessment.getId());
            scheduled.save(due);
            PatientMedication medication = new PatientMedication(clinic, patient, "Lisinopril 10 mg", LocalDate.of(2026, 10, 1));
            medication.setDosesPerDay(1);
            medication.setPrescriberId(clinician);
            medications.save(medication);
            MedicationAdherence dose = new MedicationAdherence(clinic, medication.getId(),
                    Instant.parse("2026-11-02T08:00:00Z"), AdherenceStatus.TAKEN);
            dose.setTakenAt(Instant.parse("2026-11-02T08:05:00Z"));
            adherence.save(dose);
            return new String[] {observation.getId(), assessment.getId(), due.getId(), medication.getId(), dose.getId()};
        });

        Observation observation = tenant.call(clinic, () -> observations.findById(ids[0]).orElseThrow());
        JSONAssert.assertEquals("{\"systolic\":150,\"diastolic\":95}", observation.getValue(), true);
        assertThat(observation.getSource()).isEqualTo(ObservationSource.DEVICE);
        assertThat(observation.getContext()).isEqualTo(ObservationContext.CLINICAL_MONITORING);
        assertThat(observation.getRecordedAt()).isEqualTo(RECORDED);
        assertThat(observation.getAssessmentId()).isEqualTo(ids[1]);
        Assessment assessment = tenant.call(clinic, () -> assessments.findById(ids[1]).orElseThrow());
        JSONAssert.assertEquals(responses, assessment.getResponses(), true);
        assertThat(assessment.getScore()).isEqualByComparingTo("14.5");
        assertThat(assessment.getScoreBand()).isEqualTo("Moderate");
        assertThat(assessment.getSource()).isEqualTo(ObservationSource.MANUAL);
        ScheduledAssessment due = tenant.call(clinic, () -> scheduled.findById(ids[2]).orElseThrow());
        assertThat(due.getStatus()).isEqualTo(ScheduledAssessmentStatus.COMPLETED);
        assertThat(due.getFrequency()).isEqualTo("7");
        assertThat(due.getCompletedAssessmentId()).isEqualTo(ids[1]);
        PatientMedication medication = tenant.call(clinic, () -> medications.findById(ids[3]).orElseThrow());
        assertThat(medication.getStartDate()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(medication.getDosesPerDay()).isEqualTo(1);
        assertThat(medication.getPrescriberId()).isEqualTo(clinician);
        MedicationAdherence dose = tenant.call(clinic, () -> adherence.findById(ids[4]).orElseThrow());
        assertThat(dose.getStatus()).isEqualTo(AdherenceStatus.TAKEN);
        assertThat(dose.getTakenAt()).isEqualTo(Instant.parse("2026-11-02T08:05:00Z"));

        String otherClinic = data.organization();
        assertThat(tenant.call(otherClinic, () -> observations.findById(ids[0]))).isEmpty();
        assertThat(tenant.call(otherClinic, () -> assessments.count())).isZero();
    }

    @Test
    void aReadingsOrganizationIsItsPatientsWithoutAKeyOfItsOwn() {
        // V116 dropped the single-column key to organizations: the composite patient key holds it
        String otherClinic = data.organization();
        String reading = "INSERT INTO observations (id, organization_id, patient_id, metric_id, value) "
                + "VALUES (?, ?, ?, ?, '120'::jsonb)";
        assertThatThrownBy(() -> data.platformUpdate(reading, Ids.newId(), otherClinic, patient, metric))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("observations_patient_fkey");
        assertThatThrownBy(() -> data.platformUpdate(reading, Ids.newId(), "no-such-organization", patient, metric))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("observations_patient_fkey");
        assertThat(data.platformUpdate(reading, Ids.newId(), clinic, patient, metric)).isOne();
    }

    @Test
    void aDeviceIsWithOnePatientAtATime() {
        String serial = "SN-" + Ids.newId();
        String[] ids = tenant.call(clinic, () -> {
            Device device = new Device(clinic, "Omron", serial);
            device.setModel("BP7250");
            device.setDeviceType("BLOOD_PRESSURE_CUFF");
            devices.save(device);
            DeviceAssignment assignment = new DeviceAssignment(clinic, device.getId(), patient,
                    Instant.parse("2026-11-01T09:00:00Z"));
            assignment.setEnrollmentId(enrollment);
            assignments.save(assignment);
            return new String[] {device.getId(), assignment.getId()};
        });
        Device device = tenant.call(clinic, () -> devices.findById(ids[0]).orElseThrow());
        assertThat(device.getSerialNumber()).isEqualTo(serial);
        assertThat(device.getModel()).isEqualTo("BP7250");
        assertThat(device.isActive()).isTrue();
        DeviceAssignment open = tenant.call(clinic, () -> assignments.findById(ids[1]).orElseThrow());
        assertThat(open.getDeviceId()).isEqualTo(ids[0]);
        assertThat(open.getAssignedAt()).isEqualTo(Instant.parse("2026-11-01T09:00:00Z"));
        assertThat(open.getUnassignedAt()).isNull();

        String secondPatient = data.patient(clinic, "MRN-M2");
        assertThatThrownBy(() -> tenant.run(clinic, () -> assignments.saveAndFlush(
                new DeviceAssignment(clinic, ids[0], secondPatient, Instant.parse("2026-11-05T09:00:00Z")))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("device_assignments_one_open_per_device");

        // Once the first assignment is closed the device can go to the next patient.
        open.setUnassignedAt(Instant.parse("2026-11-04T17:00:00Z"));
        tenant.run(clinic, () -> assignments.save(open));
        String next = tenant.call(clinic, () -> assignments.save(new DeviceAssignment(clinic, ids[0], secondPatient,
                Instant.parse("2026-11-05T09:00:00Z"))).getId());
        assertThat(tenant.call(clinic, () -> assignments.findById(next).orElseThrow().getPatientId())).isEqualTo(secondPatient);
    }
}
