package org.vigil.library.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code condition_preset_templates}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "condition_preset_templates")
public class ConditionPresetTemplate extends BaseEntity {

    @Column(name = "condition_preset_id", nullable = false)
    private String conditionPresetId;

    @Column(name = "template_id", nullable = false)
    private String templateId;

    @Column(name = "frequency")
    private String frequency;

    @Column(name = "is_required", nullable = false)
    private boolean isRequired;

    @Column(name = "display_order", nullable = false)
    private int displayOrder;

    @Column(name = "organization_id", updatable = false)
    private String organizationId;

    protected ConditionPresetTemplate() {
    }

    public ConditionPresetTemplate(String organizationId, String conditionPresetId, String templateId) {
        this.organizationId = organizationId;
        this.conditionPresetId = conditionPresetId;
        this.templateId = templateId;
    }

    public String getConditionPresetId() {
        return conditionPresetId;
    }

    public void setConditionPresetId(String conditionPresetId) {
        this.conditionPresetId = conditionPresetId;
    }

    public String getTemplateId() {
        return templateId;
    }

    public void setTemplateId(String templateId) {
        this.templateId = templateId;
    }

    public String getFrequency() {
        return frequency;
    }

    public void setFrequency(String frequency) {
        this.frequency = frequency;
    }

    public boolean isRequired() {
        return isRequired;
    }

    public void setRequired(boolean isRequired) {
        this.isRequired = isRequired;
    }

    public int getDisplayOrder() {
        return displayOrder;
    }

    public void setDisplayOrder(int displayOrder) {
        this.displayOrder = displayOrder;
    }

    public String getOrganizationId() {
        return organizationId;
    }

}
