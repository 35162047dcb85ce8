package org.vigil.library.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code condition_preset_diagnoses}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "condition_preset_diagnoses")
public class ConditionPresetDiagnosis extends BaseEntity {

    @Column(name = "condition_preset_id", nullable = false)
    private String conditionPresetId;

    @Column(name = "icd10", nullable = false)
    private String icd10;

    @Column(name = "snomed")
    private String snomed;

    @Column(name = "label", nullable = false)
    private String label;

    @Column(name = "is_primary", nullable = false)
    private boolean isPrimary;

    @Column(name = "organization_id", updatable = false)
    private String organizationId;

    protected ConditionPresetDiagnosis() {
    }

    public ConditionPresetDiagnosis(String organizationId, String conditionPresetId, String icd10, String label) {
        this.organizationId = organizationId;
        this.conditionPresetId = conditionPresetId;
        this.icd10 = icd10;
        this.label = label;
    }

    public String getConditionPresetId() {
        return conditionPresetId;
    }

    public void setConditionPresetId(String conditionPresetId) {
        this.conditionPresetId = conditionPresetId;
    }

    public String getIcd10() {
        return icd10;
    }

    public void setIcd10(String icd10) {
        this.icd10 = icd10;
    }

    public String getSnomed() {
        return snomed;
    }

    public void setSnomed(String snomed) {
        this.snomed = snomed;
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

    public void setPrimary(boolean isPrimary) {
        this.isPrimary = isPrimary;
    }

    public String getOrganizationId() {
        return organizationId;
    }

}
