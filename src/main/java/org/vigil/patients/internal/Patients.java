package org.vigil.patients.internal;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.audit.AuditedResource;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.shared.persistence.RefusedWrite;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.Versioned;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.shared.web.SortWhitelist;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Patients of the caller's organization: create, read, search, replace, deactivate, delete. Every
 * call runs in the caller's {@link TenantScope} (row-level security admits that organization's rows
 * only) and every read and write is audited in the same transaction.
 */
@Service
class Patients {

    static final AuditedResource PATIENT = AuditedResource.phi("Patient");

    static final SortWhitelist SORTS = SortWhitelist.of(Map.of(
            "lastName", "lastName", "firstName", "firstName", "dateOfBirth", "dateOfBirth",
            "medicalRecordNumber", "medicalRecordNumber", "createdAt", "createdAt"),
            Sort.by("lastName", "firstName"));


    private final TenantScope tenantScope;
    private final PatientRepository patients;
    private final JdbcTemplate jdbc;
    private final RecordAccessAudit audit;
    private final JsonMapper json;

    Patients(TenantScope tenantScope, PatientRepository patients, JdbcTemplate jdbc, RecordAccessAudit audit,
            JsonMapper json) {
        this.tenantScope = tenantScope;
        this.patients = patients;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
    }

    Versioned<PatientView> create(TenantPrincipal caller, PatientRequest request) {
        checkBirthDate(request);
        return uniqueMrn(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            refuseDuplicateMrn(request.medicalRecordNumber(), null);
            Patient patient = new Patient(caller.organizationId(), request.firstName(), request.lastName(),
                    request.dateOfBirth());
            apply(patient, request);
            Patient saved = patients.saveAndFlush(patient);
            audit.created(PATIENT, saved.getId(), saved.getId());
            return versioned(saved);
        }));
    }

    Versioned<PatientView> get(TenantPrincipal caller, String id) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Patient patient = find(id);
            audit.read(PATIENT, id, id);
            return versioned(patient);
        });
    }

    PageResponse<PatientView> search(TenantPrincipal caller, PatientSearchParams params, PageQuery paging) {
        Sort sort = SORTS.resolve(params.sort());
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Page<Patient> page = patients.findAll(matching(params), paging.pageable(sort));
            audit.searched(PATIENT, page.getContent().stream().map(Patient::getId).toList(), params.filtersUsed(),
                    null);
            return PageResponse.of(page, this::view);
        });
    }

    Versioned<PatientView> replace(TenantPrincipal caller, String id, long expectedVersion, PatientRequest request) {
        checkBirthDate(request);
        return uniqueMrn(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Patient patient = find(id);
            ETags.check(expectedVersion, patient.getVersion(), "patient");
            if (!Objects.equals(patient.getMedicalRecordNumber(), blankToNull(request.medicalRecordNumber()))) {
                refuseDuplicateMrn(request.medicalRecordNumber(), id);
            }
            Map<String, Object> before = snapshot(patient);
            patient.setFirstName(request.firstName());
            patient.setLastName(request.lastName());
            patient.setDateOfBirth(request.dateOfBirth());
            apply(patient, request);
            List<String> changed = changedFields(before, snapshot(patient));
            Patient saved = patients.saveAndFlush(patient);
            audit.updated(PATIENT, id, id, changed);
            return versioned(saved);
        }));
    }

    Versioned<PatientView> setActive(TenantPrincipal caller, String id, long expectedVersion, boolean active) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Patient patient = find(id);
            ETags.check(expectedVersion, patient.getVersion(), "patient");
            if (patient.isActive() == active) {
                return versioned(patient);
            }
            patient.setActive(active);
            Patient saved = patients.saveAndFlush(patient);
            audit.updated(PATIENT, id, id, Set.of("isActive"));
            return versioned(saved);
        });
    }

    /**
     * Deletes a patient entered by mistake. A patient with any clinical data (enrollments,
     * readings, diagnoses, consents, time logs…) is kept: the database refuses the delete (every
     * reference to a patient is ON DELETE RESTRICT) and the answer says what exists and to
     * deactivate instead.
     */
    void delete(TenantPrincipal caller, String id) {
        try {
            tenantScope.run(caller.organizationId(), caller.userId(), () -> {
                find(id);
                audit.deleted(PATIENT, id, id);
                jdbc.update("DELETE FROM patients WHERE id = ?", id);
            });
        } catch (DataIntegrityViolationException e) {
            String table = RefusedWrite.referencingTable(e);
            throw ApiProblem.refused("Patient has clinical data",
                    "This patient has " + (table == null ? "clinical data" : table.replace('_', ' '))
                            + " on record, which must be kept. Deactivate the patient instead: "
                            + "POST /api/v1/patients/{id}/deactivate keeps the history.");
        }
    }

    /** The patient with that id in the current organization, or 404 (also for another organization's id). */
    Patient find(String id) {
        return patients.findById(id).orElseThrow(() -> ApiProblem.notFound("patient"));
    }

    private void apply(Patient patient, PatientRequest request) {
        patient.setMedicalRecordNumber(blankToNull(request.medicalRecordNumber()));
        patient.setGender(request.gender());
        patient.setEmail(blankToNull(request.email()));
        patient.setPhone(blankToNull(request.phone()));
        patient.setAddress(blankToNull(request.address()));
        patient.setEmergencyContact(request.emergencyContact() == null ? null
                : json.writeValueAsString(request.emergencyContact()));
        patient.setInsuranceInfo(request.insuranceInfo() == null ? null
                : json.writeValueAsString(request.insuranceInfo()));
    }

    private void refuseDuplicateMrn(String medicalRecordNumber, String exceptId) {
        String mrn = blankToNull(medicalRecordNumber);
        if (mrn == null) {
            return;
        }
        // Row-level security limits this to the caller's organization: MRNs are unique per
        // organization, and another organization may use the same number.
        List<String> holders = jdbc.queryForList("SELECT id FROM patients WHERE medical_record_number = ?",
                String.class, mrn);
        if (holders.stream().anyMatch(holder -> !holder.equals(exceptId))) {
            throw duplicateMrn();
        }
    }

    private static ApiProblem duplicateMrn() {
        return ApiProblem.conflict("medicalRecordNumber", "Duplicate medical record number",
                "Another patient of this organization already has this medical record number.");
    }

    /** Two concurrent requests with the same MRN: the unique key decides, the loser gets 409 too. */
    private static Versioned<PatientView> uniqueMrn(java.util.function.Supplier<Versioned<PatientView>> work) {
        try {
            return work.get();
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(RefusedWrite.constraint(e)).equals("patients_organization_id_medical_record_number_key")) {
                throw duplicateMrn();
            }
            throw e;
        }
    }

    private static void checkBirthDate(PatientRequest request) {
        if (request.dateOfBirth() != null && request.dateOfBirth().isBefore(PatientRequest.EARLIEST_BIRTH_DATE)) {
            throw ApiProblem.invalid("dateOfBirth", "must be on or after 1900-01-01");
        }
    }

    private static Specification<Patient> matching(PatientSearchParams params) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (params.name() != null && !params.name().isBlank()) {
                for (String word : params.name().trim().toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
                    String pattern = org.vigil.shared.persistence.LikePattern.contains(word);
                    predicates.add(cb.or(cb.like(cb.lower(root.get("firstName")), pattern, '\\'),
                            cb.like(cb.lower(root.get("lastName")), pattern, '\\')));
                }
            }
            if (params.medicalRecordNumber() != null && !params.medicalRecordNumber().isBlank()) {
                predicates.add(cb.equal(root.get("medicalRecordNumber"), params.medicalRecordNumber().trim()));
            }
            if (params.dateOfBirth() != null) {
                predicates.add(cb.equal(root.get("dateOfBirth"), params.dateOfBirth()));
            }
            if (params.active() != null) {
                predicates.add(cb.equal(root.get("isActive"), params.active()));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private Versioned<PatientView> versioned(Patient patient) {
        return new Versioned<>(view(patient), patient.getVersion());
    }

    PatientView view(Patient patient) {
        return new PatientView(patient.getId(), patient.getMedicalRecordNumber(), patient.getFirstName(),
                patient.getLastName(), patient.getDateOfBirth(), patient.getGender(), patient.getEmail(),
                patient.getPhone(), patient.getAddress(),
                patient.getEmergencyContact() == null ? null
                        : json.readValue(patient.getEmergencyContact(), PatientRequest.EmergencyContact.class),
                patient.getInsuranceInfo() == null ? null
                        : json.readValue(patient.getInsuranceInfo(), PatientRequest.InsuranceInfo.class),
                patient.isActive(), patient.getCreatedAt(), patient.getUpdatedAt());
    }

    private static Map<String, Object> snapshot(Patient patient) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("medicalRecordNumber", patient.getMedicalRecordNumber());
        fields.put("firstName", patient.getFirstName());
        fields.put("lastName", patient.getLastName());
        fields.put("dateOfBirth", patient.getDateOfBirth());
        fields.put("gender", patient.getGender());
        fields.put("email", patient.getEmail());
        fields.put("phone", patient.getPhone());
        fields.put("address", patient.getAddress());
        fields.put("emergencyContact", patient.getEmergencyContact());
        fields.put("insuranceInfo", patient.getInsuranceInfo());
        return fields;
    }

    private static List<String> changedFields(Map<String, Object> before, Map<String, Object> after) {
        return before.keySet().stream().filter(key -> !Objects.equals(before.get(key), after.get(key))).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
