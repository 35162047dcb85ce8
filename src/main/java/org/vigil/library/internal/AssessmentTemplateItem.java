package org.vigil.library.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code assessment_template_items}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "assessment_template_items")
public class AssessmentTemplateItem extends BaseEntity {

    @Column(name = "template_id", nullable = false)
    private String templateId;

    @Column(name = "metric_definition_id", nullable = false)
    private String metricDefinitionId;

    @Column(name = "display_order", nullable = false)
    private int displayOrder;

    @Column(name = "is_required", nullable = false)
    private boolean isRequired;

    @Column(name = "help_text")
    private String helpText;

    @Column(name = "default_value")
    private String defaultValue;

    @Column(name = "organization_id", updatable = false)
    private String organizationId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "flag_rule")
    private String flagRule;

    protected AssessmentTemplateItem() {
    }

    public AssessmentTemplateItem(String organizationId, String templateId, String metricDefinitionId) {
        this.organizationId = organizationId;
        this.templateId = templateId;
        this.metricDefinitionId = metricDefinitionId;
    }

    public String getTemplateId() {
        return templateId;
    }

    public void setTemplateId(String templateId) {
        this.templateId = templateId;
    }

    public String getMetricDefinitionId() {
        return metricDefinitionId;
    }

    public void setMetricDefinitionId(String metricDefinitionId) {
        this.metricDefinitionId = metricDefinitionId;
    }

    public int getDisplayOrder() {
        return displayOrder;
    }

    public void setDisplayOrder(int displayOrder) {
        this.displayOrder = displayOrder;
    }

    public boolean isRequired() {
        return isRequired;
    }

    public void setRequired(boolean isRequired) {
        this.isRequired = isRequired;
    }

    public String getHelpText() {
        return helpText;
    }

    public void setHelpText(String helpText) {
        this.helpText = helpText;
    }

    public String getDefaultValue() {
        return defaultValue;
    }

    public void setDefaultValue(String defaultValue) {
        this.defaultValue = defaultValue;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getFlagRule() {
        return flagRule;
    }

    public void setFlagRule(String flagRule) {
        this.flagRule = flagRule;
    }

}
