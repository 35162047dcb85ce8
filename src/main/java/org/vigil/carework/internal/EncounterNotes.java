package org.vigil.carework.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.audit.AuditedResource;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.patients.BillingCapacity;
import org.vigil.patients.PatientDirectory;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encounter notes in SOAP form, with attestation. The rules:
 * <ul>
 * <li>A note is written by a clinician: its {@code clinicianId} is the caller's linked, active
 * clinician profile (a user without one gets 409, as for time logs).</li>
 * <li>Until attested, any member with NOTE_WRITE may revise it (If-Match; the changed fields are
 * audited) — a physician reviewing a nurse's note may amend the plan before signing.</li>
 * <li>Attestation signs the note: {@code attestedById} = the caller, {@code attestedAt} = now,
 * {@code isLocked} = true. Only the note's author (the member linked to its clinician) or a member
 * whose clinician profile is a physician or qualified health care professional
 * ({@link BillingCapacity#physicianOrQhp()}) may attest; anyone else gets 403.</li>
 * <li>A locked note never changes again (409), and the database refuses any UPDATE or DELETE of a
 * locked row (trigger {@code encounter_notes_locked}), so no code path can edit one.</li>
 * </ul>
 */
@Service
class EncounterNotes {

    static final AuditedResource NOTE = AuditedResource.phi("EncounterNote");

    private final TenantScope tenantScope;
    private final PatientDirectory directory;
    private final EncounterNoteRepository notes;
    private final JdbcTemplate jdbc;
    private final RecordAccessAudit audit;
    private final JsonMapper json;
    private final Clock clock;

    EncounterNotes(TenantScope tenantScope, PatientDirectory directory, EncounterNoteRepository notes,
            JdbcTemplate jdbc, RecordAccessAudit audit, JsonMapper json, Clock clock) {
        this.tenantScope = tenantScope;
        this.directory = directory;
        this.notes = notes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    EncounterNoteView create(TenantPrincipal caller, String patientId, EncounterNoteRequest request) {
        String vitals = vitals(request.vitalsSnapshot());
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            requirePatient(patientId);
            String clinician = clinicianOf(caller);
            EncounterNote note = new EncounterNote(caller.organizationId(), patientId, clinician,
                    request.encounterType());
            apply(note, request, alertOf(patientId, request.alertId()), vitals);
            EncounterNote saved = notes.saveAndFlush(note);
            audit.created(NOTE, saved.getId(), patientId);
            return view(saved);
        });
    }

    EncounterNoteView get(TenantPrincipal caller, String patientId, String noteId) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            EncounterNote note = find(patientId, noteId);
            audit.read(NOTE, noteId, patientId);
            return view(note);
        });
    }

    PageResponse<EncounterNoteView> list(TenantPrincipal caller, String patientId, PageQuery paging) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            requirePatient(patientId);
            Page<EncounterNote> page = notes.findByPatientId(patientId,
                    paging.pageable(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
            audit.searched(NOTE, page.getContent().stream().map(EncounterNote::getId).toList(), List.of("patientId"),
                    patientId);
            return PageResponse.of(page, this::view);
        });
    }

    EncounterNoteView update(TenantPrincipal caller, String patientId, String noteId, long expectedVersion,
            EncounterNoteRequest request) {
        String vitals = vitals(request.vitalsSnapshot());
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            EncounterNote note = find(patientId, noteId);
            requireUnlocked(note);
            ETags.check(expectedVersion, note.getVersion(), "encounter note");
            String alert = alertOf(patientId, request.alertId());
            List<String> changed = new ArrayList<>();
            track(changed, "encounterType", note.getEncounterType(), request.encounterType());
            track(changed, "subjective", note.getSubjective(), request.subjective());
            track(changed, "objective", note.getObjective(), request.objective());
            track(changed, "assessment", note.getAssessment(), request.assessment());
            track(changed, "plan", note.getPlan(), request.plan());
            track(changed, "additionalNotes", note.getAdditionalNotes(), request.additionalNotes());
            track(changed, "alertId", note.getAlertId(), alert);
            track(changed, "vitalsSnapshot", tree(note.getVitalsSnapshot()), tree(vitals));
            apply(note, request, alert, vitals);
            EncounterNote saved = notes.saveAndFlush(note);
            audit.updated(NOTE, noteId, patientId, changed);
            return view(saved);
        });
    }

    EncounterNoteView attest(TenantPrincipal caller, String patientId, String noteId, long expectedVersion) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            EncounterNote note = find(patientId, noteId);
            requireUnlocked(note);
            ETags.check(expectedVersion, note.getVersion(), "encounter note");
            boolean author = directory.clinicianOf(caller.userId())
                    .filter(PatientDirectory.ClinicianRef::active)
                    .map(clinician -> clinician.id().equals(note.getClinicianId()))
                    .orElse(false);
            boolean physicianOrQhp = directory.capacityOf(caller.userId())
                    .map(BillingCapacity::physicianOrQhp).orElse(false);
            if (!author && !physicianOrQhp) {
                throw ApiProblem.forbidden("Not allowed to attest", "Only the note's author or a member whose "
                        + "clinician profile is a physician or qualified health care professional may attest it.");
            }
            if (Stream.of(note.getSubjective(), note.getObjective(), note.getAssessment(), note.getPlan(),
                    note.getAdditionalNotes()).allMatch(section -> section == null || section.isBlank())) {
                throw ApiProblem.refused("Nothing to attest", "The note has no content; write at least one section "
                        + "before attesting it.");
            }
            note.setAttestedById(caller.userId());
            note.setAttestedAt(clock.instant());
            note.setLocked(true);
            EncounterNote saved = notes.saveAndFlush(note);
            audit.updated(NOTE, noteId, patientId, List.of("isLocked", "attestedById", "attestedAt"));
            return view(saved);
        });
    }

    private void apply(EncounterNote note, EncounterNoteRequest request, String alertId, String vitals) {
        note.setEncounterType(request.encounterType());
        note.setSubjective(request.subjective());
        note.setObjective(request.objective());
        note.setAssessment(request.assessment());
        note.setPlan(request.plan());
        note.setAdditionalNotes(request.additionalNotes());
        note.setAlertId(alertId);
        note.setVitalsSnapshot(vitals);
    }

    /** The alert, when named: one of this patient's (400 naming alertId otherwise). */
    private String alertOf(String patientId, String alertId) {
        if (alertId == null || alertId.isBlank()) {
            return null;
        }
        List<String> owner = jdbc.queryForList("SELECT patient_id FROM alerts WHERE id = ?", String.class,
                alertId.trim());
        if (owner.isEmpty() || !owner.get(0).equals(patientId)) {
            throw ApiProblem.invalid("alertId", "names no alert of this patient");
        }
        return alertId.trim();
    }

    private String vitals(JsonNode snapshot) {
        org.vigil.shared.web.BoundedJson.problem(snapshot, EncounterNoteRequest.MAX_VITALS_BYTES).ifPresent(problem -> {
            throw ApiProblem.invalid("vitalsSnapshot", problem);
        });
        return snapshot == null || snapshot.isNull() || snapshot.isMissingNode() ? null
                : json.writeValueAsString(snapshot);
    }

    private JsonNode tree(String stored) {
        return stored == null ? null : json.readTree(stored);
    }

    private EncounterNoteView view(EncounterNote note) {
        return new EncounterNoteView(note.getId(), note.getPatientId(), note.getClinicianId(), note.getAlertId(),
                note.getEncounterType(), note.getSubjective(), note.getObjective(), note.getAssessment(),
                note.getPlan(), note.getAdditionalNotes(), tree(note.getVitalsSnapshot()), note.isLocked(),
                note.getAttestedById(), note.getAttestedAt(), note.getCreatedAt(), note.getUpdatedAt(),
                note.getVersion());
    }

    private String clinicianOf(TenantPrincipal caller) {
        PatientDirectory.ClinicianRef clinician = directory.clinicianOf(caller.userId()).orElseThrow(() ->
                ApiProblem.refused("No clinician profile", "Your account is not linked to a clinician profile in this "
                        + "organization, and an encounter note is written by a clinician. Ask an administrator to "
                        + "link it."));
        if (!clinician.active()) {
            throw ApiProblem.refused("Clinician inactive", "Your clinician profile is deactivated.");
        }
        return clinician.id();
    }

    private static void requireUnlocked(EncounterNote note) {
        if (note.isLocked()) {
            throw ApiProblem.refused("Note locked", "The note was attested on " + note.getAttestedAt()
                    + " and is locked; it can no longer change.");
        }
    }

    private void requirePatient(String patientId) {
        directory.find(patientId).orElseThrow(() -> ApiProblem.notFound("patient"));
    }

    private EncounterNote find(String patientId, String noteId) {
        return notes.findById(noteId).filter(note -> note.getPatientId().equals(patientId))
                .orElseThrow(() -> ApiProblem.notFound("encounter note"));
    }

    private static void track(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }
}
