package org.vigil.library.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code assessment_templates}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "assessment_templates")
public class AssessmentTemplate extends BaseEntity {

    @Column(name = "organization_id", updatable = false)
    private String organizationId;

    @Column(name = "source_template_id")
    private String sourceTemplateId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "key")
    private String key;

    @Column(name = "description")
    private String description;

    @Column(name = "category")
    private String category;

    @Column(name = "loinc_code")
    private String loincCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "scoring")
    private String scoring;

    @Column(name = "copyright_info")
    private String copyrightInfo;

    @Column(name = "is_standardized", nullable = false)
    private boolean isStandardized;

    @Column(name = "is_active", nullable = false)
    private boolean isActive = true;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AssessmentTemplate() {
    }

    public AssessmentTemplate(String organizationId, String name) {
        this.organizationId = organizationId;
        this.name = name;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getSourceTemplateId() {
        return sourceTemplateId;
    }

    public void setSourceTemplateId(String sourceTemplateId) {
        this.sourceTemplateId = sourceTemplateId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
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

    public String getLoincCode() {
        return loincCode;
    }

    public void setLoincCode(String loincCode) {
        this.loincCode = loincCode;
    }

    public String getScoring() {
        return scoring;
    }

    public void setScoring(String scoring) {
        this.scoring = scoring;
    }

    public String getCopyrightInfo() {
        return copyrightInfo;
    }

    public void setCopyrightInfo(String copyrightInfo) {
        this.copyrightInfo = copyrightInfo;
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
