package org.vigil.billing.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigil.billing.CptCategory;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code cpt_codes}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "cpt_codes")
public class CptCode extends BaseEntity {

    @Column(name = "billing_program_id", nullable = false)
    private String billingProgramId;

    @Column(name = "code", nullable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false)
    private CptCategory category;

    @Column(name = "description", nullable = false)
    private String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "requirements")
    private String requirements;

    @Column(name = "reimbursement_amount")
    private BigDecimal reimbursementAmount;

    @Column(name = "billing_frequency")
    private String billingFrequency;

    @Column(name = "is_active", nullable = false)
    private boolean isActive = true;

    protected CptCode() {
    }

    public CptCode(String billingProgramId, String code, CptCategory category, String description) {
        this.billingProgramId = billingProgramId;
        this.code = code;
        this.category = category;
        this.description = description;
    }

    public String getBillingProgramId() {
        return billingProgramId;
    }

    public void setBillingProgramId(String billingProgramId) {
        this.billingProgramId = billingProgramId;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public CptCategory getCategory() {
        return category;
    }

    public void setCategory(CptCategory category) {
        this.category = category;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getRequirements() {
        return requirements;
    }

    public void setRequirements(String requirements) {
        this.requirements = requirements;
    }

    public BigDecimal getReimbursementAmount() {
        return reimbursementAmount;
    }

    public void setReimbursementAmount(BigDecimal reimbursementAmount) {
        this.reimbursementAmount = reimbursementAmount;
    }

    public String getBillingFrequency() {
        return billingFrequency;
    }

    public void setBillingFrequency(String billingFrequency) {
        this.billingFrequency = billingFrequency;
    }

    public boolean isActive() {
        return isActive;
    }

    public void setActive(boolean isActive) {
        this.isActive = isActive;
    }

}
