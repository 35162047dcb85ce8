package org.vigil.patients.internal;

import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.vigil.audit.AuditedResource;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.billing.BillingCatalog;
import org.vigil.billing.BillingProgramInfo;
import org.vigil.billing.RemoteMonitoring;
import org.vigil.library.ConditionPresetCatalog;
import org.vigil.library.ConditionPresetInfo;
import org.vigil.patients.EnrollmentStatus;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.shared.web.SortWhitelist;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enrollments of the caller's organization: a patient in a care program under a responsible
 * clinician, optionally billed under a billing program and driven by a condition preset.
 *
 * <p>Rules, checked first for a readable answer and backed by the database:
 * <ul>
 * <li>every referenced record exists here (composite foreign keys and the library-reference
 * trigger refuse anything else);</li>
 * <li>at most one ACTIVE enrollment of a patient in a care program (partial unique index, V25);</li>
 * <li>no RPM and RTM billing enrollments ACTIVE for the same patient over overlapping periods
 * ({@link RemoteMonitoringOverlap});</li>
 * <li>only the status changes {@link EnrollmentLifecycle} allows, through the status endpoint.</li>
 * </ul>
 * Writes for one patient are serialized by a transaction-scoped advisory lock, so two concurrent
 * requests cannot both pass the overlap check.
 */
@Service
class Enrollments {

    static final AuditedResource RESOURCE = AuditedResource.phi("Enrollment");
    static final SortWhitelist SORT = SortWhitelist.of(Map.of("startDate", "startDate", "endDate", "endDate",
            "status", "status", "createdAt", "createdAt"), Sort.by(Sort.Direction.DESC, "startDate"));

