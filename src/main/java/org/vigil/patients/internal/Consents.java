package org.vigil.patients.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.vigil.audit.AuditedResource;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.patients.ConsentType;
import org.vigil.shared.web.ApiProblem;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/**
 * A patient's documented consents. A consent is a legal record: it is recorded once, never edited
 * or deleted, and can be revoked once (the database enforces the same with a trigger).
 */
@Service
class Consents {

    static final AuditedResource CONSENT = AuditedResource.phi("PatientConsent");

    private final TenantScope tenantScope;
    private final Patients patients;
    private final PatientConsentRepository consents;
    private final RecordAccessAudit audit;

    Consents(TenantScope tenantScope, Patients patients, PatientConsentRepository consents, RecordAccessAudit audit) {
        this.tenantScope = tenantScope;
        this.patients = patients;
        this.consents = consents;
        this.audit = audit;
    }

    List<ConsentView> list(TenantPrincipal caller, String patientId) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            patients.find(patientId);
            List<PatientConsent> found = consents.findByPatientIdOrderByConsentedOnDescCreatedAtDesc(patientId);
            audit.searched(CONSENT, found.stream().map(PatientConsent::getId).toList(), List.of(), patientId);
            return found.stream().map(ConsentView::of).toList();
        });
    }

    ConsentView record(TenantPrincipal caller, String patientId, ConsentRequest request) {
        if (request.type() == ConsentType.PROGRAM && request.programType() == null) {
            throw ApiProblem.invalid("programType", "is required for a PROGRAM consent (which kind of program)");
        }
        if (request.type() != ConsentType.PROGRAM && request.programType() != null) {
            throw ApiProblem.invalid("programType", "is only given for a PROGRAM consent");
        }
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            patients.find(patientId);
            PatientConsent consent = consents.saveAndFlush(new PatientConsent(caller.organizationId(), patientId,
                    request.type(), request.programType(), request.consentedOn(), request.method(),
                    request.costSharingAcknowledged(), caller.userId()));
            audit.created(CONSENT, consent.getId(), patientId);
            return ConsentView.of(consent);
        });
    }

    ConsentView revoke(TenantPrincipal caller, String patientId, String id, LocalDate revokedOn) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            patients.find(patientId);
            PatientConsent consent = consents.findById(id).filter(c -> c.getPatientId().equals(patientId))
                    .orElseThrow(() -> ApiProblem.notFound("consent"));
            if (consent.getRevokedOn() != null) {
                throw ApiProblem.refused("Already revoked", "This consent was revoked on " + consent.getRevokedOn()
                        + "; a revocation cannot be changed. Record a new consent if the patient consents again.");
            }
            if (revokedOn.isBefore(consent.getConsentedOn())) {
                throw ApiProblem.invalid("revokedOn", "must not be before the consent's date");
            }
            consent.revoke(revokedOn);
            PatientConsent saved = consents.saveAndFlush(consent);
            audit.updated(CONSENT, id, patientId, Set.of("revokedOn"));
            return ConsentView.of(saved);
        });
    }
}
