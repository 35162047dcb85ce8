package org.vigil.patients.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.vigil.audit.AuditedResource;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.shared.persistence.RefusedWrite;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.Versioned;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/**
 * A patient's diagnoses. At most one current (unresolved) primary diagnosis: marking another one
 * primary demotes the previous one in the same transaction. A code is listed once while current.
 */
@Service
class Diagnoses {

    static final AuditedResource DIAGNOSIS = AuditedResource.phi("PatientDiagnosis");


    private final TenantScope tenantScope;
    private final Patients patients;
    private final PatientDiagnosisRepository diagnoses;
    private final RecordAccessAudit audit;

    Diagnoses(TenantScope tenantScope, Patients patients, PatientDiagnosisRepository diagnoses,
            RecordAccessAudit audit) {
        this.tenantScope = tenantScope;
        this.patients = patients;
        this.diagnoses = diagnoses;
        this.audit = audit;
    }

    List<DiagnosisView> list(TenantPrincipal caller, String patientId) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            patients.find(patientId);
            List<PatientDiagnosis> found = diagnoses.findByPatientIdOrderByIsPrimaryDescCreatedAtAsc(patientId);
            audit.searched(DIAGNOSIS, found.stream().map(PatientDiagnosis::getId).toList(), List.of(), patientId);
            return found.stream().map(DiagnosisView::of).toList();
        });
    }

    Versioned<DiagnosisView> add(TenantPrincipal caller, String patientId, DiagnosisRequest request) {
        String code = checked(request);
        return unique(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            patients.find(patientId);
            PatientDiagnosis diagnosis = new PatientDiagnosis(caller.organizationId(), patientId);
            apply(diagnosis, code, request);
            demoteOtherPrimary(diagnosis);
            PatientDiagnosis saved = diagnoses.saveAndFlush(diagnosis);
            audit.created(DIAGNOSIS, saved.getId(), patientId);
            return new Versioned<>(DiagnosisView.of(saved), saved.getVersion());
        }));
    }

    Versioned<DiagnosisView> replace(TenantPrincipal caller, String patientId, String id, long expectedVersion,
            DiagnosisRequest request) {
        String code = checked(request);
        return unique(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            PatientDiagnosis diagnosis = find(patientId, id);
            ETags.check(expectedVersion, diagnosis.getVersion(), "diagnosis");
            List<String> changed = new ArrayList<>();
            track(changed, "icd10Code", diagnosis.getIcd10Code(), code);
            track(changed, "label", diagnosis.getLabel(), request.label());
            track(changed, "isPrimary", diagnosis.isPrimary(), request.primary());
            track(changed, "onsetDate", diagnosis.getOnsetDate(), request.onsetDate());
            track(changed, "resolvedDate", diagnosis.getResolvedDate(), request.resolvedDate());
            apply(diagnosis, code, request);
            demoteOtherPrimary(diagnosis);
            PatientDiagnosis saved = diagnoses.saveAndFlush(diagnosis);
            audit.updated(DIAGNOSIS, id, patientId, changed);
            return new Versioned<>(DiagnosisView.of(saved), saved.getVersion());
        }));
    }

    /** Removes a diagnosis entered in error (a diagnosis that ended is resolved, not deleted). */
    void delete(TenantPrincipal caller, String patientId, String id) {
        tenantScope.run(caller.organizationId(), caller.userId(), () -> {
            PatientDiagnosis diagnosis = find(patientId, id);
            audit.deleted(DIAGNOSIS, id, patientId);
            diagnoses.delete(diagnosis);
            diagnoses.flush();
        });
    }

    private PatientDiagnosis find(String patientId, String id) {
        patients.find(patientId);
        return diagnoses.findById(id).filter(d -> d.getPatientId().equals(patientId))
                .orElseThrow(() -> ApiProblem.notFound("diagnosis"));
    }

    private void demoteOtherPrimary(PatientDiagnosis diagnosis) {
        if (!diagnosis.isPrimary() || diagnosis.getResolvedDate() != null) {
            return;
        }
        for (PatientDiagnosis other : diagnoses.findByPatientIdOrderByIsPrimaryDescCreatedAtAsc(diagnosis.getPatientId())) {
            if (!other.getId().equals(diagnosis.getId()) && other.isPrimary() && other.getResolvedDate() == null) {
                other.setPrimary(false);
                diagnoses.saveAndFlush(other);
            }
        }
    }

    private static void apply(PatientDiagnosis diagnosis, String code, DiagnosisRequest request) {
        diagnosis.setIcd10Code(code);
        diagnosis.setLabel(request.label().trim());
        diagnosis.setPrimary(request.primary());
        diagnosis.setOnsetDate(request.onsetDate());
        diagnosis.setResolvedDate(request.resolvedDate());
    }

    private static String checked(DiagnosisRequest request) {
        String code = Icd10Code.normalize(request.icd10Code()).orElseThrow(() -> ApiProblem.invalid("icd10Code",
                "must be an ICD-10-CM code: a letter, two characters, then optionally '.' and up to four (e.g. E11.9)"));
        if (request.onsetDate() != null && request.resolvedDate() != null
                && request.resolvedDate().isBefore(request.onsetDate())) {
            throw ApiProblem.invalid("resolvedDate", "must not be before onsetDate");
        }
        return code;
    }

    private static Versioned<DiagnosisView> unique(java.util.function.Supplier<Versioned<DiagnosisView>> work) {
        try {
            return work.get();
        } catch (DataIntegrityViolationException e) {
            if ("patient_diagnoses_current_code".equals(RefusedWrite.constraint(e))) {
                throw ApiProblem.conflict("icd10Code", "Diagnosis already listed",
                        "This patient already has this diagnosis as a current one.");
            }
            throw e;
        }
    }

    private static void track(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }
}
