package org.vigil.carework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.vigil.carework.internal.EncounterNote;
import org.vigil.carework.internal.EncounterNoteRepository;
import org.vigil.carework.internal.SavedView;
import org.vigil.carework.internal.SavedViewRepository;
import org.vigil.carework.internal.Task;
import org.vigil.carework.internal.TaskRepository;
import org.vigil.carework.internal.TimeLog;
import org.vigil.carework.internal.TimeLogRepository;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.TenantScope;

/** The carework module's entities round-trip through JPA under row-level security. */
@VigilIntegrationTest
class CareworkPersistenceTest {

    static final Instant STARTED = Instant.parse("2026-11-04T10:00:00Z");

    @Autowired TenantScope tenant;
    @Autowired TestData data;
    @Autowired TimeLogRepository timeLogs;
    @Autowired TaskRepository tasks;
    @Autowired EncounterNoteRepository notes;
    @Autowired SavedViewRepository views;

    String clinic;
    String patient;
    String clinician;
    String user;

    @BeforeEach
    void aClinicWithItsPeople() {
        clinic = data.organization();
        patient = data.patient(clinic, "MRN-C1");
        clinician = data.clinician(clinic);
        user = data.user();
        data.membership(clinic, user);
    }

    @Test
    void timeTasksAndNotesKeepEveryField() throws Exception {
        String vitals = "{\"systolic\": 150, \"diastolic\": 95, \"weightKg\": 81.2}";
        String[] ids = tenant.call(clinic, user, () -> {
            TimeLog log = new TimeLog(patient, clinician, TimeLogActivity.CALL_PATIENT, 20, clinic);
            log.setInteractiveCommunication(true);
            log.setBillable(true);
            log.setCptCode("99457");
            log.setStartedAt(STARTED);
            log.setEndedAt(STARTED.plusSeconds(20 * 60));
            log.setSource(TimeLogSource.TIMER);
            log.setCreatedById(user);
            timeLogs.save(log);
            Task task = new Task(clinic, TaskType.FOLLOW_UP_CALL, "Call about home BP readings");
            task.setPatientId(patient);
            task.setPriority(TaskPriority.HIGH);
            task.setDueDate(Instant.parse("2026-11-05T17:00:00Z"));
            task.setAssignedToId(user);
            tasks.save(task);
            EncounterNote note = new EncounterNote(clinic, patient, clinician, EncounterType.RPM);
            note.setSubjective("Headache since morning");
            note.setPlan("Increase lisinopril to 20 mg");
            note.setVitalsSnapshot(vitals);
            note.setAttestedById(user);
            note.setAttestedAt(STARTED.plusSeconds(3600));
            notes.save(note);
            return new String[] {log.getId(), task.getId(), note.getId()};
        });

        TimeLog log = tenant.call(clinic, () -> timeLogs.findById(ids[0]).orElseThrow());
        assertThat(log.getClinicianId()).isEqualTo(clinician);
        assertThat(log.getDuration()).isEqualTo(20);
        assertThat(log.isInteractiveCommunication()).isTrue();
        assertThat(log.isBillable()).isTrue();
        assertThat(log.getActivity()).isEqualTo(TimeLogActivity.CALL_PATIENT);
        assertThat(log.getSource()).isEqualTo(TimeLogSource.TIMER);
        assertThat(log.getEndedAt()).isEqualTo(Instant.parse("2026-11-04T10:20:00Z"));
        assertThat(log.getCreatedById()).isEqualTo(user);
        Task task = tenant.call(clinic, () -> tasks.findById(ids[1]).orElseThrow());
        assertThat(task.getStatus()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.getPriority()).isEqualTo(TaskPriority.HIGH);
        assertThat(task.getTitle()).isEqualTo("Call about home BP readings");
        assertThat(task.getAssignedToId()).isEqualTo(user);
        EncounterNote note = tenant.call(clinic, () -> notes.findById(ids[2]).orElseThrow());
        assertThat(note.getEncounterType()).isEqualTo(EncounterType.RPM);
        assertThat(note.getPlan()).isEqualTo("Increase lisinopril to 20 mg");
        assertThat(note.getAttestedAt()).isEqualTo(Instant.parse("2026-11-04T11:00:00Z"));
        assertThat(note.isLocked()).isFalse();
        JSONAssert.assertEquals(vitals, note.getVitalsSnapshot(), true);

        String otherClinic = data.organization();
        assertThat(tenant.call(otherClinic, () -> timeLogs.findById(ids[0]))).isEmpty();
        assertThat(tenant.call(otherClinic, () -> notes.findById(ids[2]))).isEmpty();
    }

    @Test
    void timeIsNeverLoggedAgainstAUserId() {
        assertThatThrownBy(() -> tenant.run(clinic, () -> timeLogs.saveAndFlush(
                new TimeLog(patient, user, TimeLogActivity.REVIEW_DATA, 20, clinic))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("time_logs_clinician_fkey");
        assertThat(tenant.call(clinic, () -> timeLogs.count())).isZero();
    }

    @Test
    void aUserHasOneDefaultViewPerType() throws Exception {
        String filters = "{\"severity\": [\"HIGH\", \"CRITICAL\"], \"status\": \"PENDING\"}";
        String id = tenant.call(clinic, user, () -> {
            SavedView view = new SavedView(clinic, user, "Urgent first", ViewType.TRIAGE_QUEUE);
            view.setFilters(filters);
            view.setDefault(true);
            view.setShared(true);
            return views.save(view).getId();
        });
        SavedView stored = tenant.call(clinic, () -> views.findById(id).orElseThrow());
        assertThat(stored.getUserId()).isEqualTo(user);
        assertThat(stored.getViewType()).isEqualTo(ViewType.TRIAGE_QUEUE);
        assertThat(stored.isDefault()).isTrue();
        assertThat(stored.isShared()).isTrue();
        assertThat(stored.getUsageCount()).isZero();
        JSONAssert.assertEquals(filters, stored.getFilters(), true);
        JSONAssert.assertEquals("{}", stored.getDisplayConfig(), true);

        SavedView secondDefault = new SavedView(clinic, user, "Oldest first", ViewType.TRIAGE_QUEUE);
        secondDefault.setDefault(true);
        assertThatThrownBy(() -> tenant.run(clinic, user, () -> views.saveAndFlush(secondDefault)))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("saved_views_one_default");
        // A non-default view of that type, and a default view of another type, are fine.
        tenant.run(clinic, user, () -> views.save(new SavedView(clinic, user, "Oldest first", ViewType.TRIAGE_QUEUE)));
        SavedView patientList = new SavedView(clinic, user, "My patients", ViewType.PATIENT_LIST);
        patientList.setDefault(true);
        tenant.run(clinic, user, () -> views.save(patientList));
        assertThat(tenant.call(clinic, () -> views.count())).isEqualTo(3);
    }
}