    private final TenantScope tenantScope;
    private final EnrollmentRepository enrollments;
    private final PatientRepository patients;
    private final ClinicianRepository clinicians;
    private final CareProgramRepository programs;
    private final BillingCatalog billing;
    private final ConditionPresetCatalog presets;
    private final RecordAccessAudit audit;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Enrollments(TenantScope tenantScope, EnrollmentRepository enrollments, PatientRepository patients,
            ClinicianRepository clinicians, CareProgramRepository programs, BillingCatalog billing,
            ConditionPresetCatalog presets, RecordAccessAudit audit, JdbcTemplate jdbc, JsonMapper json, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.tenantScope = tenantScope;
        this.enrollments = enrollments;
        this.patients = patients;
        this.clinicians = clinicians;
        this.programs = programs;
        this.billing = billing;
        this.presets = presets;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    EnrollmentView create(TenantPrincipal caller, EnrollmentCreateRequest request) {
        EnrollmentStatus status = request.status() == null ? EnrollmentStatus.ACTIVE : request.status();
        if (!EnrollmentLifecycle.INITIAL.contains(status)) {
            throw ApiProblem.invalid("status", "a new enrollment starts PENDING or ACTIVE; later statuses are set "
                    + "through POST /api/v1/enrollments/{id}/status");
        }
        requirePeriod(request.startDate(), request.endDate());
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            lockPatient(request.patientId());
            var patient = patients.findById(request.patientId())
                    .orElseThrow(() -> MissingReference.of("patientId", "patient"));
            if (!patient.isActive()) {
                throw ApiProblem.conflict("patientId", "Patient deactivated",
                        "The patient is deactivated; reactivate the patient before enrolling them.");
            }
            requireActiveClinician(request.clinicianId());
            CareProgram program = programs.findById(request.careProgramId())
                    .orElseThrow(() -> MissingReference.of("careProgramId", "care program"));
            if (!program.isActive()) {
                throw ApiProblem.conflict("careProgramId", "Care program deactivated",
                        "The care program is deactivated and takes no new enrollments.");
            }
            Optional<BillingProgramInfo> billingProgram = requireBillingProgram(request.billingProgramId());
            requirePreset(request.conditionPresetId());

            Enrollment enrollment = new Enrollment(caller.organizationId(), patient.getId(), request.clinicianId(),
                    program.getId(), micros(request.startDate()));
            enrollment.setStatus(status);
            enrollment.setStatusChangedAt(micros(clock.instant()));
            enrollment.setEndDate(micros(request.endDate()));
            enrollment.setBillingProgramId(Clinicians.blankToNull(request.billingProgramId()));
            enrollment.setConditionPresetId(Clinicians.blankToNull(request.conditionPresetId()));
            enrollment.setNotes(Clinicians.blankToNull(request.notes()));
            enrollment.setBillingEligibility(eligibility(request.billingEligibility()));
            if (status == EnrollmentStatus.ACTIVE) {
                requireOnlyActiveInProgram(enrollment);
                requireNoRemoteMonitoringOverlap(enrollment, billingProgram);
            }
            Enrollment saved = save(enrollment);
            audit.created(RESOURCE, saved.getId(), saved.getPatientId());
            return view(saved);
        });
    }

    EnrollmentView read(TenantPrincipal caller, String id) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Enrollment enrollment = find(id);
            audit.read(RESOURCE, id, enrollment.getPatientId());
            return view(enrollment);
        });
    }

    PageResponse<EnrollmentView> search(TenantPrincipal caller, EnrollmentSearch raw, PageQuery page, String sort) {
        Sort order = SORT.resolve(sort);
        EnrollmentSearch search = new EnrollmentSearch(Clinicians.blankToNull(raw.patientId()),
                Clinicians.blankToNull(raw.clinicianId()), Clinicians.blankToNull(raw.careProgramId()), raw.status());
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            if (search.patientId() != null && !patients.existsById(search.patientId())) {
                throw MissingReference.of("patientId", "patient");
            }
            if (search.clinicianId() != null && !clinicians.existsById(search.clinicianId())) {
                throw MissingReference.of("clinicianId", "clinician");
            }
            if (search.careProgramId() != null && !programs.existsById(search.careProgramId())) {
                throw MissingReference.of("careProgramId", "care program");
            }
            Page<Enrollment> found = enrollments.findAll(matching(search), page.pageable(order));
            audit.searched(RESOURCE, found.getContent().stream().map(Enrollment::getId).toList(), search.used(),
                    search.patientId());
            return PageResponse.of(found, this::view);
        });
    }

    EnrollmentView replace(TenantPrincipal caller, String id, long expectedVersion, EnrollmentUpdateRequest request) {
        requirePeriod(request.startDate(), request.endDate());
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Enrollment enrollment = find(id);
            lockPatient(enrollment.getPatientId());
            ETags.check(expectedVersion, enrollment.getVersion(), "enrollment");
            String billingProgramId = Clinicians.blankToNull(request.billingProgramId());
            String presetId = Clinicians.blankToNull(request.conditionPresetId());
            String eligibility = eligibility(request.billingEligibility());
            List<String> changed = new ArrayList<>();
            diff(changed, "clinicianId", enrollment.getClinicianId(), request.clinicianId());
            diff(changed, "billingProgramId", enrollment.getBillingProgramId(), billingProgramId);
            diff(changed, "conditionPresetId", enrollment.getConditionPresetId(), presetId);
            diff(changed, "startDate", enrollment.getStartDate(), micros(request.startDate()));
            diff(changed, "endDate", enrollment.getEndDate(), micros(request.endDate()));
            diff(changed, "notes", enrollment.getNotes(), Clinicians.blankToNull(request.notes()));
            if (!Objects.equals(enrollment.getBillingEligibility() == null ? null : json.readTree(enrollment.getBillingEligibility()),
                    eligibility == null ? null : json.readTree(eligibility))) {
                changed.add("billingEligibility");
            }
            if (changed.isEmpty()) {
                audit.read(RESOURCE, id, enrollment.getPatientId());
                return view(enrollment);
            }
            // A reference that changes must be usable now; one kept as it was stays valid.
            if (changed.contains("clinicianId")) {
                requireActiveClinician(request.clinicianId());
            }
            Optional<BillingProgramInfo> billingProgram = changed.contains("billingProgramId")
                    ? requireBillingProgram(billingProgramId) : billing.find(billingProgramId);
            if (changed.contains("conditionPresetId")) {
                requirePreset(presetId);
            }
            enrollment.setClinicianId(request.clinicianId());
            enrollment.setBillingProgramId(billingProgramId);
            enrollment.setConditionPresetId(presetId);
            enrollment.setStartDate(micros(request.startDate()));
            enrollment.setEndDate(micros(request.endDate()));
            enrollment.setNotes(Clinicians.blankToNull(request.notes()));
            enrollment.setBillingEligibility(eligibility);
            if (enrollment.getStatus() == EnrollmentStatus.ACTIVE) {
                requireNoRemoteMonitoringOverlap(enrollment, billingProgram);
            }
            Enrollment saved = save(enrollment);
            audit.updated(RESOURCE, id, saved.getPatientId(), changed);
            return view(saved);
        });
    }

    EnrollmentView changeStatus(TenantPrincipal caller, String id, long expectedVersion, StatusChangeRequest request) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Enrollment enrollment = find(id);
            lockPatient(enrollment.getPatientId());
            ETags.check(expectedVersion, enrollment.getVersion(), "enrollment");
            EnrollmentStatus from = enrollment.getStatus();
            EnrollmentStatus to = request.status();
            if (!EnrollmentLifecycle.allows(from, to)) {
                Set<EnrollmentStatus> next = EnrollmentLifecycle.next(from);
                throw ApiProblem.conflict("status", "Illegal status change", "An enrollment cannot go from " + from
                        + " to " + to + "; from " + from + " it can go to "
                        + (next.isEmpty() ? "no other status (it is final)" : next.toString()) + ".");
            }
            if (to == EnrollmentStatus.ACTIVE) {
                Clinician clinician = clinicians.findById(enrollment.getClinicianId()).orElseThrow();
                if (!clinician.isActive()) {
                    throw ApiProblem.conflict("clinicianId", "Clinician deactivated", "The enrollment's clinician is "
                            + "deactivated; assign an active clinician (PUT) before activating it.");
                }
                requireOnlyActiveInProgram(enrollment);
                requireNoRemoteMonitoringOverlap(enrollment, billing.find(enrollment.getBillingProgramId()));
            }
            List<String> changed = new ArrayList<>(List.of("status", "statusChangedAt"));
            Instant now = micros(clock.instant());
            Instant endDate = EnrollmentLifecycle.endDateAfter(to, enrollment.getStartDate(), enrollment.getEndDate(), now);
            if (!Objects.equals(endDate, enrollment.getEndDate())) {
                changed.add("endDate");
            }
            String reason = Clinicians.blankToNull(request.reason());
            if (!Objects.equals(reason, enrollment.getStatusReason())) {
                changed.add("statusReason");
            }
            enrollment.setStatus(to);
            enrollment.setStatusChangedAt(now);
            enrollment.setStatusReason(reason);
            enrollment.setEndDate(endDate);
            Enrollment saved = save(enrollment);
            audit.updated(RESOURCE, id, saved.getPatientId(), changed);
            return view(saved);
        });
    }

    private Enrollment find(String id) {
        return enrollments.findById(id).orElseThrow(() -> ApiProblem.notFound("enrollment"));
    }

    /** Serializes enrollment writes of one patient until the transaction ends. */
    private void lockPatient(String patientId) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> null, "vigil.enrollments:" + patientId);
    }

    /** PostgreSQL keeps microseconds; so does the API, so that re-sending a read value changes nothing. */
    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static void requirePeriod(Instant start, Instant end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiProblem.invalid("endDate", "must not be before startDate");
        }
    }

    private void requireActiveClinician(String clinicianId) {
        Clinician clinician = clinicians.findById(clinicianId)
                .orElseThrow(() -> MissingReference.of("clinicianId", "clinician"));
        if (!clinician.isActive()) {
            throw ApiProblem.conflict("clinicianId", "Clinician deactivated",
                    "The clinician is deactivated; choose an active clinician.");
        }
    }

    private Optional<BillingProgramInfo> requireBillingProgram(String billingProgramId) {
        if (billingProgramId == null || billingProgramId.isBlank()) {
            return Optional.empty();
        }
        BillingProgramInfo program = billing.find(billingProgramId.trim())
                .orElseThrow(() -> MissingReference.of("billingProgramId", "billing program"));
        if (!program.active()) {
            throw ApiProblem.conflict("billingProgramId", "Billing program retired",
                    "The billing program is no longer active; choose a current one.");
        }
        return Optional.of(program);
    }

    private void requirePreset(String presetId) {
        if (presetId == null || presetId.isBlank()) {
            return;
        }
        ConditionPresetInfo preset = presets.findVisible(presetId.trim())
                .orElseThrow(() -> MissingReference.of("conditionPresetId", "condition preset"));
        if (!preset.active()) {
            throw ApiProblem.conflict("conditionPresetId", "Condition preset retired",
                    "The condition preset is no longer active; choose an active one.");
        }
    }

    private void requireOnlyActiveInProgram(Enrollment enrollment) {
        if (enrollments.existsByPatientIdAndCareProgramIdAndStatusAndIdNot(enrollment.getPatientId(),
                enrollment.getCareProgramId(), EnrollmentStatus.ACTIVE, enrollment.getId())) {
            throw alreadyActive();
        }
    }

    private static ApiProblem alreadyActive() {
        return ApiProblem.refused("Already enrolled", "The patient already has an ACTIVE enrollment in this care "
                + "program. Complete, withdraw or pause (INACTIVE) that one first.");
    }

    /** billing-and-clinical-codes.md §1.1/§1.9, billing-rules-verified.md §C rule 16 (see RemoteMonitoringOverlap). */
    private void requireNoRemoteMonitoringOverlap(Enrollment enrollment, Optional<BillingProgramInfo> billingProgram) {
        Set<RemoteMonitoring> families = billingProgram.map(BillingProgramInfo::remoteMonitoring).orElse(Set.of());
        if (families.isEmpty()) {
            return;
        }
        Map<String, Set<RemoteMonitoring>> familiesByProgram = new HashMap<>();
        List<RemoteMonitoringOverlap.Period> others = enrollments
                .findByPatientIdAndStatusAndBillingProgramIdNotNull(enrollment.getPatientId(), EnrollmentStatus.ACTIVE)
                .stream()
                .map(other -> new RemoteMonitoringOverlap.Period(other.getId(),
                        familiesByProgram.computeIfAbsent(other.getBillingProgramId(),
                                programId -> billing.find(programId).map(BillingProgramInfo::remoteMonitoring).orElse(Set.of())),
                        other.getStartDate(), other.getEndDate()))
                .toList();
        RemoteMonitoringOverlap.conflict(new RemoteMonitoringOverlap.Period(enrollment.getId(), families,
                enrollment.getStartDate(), enrollment.getEndDate()), others).ifPresent(conflict -> {
                    throw ApiProblem.conflict("billingProgramId", "RPM and RTM at the same time",
                            "Medicare does not pay remote physiologic monitoring (RPM) and remote therapeutic monitoring "
                                    + "(RTM) for the same patient in the same period. This patient's active enrollment "
                                    + conflict.enrollmentId() + " bills " + conflict.families() + " over an overlapping "
                                    + "period; end it first, or choose another billing program.");
                });
    }

    private String eligibility(BillingEligibility eligibility) {
        return eligibility == null ? null : json.writeValueAsString(eligibility);
    }

    private Enrollment save(Enrollment enrollment) {
        try {
            Enrollment saved = enrollments.saveAndFlush(enrollment);
            events.publishEvent(new org.vigil.patients.EnrollmentChanged(saved.getOrganizationId(), saved.getId(),
                    saved.getPatientId(), saved.getStatus()));
            return saved;
        } catch (ObjectOptimisticLockingFailureException e) {
            throw ETags.stale("enrollment");
        } catch (DataIntegrityViolationException e) {
            String constraint = org.vigil.shared.persistence.RefusedWrite.violated(e, "enrollments_one_active_per_patient_program",
                    "enrollments_patient_fkey", "enrollments_clinician_fkey", "enrollments_care_program_fkey",
                    "enrollments_billing_program_id_fkey", "references condition_presets.id", "enrollments_period")
                    .orElseThrow(() -> e);
            throw switch (constraint) {
                case "enrollments_one_active_per_patient_program" -> alreadyActive();
                case "enrollments_patient_fkey" -> MissingReference.of("patientId", "patient");
                case "enrollments_clinician_fkey" -> MissingReference.of("clinicianId", "clinician");
                case "enrollments_care_program_fkey" -> MissingReference.of("careProgramId", "care program");
                case "enrollments_billing_program_id_fkey" -> MissingReference.of("billingProgramId", "billing program");
                case "references condition_presets.id" -> MissingReference.of("conditionPresetId", "condition preset");
                default -> ApiProblem.invalid("endDate", "must not be before startDate");
            };
        }
    }

    private EnrollmentView view(Enrollment e) {
        return new EnrollmentView(e.getId(), e.getPatientId(), e.getClinicianId(), e.getCareProgramId(),
                e.getBillingProgramId(), e.getConditionPresetId(), e.getStatus(), e.getStatusChangedAt(),
                e.getStatusReason(), e.getStartDate(), e.getEndDate(), e.getNotes(),
                e.getBillingEligibility() == null ? null : json.readTree(e.getBillingEligibility()),
                e.getVersion(), e.getCreatedAt(), e.getUpdatedAt());
    }

    private static void diff(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private static Specification<Enrollment> matching(EnrollmentSearch search) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (search.patientId() != null) {
                where.add(cb.equal(root.get("patientId"), search.patientId()));
            }
            if (search.clinicianId() != null) {
                where.add(cb.equal(root.get("clinicianId"), search.clinicianId()));
            }
            if (search.careProgramId() != null) {
                where.add(cb.equal(root.get("careProgramId"), search.careProgramId()));
            }
            if (search.status() != null) {
                where.add(cb.equal(root.get("status"), search.status()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
