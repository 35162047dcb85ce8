package org.vigil.library.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigil.library.AlertSeverity;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code alert_rules}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "alert_rules")
public class AlertRule extends BaseEntity {

    @Column(name = "organization_id", updatable = false)
    private String organizationId;

    @Column(name = "source_rule_id")
    private String sourceRuleId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description")
    private String description;

    @Column(name = "category")
    private String category;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", nullable = false)
    private AlertSeverity severity;

    @Column(name = "priority", nullable = false)
    private int priority;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "conditions", nullable = false)
    private String conditions;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "actions", nullable = false)
    private String actions = "{}";

    @Column(name = "cooldown_minutes", nullable = false)
    private int cooldownMinutes = 60;

    @Column(name = "clinical_evidence")
    private String clinicalEvidence;

    @Column(name = "is_standardized", nullable = false)
    private boolean isStandardized;

    @Column(name = "is_active", nullable = false)
    private boolean isActive = true;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AlertRule() {
    }

    public AlertRule(String organizationId, String name, AlertSeverity severity, String conditions) {
        this.organizationId = organizationId;
        this.name = name;
        this.severity = severity;
        this.conditions = conditions;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getSourceRuleId() {
        return sourceRuleId;
    }

    public void setSourceRuleId(String sourceRuleId) {
        this.sourceRuleId = sourceRuleId;
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

    public AlertSeverity getSeverity() {
        return severity;
    }

    public void setSeverity(AlertSeverity severity) {
        this.severity = severity;
    }

    public int getPriority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public String getConditions() {
        return conditions;
    }

    public void setConditions(String conditions) {
        this.conditions = conditions;
    }

    public String getActions() {
        return actions;
    }

    public void setActions(String actions) {
        this.actions = actions;
    }

    public int getCooldownMinutes() {
        return cooldownMinutes;
    }

    public void setCooldownMinutes(int cooldownMinutes) {
        this.cooldownMinutes = cooldownMinutes;
    }

    public String getClinicalEvidence() {
        return clinicalEvidence;
    }

    public void setClinicalEvidence(String clinicalEvidence) {
        this.clinicalEvidence = clinicalEvidence;
    }

    public boolean isStandardized() {
        return isStandardized;
    }

    public void setStandardized(boolean isStandardized) {
        this.isStandardized = isStandardized;
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
