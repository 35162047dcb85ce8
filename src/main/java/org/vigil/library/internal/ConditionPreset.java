package org.vigil.library.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code condition_presets}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "condition_presets")
public class ConditionPreset extends BaseEntity {

    @Column(name = "organization_id", updatable = false)
    private String organizationId;

    @Column(name = "source_preset_id")
    private String sourcePresetId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description")
    private String description;

    @Column(name = "category")
    private String category;

    @Column(name = "is_standardized", nullable = false)
    private boolean isStandardized;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "clinical_guidelines")
    private String clinicalGuidelines;

    @Column(name = "is_active", nullable = false)
    private boolean isActive = true;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ConditionPreset() {
    }

    public ConditionPreset(String organizationId, String name) {
        this.organizationId = organizationId;
        this.name = name;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getSourcePresetId() {
        return sourcePresetId;
    }

    public void setSourcePresetId(String sourcePresetId) {
        this.sourcePresetId = sourcePresetId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public boolean isStandardized() {
        return isStandardized;
    }

    public void setStandardized(boolean isStandardized) {
        this.isStandardized = isStandardized;
    }

    public String getClinicalGuidelines() {
        return clinicalGuidelines;
    }

    public void setClinicalGuidelines(String clinicalGuidelines) {
        this.clinicalGuidelines = clinicalGuidelines;
    }

    public boolean isActive() {
        return isActive;
    }

    public void setActive(boolean isActive) {
        this.isActive = isActive;
    }

    public long getVersion() {
        return version;
    }

}
