package org.vigil.library.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code condition_preset_alert_rules}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "condition_preset_alert_rules")
public class ConditionPresetAlertRule extends BaseEntity {

    @Column(name = "condition_preset_id", nullable = false)
    private String conditionPresetId;

    @Column(name = "alert_rule_id", nullable = false)
    private String alertRuleId;

    @Column(name = "priority", nullable = false)
    private int priority;

    @Column(name = "organization_id", updatable = false)
    private String organizationId;

    @Column(name = "is_enabled", nullable = false)
    private boolean isEnabled = true;

    protected ConditionPresetAlertRule() {
    }

    public ConditionPresetAlertRule(String organizationId, String conditionPresetId, String alertRuleId) {
        this.organizationId = organizationId;
        this.conditionPresetId = conditionPresetId;
        this.alertRuleId = alertRuleId;
    }

    public String getConditionPresetId() {
        return conditionPresetId;
    }

    public void setConditionPresetId(String conditionPresetId) {
        this.conditionPresetId = conditionPresetId;
    }

    public String getAlertRuleId() {
        return alertRuleId;
    }

    public void setAlertRuleId(String alertRuleId) {
        this.alertRuleId = alertRuleId;
    }

    public int getPriority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public boolean isEnabled() {
        return isEnabled;
    }

    public void setEnabled(boolean isEnabled) {
        this.isEnabled = isEnabled;
    }

}
