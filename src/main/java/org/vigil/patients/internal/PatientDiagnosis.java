package org.vigil.patients.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code patient_diagnoses}: one ICD-10-CM diagnosis of a patient. */
@Entity
@Table(name = "patient_diagnoses")
public class PatientDiagnosis extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private String patientId;

    @Column(name = "icd10_code", nullable = false)
    private String icd10Code;

    @Column(name = "label", nullable = false)
    private String label;

    @Column(name = "is_primary", nullable = false)
    private boolean isPrimary;

    @Column(name = "onset_date")
    private LocalDate onsetDate;

    @Column(name = "resolved_date")
    private LocalDate resolvedDate;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PatientDiagnosis() {
    }

    public PatientDiagnosis(String organizationId, String patientId) {
        this.organizationId = organizationId;
        this.patientId = patientId;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getPatientId() {
        return patientId;
    }

    public String getIcd10Code() {
        return icd10Code;
    }

    public void setIcd10Code(String icd10Code) {
        this.icd10Code = icd10Code;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public boolean isPrimary() {
        return isPrimary;
    }

    public void setPrimary(boolean primary) {
        isPrimary = primary;
    }

    public LocalDate getOnsetDate() {
        return onsetDate;
    }

    public void setOnsetDate(LocalDate onsetDate) {
        this.onsetDate = onsetDate;
    }

    public LocalDate getResolvedDate() {
        return resolvedDate;
    }

    public void setResolvedDate(LocalDate resolvedDate) {
        this.resolvedDate = resolvedDate;
    }

    public long getVersion() {
        return version;
    }
}
