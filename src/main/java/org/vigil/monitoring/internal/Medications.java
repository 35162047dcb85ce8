package org.vigil.monitoring.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.audit.AuditedResource;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.monitoring.AdherenceStatus;
import org.vigil.monitoring.ObservationSource;
import org.vigil.patients.PatientDirectory;
import org.vigil.shared.persistence.RefusedWrite;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.Versioned;
import org.vigil.tenancy.OrganizationZones;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient's medications and the outcome of each scheduled dose. Every read and write is audited
 * with the patient; another organization's patient or medication is not found.
 */
@Service
class Medications {

    static final AuditedResource MEDICATION = AuditedResource.phi("PatientMedication");
    static final AuditedResource ADHERENCE = AuditedResource.phi("MedicationAdherence");
    /** A dose reported as taken more than this far in the future is a clock or entry error. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);


    private final TenantScope tenantScope;
    private final PatientDirectory patients;
    private final PatientMedicationRepository medications;
    private final MedicationAdherenceRepository adherence;
    private final JdbcTemplate jdbc;
    private final RecordAccessAudit audit;
    private final OrganizationZones zones;
    private final JsonMapper json;
    private final Clock clock;

    Medications(TenantScope tenantScope, PatientDirectory patients, PatientMedicationRepository medications,
            MedicationAdherenceRepository adherence, JdbcTemplate jdbc, RecordAccessAudit audit,
            OrganizationZones zones, JsonMapper json, Clock clock) {
        this.tenantScope = tenantScope;
        this.patients = patients;
        this.medications = medications;
        this.adherence = adherence;
        this.jdbc = jdbc;
        this.audit = audit;
        this.zones = zones;
        this.json = json;
        this.clock = clock;
    }

    List<MedicationView> list(TenantPrincipal caller, String patientId) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            requirePatient(patientId);
            List<String> ids = jdbc.queryForList("SELECT id FROM patient_medications WHERE patient_id = ? "
                    + "ORDER BY is_active DESC, start_date DESC, id", String.class, patientId);
            List<MedicationView> views = new ArrayList<>();
            for (String id : ids) {
                views.add(view(medications.findById(id).orElseThrow()));
            }
            audit.searched(MEDICATION, ids, List.of(), patientId);
            return views;
        });
    }

    Versioned<MedicationView> add(TenantPrincipal caller, String patientId, MedicationRequest request) {
        check(request);
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            requirePatient(patientId);
            PatientMedication medication = new PatientMedication(caller.organizationId(), patientId,
                    request.medicationName().trim(), request.startDate());
            apply(medication, request);
            PatientMedication saved = medications.saveAndFlush(medication);
            audit.created(MEDICATION, saved.getId(), patientId);
            return new Versioned<>(view(saved), saved.getVersion());
        });
    }

    Versioned<MedicationView> replace(TenantPrincipal caller, String patientId, String id, long expectedVersion,
            MedicationRequest request) {
        check(request);
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            PatientMedication medication = find(patientId, id);
            ETags.check(expectedVersion, medication.getVersion(), "medication");
            medication.setMedicationName(request.medicationName().trim());
            medication.setStartDate(request.startDate());
            apply(medication, request);
            PatientMedication saved = medications.saveAndFlush(medication);
            audit.updated(MEDICATION, id, patientId, List.of("medication"));
            return new Versioned<>(view(saved), saved.getVersion());
        });
    }

    /** Stops a medication on {@code endDate}; its history and adherence stay. */
    Versioned<MedicationView> discontinue(TenantPrincipal caller, String patientId, String id, long expectedVersion,
            LocalDate endDate) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            PatientMedication medication = find(patientId, id);
            ETags.check(expectedVersion, medication.getVersion(), "medication");
            if (endDate.isBefore(medication.getStartDate())) {
                throw ApiProblem.invalid("endDate", "must not be before the medication's start date");
            }
            medication.setEndDate(endDate);
            medication.setActive(false);
            PatientMedication saved = medications.saveAndFlush(medication);
            audit.updated(MEDICATION, id, patientId, List.of("endDate", "isActive"));
            return new Versioned<>(view(saved), saved.getVersion());
        });
    }

    AdherenceView record(TenantPrincipal caller, String patientId, String id, AdherenceRequest request) {
        boolean taken = request.status() == AdherenceStatus.TAKEN || request.status() == AdherenceStatus.LATE;
        if (taken && request.takenAt() == null) {
            throw ApiProblem.invalid("takenAt", "is required when the dose was taken");
        }
        if (!taken && request.takenAt() != null) {
            throw ApiProblem.invalid("takenAt", "is only given for a dose that was taken");
        }
        Instant latest = clock.instant().plus(FUTURE_TOLERANCE);
        if (request.takenAt() != null && request.takenAt().isAfter(latest)) {
            throw ApiProblem.invalid("takenAt", "must not be in the future");
        }
        try {
            return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
                PatientMedication medication = find(patientId, id);
                ZoneId zone = zones.zoneOf(caller.organizationId());
                LocalDate day = request.scheduledFor().atZone(zone).toLocalDate();
                if (day.isBefore(medication.getStartDate())
                        || (medication.getEndDate() != null && day.isAfter(medication.getEndDate()))) {
                    throw ApiProblem.invalid("scheduledFor", "falls outside the medication's start and end dates");
                }
                MedicationAdherence event = new MedicationAdherence(caller.organizationId(), id,
                        request.scheduledFor(), request.status());
                event.setTakenAt(request.takenAt());
                event.setSource(ObservationSource.MANUAL);
                event.setNotes(request.notes());
                MedicationAdherence saved = adherence.saveAndFlush(event);
                audit.created(ADHERENCE, saved.getId(), patientId);
                return view(saved);
            });
        } catch (DataIntegrityViolationException e) {
            if ("medication_adherence_patient_medication_id_scheduled_for_key".equals(RefusedWrite.constraint(e))) {
                throw ApiProblem.conflict("scheduledFor", "Dose already recorded",
                        "The outcome of this scheduled dose is already recorded.");
            }
            throw e;
        }
    }

    record AdherencePage(List<AdherenceView> events, AdherenceSummary summary) {
    }

    AdherencePage adherence(TenantPrincipal caller, String patientId, String id, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiProblem.invalid("to", "must not be before 'from'");
        }
        if (from.plusDays(366).isBefore(to)) {
            throw ApiProblem.invalid("to", "may be at most 366 days after 'from'");
        }
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            PatientMedication medication = find(patientId, id);
            ZoneId zone = zones.zoneOf(caller.organizationId());
            Instant start = from.atStartOfDay(zone).toInstant();
            Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
            List<AdherenceView> events = jdbc.query("SELECT id, patient_medication_id, scheduled_for, status, taken_at, "
                    + "source, created_at FROM medication_adherence WHERE patient_medication_id = ? AND scheduled_for >= ? "
                    + "AND scheduled_for < ? ORDER BY scheduled_for", (rs, n) -> new AdherenceView(rs.getString(1),
                    rs.getString(2), rs.getTimestamp(3).toInstant(), AdherenceStatus.valueOf(rs.getString(4)),
                    rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6),
                    rs.getTimestamp(7).toInstant()), id, java.sql.Timestamp.from(start), java.sql.Timestamp.from(end));
            Map<String, Integer> counts = new HashMap<>();
            events.forEach(event -> counts.merge(event.status().name(), 1, Integer::sum));
            AdherenceSummary summary = AdherenceSummary.of(schedule(medication), medication.getStartDate(),
                    medication.getEndDate(), from, to, counts);
            audit.searched(ADHERENCE, events.stream().map(AdherenceView::id).toList(), List.of("from", "to"), patientId);
            return new AdherencePage(events, summary);
        });
    }

    private void requirePatient(String patientId) {
        patients.find(patientId).orElseThrow(() -> ApiProblem.notFound("patient"));
    }

    private PatientMedication find(String patientId, String id) {
        requirePatient(patientId);
        return medications.findById(id).filter(m -> m.getPatientId().equals(patientId))
                .orElseThrow(() -> ApiProblem.notFound("medication"));
    }

    private static void check(MedicationRequest request) {
        if (request.endDate() != null && request.endDate().isBefore(request.startDate())) {
            throw ApiProblem.invalid("endDate", "must not be before startDate");
        }
        if ((request.doseAmount() == null) != (request.doseUnit() == null || request.doseUnit().isBlank())) {
            throw ApiProblem.invalid(request.doseAmount() == null ? "doseAmount" : "doseUnit",
                    "is required with " + (request.doseAmount() == null ? "doseUnit" : "doseAmount"));
        }
        MedicationSchedule schedule = request.schedule();
        if (schedule != null && !schedule.isAsNeeded() && (schedule.timesOfDay() == null || schedule.timesOfDay().isEmpty())) {
            throw ApiProblem.invalid("schedule.timesOfDay", "are required unless the medication is taken as needed");
        }
        if (schedule != null && schedule.timesOfDay() != null
                && schedule.timesOfDay().stream().distinct().count() < schedule.timesOfDay().size()) {
            throw ApiProblem.invalid("schedule.timesOfDay", "lists a time twice");
        }
    }

    private void apply(PatientMedication medication, MedicationRequest request) {
        if (request.drugId() != null && !Objects.equals(request.drugId(), medication.getDrugId())) {
            Integer visible = jdbc.queryForObject("SELECT count(*) FROM drugs WHERE id = ? AND is_active", Integer.class,
                    request.drugId());
            if (visible == null || visible == 0) {
                throw ApiProblem.invalid("drugId", "names no drug of the formulary");
            }
        }
        if (request.prescriberId() != null && !Objects.equals(request.prescriberId(), medication.getPrescriberId())) {
            Integer visible = jdbc.queryForObject("SELECT count(*) FROM clinicians WHERE id = ?", Integer.class,
                    request.prescriberId());
            if (visible == null || visible == 0) {
                throw ApiProblem.invalid("prescriberId", "names no clinician of this organization");
            }
        }
        medication.setDrugId(request.drugId());
        medication.setDoseAmount(request.doseAmount());
        medication.setDoseUnit(request.doseUnit() == null || request.doseUnit().isBlank() ? null : request.doseUnit().trim());
        medication.setDosage(request.doseAmount() == null ? null
                : request.doseAmount().stripTrailingZeros().toPlainString() + " " + medication.getDoseUnit());
        medication.setRoute(request.route());
        MedicationSchedule schedule = request.schedule() == null ? null : request.schedule().normalized();
        medication.setSchedule(schedule == null ? null : json.writeValueAsString(schedule));
        medication.setDosesPerDay(schedule == null || schedule.dosesPerDay() == 0 ? null : schedule.dosesPerDay());
        medication.setFrequency(schedule == null ? null : schedule.isAsNeeded() ? "as needed"
                : schedule.dosesPerDay() + " times a day" + (schedule.daysOfWeek() == null || schedule.daysOfWeek().isEmpty()
                        ? "" : " on " + String.join(", ", schedule.daysOfWeek())));
        medication.setPrescriberId(request.prescriberId());
        medication.setEndDate(request.endDate());
        medication.setInstructions(request.instructions());
        medication.setActive(request.endDate() == null || !request.endDate().isBefore(LocalDate.now(clock)));
    }

    private MedicationSchedule schedule(PatientMedication medication) {
        return medication.getSchedule() == null ? null : json.readValue(medication.getSchedule(), MedicationSchedule.class);
    }

    private MedicationView view(PatientMedication medication) {
        BigDecimal amount = medication.getDoseAmount();
        return new MedicationView(medication.getId(), medication.getPatientId(), medication.getDrugId(),
                medication.getMedicationName(), amount == null ? null : amount.stripTrailingZeros(),
                medication.getDoseUnit(), medication.getDosage(), medication.getRoute(), schedule(medication),
                medication.getFrequency(), medication.getDosesPerDay(), medication.getPrescriberId(),
                medication.getStartDate(), medication.getEndDate(), medication.isActive(), medication.getInstructions(),
                medication.getUpdatedAt());
    }

    private static AdherenceView view(MedicationAdherence event) {
        return new AdherenceView(event.getId(), event.getPatientMedicationId(), event.getScheduledFor(),
                event.getStatus(), event.getTakenAt(), event.getSource().name(), event.getCreatedAt());
    }
}
