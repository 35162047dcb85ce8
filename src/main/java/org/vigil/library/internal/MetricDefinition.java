package org.vigil.library.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigil.library.ValueType;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code metric_definitions}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "metric_definitions")
public class MetricDefinition extends BaseEntity {

    @Column(name = "organization_id", updatable = false)
    private String organizationId;

    @Column(name = "source_metric_id")
    private String sourceMetricId;

    @Column(name = "key", nullable = false)
    private String key;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "description")
    private String description;

    @Column(name = "category")
    private String category;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_type", nullable = false)
    private ValueType valueType;

    @Column(name = "unit")
    private String unit;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "alternative_units", nullable = false)
    private String alternativeUnits = "[]";

    @Column(name = "normal_min")
    private BigDecimal normalMin;

    @Column(name = "normal_max")
    private BigDecimal normalMax;

    @Column(name = "plausible_min")
    private BigDecimal plausibleMin;

    @Column(name = "plausible_max")
    private BigDecimal plausibleMax;

    @Column(name = "decimal_precision")
    private Integer decimalPrecision;

    @Column(name = "panel_key")
    private String panelKey;

    @Column(name = "panel_loinc_code")
    private String panelLoincCode;

    @Column(name = "panel_component")
    private String panelComponent;

    @Column(name = "loinc_code")
    private String loincCode;

    @Column(name = "snomed_code")
    private String snomedCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "options")
    private String options;

    @Column(name = "is_standardized", nullable = false)
    private boolean isStandardized;

    @Column(name = "is_active", nullable = false)
    private boolean isActive = true;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected MetricDefinition() {
    }

    public MetricDefinition(String organizationId, String key, String displayName, ValueType valueType) {
        this.organizationId = organizationId;
        this.key = key;
        this.displayName = displayName;
        this.valueType = valueType;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getSourceMetricId() {
        return sourceMetricId;
    }

    public void setSourceMetricId(String sourceMetricId) {
        this.sourceMetricId = sourceMetricId;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
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

    public ValueType getValueType() {
        return valueType;
    }

    public void setValueType(ValueType valueType) {
        this.valueType = valueType;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getAlternativeUnits() {
        return alternativeUnits;
    }

    public void setAlternativeUnits(String alternativeUnits) {
        this.alternativeUnits = alternativeUnits;
    }

    public BigDecimal getNormalMin() {
        return normalMin;
    }

    public void setNormalMin(BigDecimal normalMin) {
        this.normalMin = normalMin;
    }

    public BigDecimal getNormalMax() {
        return normalMax;
    }

    public void setNormalMax(BigDecimal normalMax) {
        this.normalMax = normalMax;
    }

    public BigDecimal getPlausibleMin() {
        return plausibleMin;
    }

    public void setPlausibleMin(BigDecimal plausibleMin) {
        this.plausibleMin = plausibleMin;
    }

    public BigDecimal getPlausibleMax() {
        return plausibleMax;
    }

    public void setPlausibleMax(BigDecimal plausibleMax) {
        this.plausibleMax = plausibleMax;
    }

    public Integer getDecimalPrecision() {
        return decimalPrecision;
    }

    public void setDecimalPrecision(Integer decimalPrecision) {
        this.decimalPrecision = decimalPrecision;
    }

    public String getPanelKey() {
        return panelKey;
    }

    public String getPanelLoincCode() {
        return panelLoincCode;
    }

    public String getPanelComponent() {
        return panelComponent;
    }

    /** Makes the metric a component of a panel (or of none, with nulls). */
    public void setPanel(String key, String loincCode, String component) {
        this.panelKey = key;
        this.panelLoincCode = loincCode;
        this.panelComponent = component;
    }

    public String getLoincCode() {
        return loincCode;
    }

    public void setLoincCode(String loincCode) {
        this.loincCode = loincCode;
    }

    public String getSnomedCode() {
        return snomedCode;
    }

    public void setSnomedCode(String snomedCode) {
        this.snomedCode = snomedCode;
    }

    public String getOptions() {
        return options;
    }

    public void setOptions(String options) {
        this.options = options;
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
