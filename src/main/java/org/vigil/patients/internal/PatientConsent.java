package org.vigil.patients.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.vigil.patients.CareProgramType;
import org.vigil.patients.ConsentMethod;
import org.vigil.patients.ConsentType;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code patient_consents}: a documented consent; only its revocation ever changes. */
@Entity
@Table(name = "patient_consents")
public class PatientConsent extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private String patientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, updatable = false)
    private ConsentType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "program_type", updatable = false)
    private CareProgramType programType;

    @Column(name = "consented_on", nullable = false, updatable = false)
    private LocalDate consentedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", nullable = false, updatable = false)
    private ConsentMethod method;

    @Column(name = "cost_sharing_acknowledged", nullable = false, updatable = false)
    private boolean costSharingAcknowledged;

    @Column(name = "recorded_by_user_id", updatable = false)
    private String recordedByUserId;

    @Column(name = "revoked_on")
    private LocalDate revokedOn;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PatientConsent() {
    }

    public PatientConsent(String organizationId, String patientId, ConsentType type, CareProgramType programType,
            LocalDate consentedOn, ConsentMethod method, boolean costSharingAcknowledged, String recordedByUserId) {
        this.organizationId = organizationId;
        this.patientId = patientId;
        this.type = type;
        this.programType = programType;
        this.consentedOn = consentedOn;
        this.method = method;
        this.costSharingAcknowledged = costSharingAcknowledged;
        this.recordedByUserId = recordedByUserId;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getPatientId() {
        return patientId;
    }

    public ConsentType getType() {
        return type;
    }

    public CareProgramType getProgramType() {
        return programType;
    }

    public LocalDate getConsentedOn() {
        return consentedOn;
    }

    public ConsentMethod getMethod() {
        return method;
    }

    public boolean isCostSharingAcknowledged() {
        return costSharingAcknowledged;
    }

    public String getRecordedByUserId() {
        return recordedByUserId;
    }

    public LocalDate getRevokedOn() {
        return revokedOn;
    }

    public void revoke(LocalDate on) {
        this.revokedOn = on;
    }

    public long getVersion() {
        return version;
    }
}
