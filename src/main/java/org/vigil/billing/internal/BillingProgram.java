package org.vigil.billing.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code billing_programs}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "billing_programs")
public class BillingProgram extends BaseEntity {

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "code", nullable = false)
    private String code;

    @Column(name = "description")
    private String description;

    @Column(name = "program_type", nullable = false)
    private String programType;

    @Column(name = "payer")
    private String payer;

    @Column(name = "effective_date", nullable = false)
    private Instant effectiveDate;

    @Column(name = "expiration_date")
    private Instant expirationDate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "eligibility_rules", nullable = false)
    private String eligibilityRules;

    @Column(name = "is_active", nullable = false)
    private boolean isActive = true;

    protected BillingProgram() {
    }

    public BillingProgram(String name, String code, String programType, Instant effectiveDate, String eligibilityRules) {
        this.name = name;
        this.code = code;
        this.programType = programType;
        this.effectiveDate = effectiveDate;
        this.eligibilityRules = eligibilityRules;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getProgramType() {
        return programType;
    }

    public void setProgramType(String programType) {
        this.programType = programType;
    }

    public String getPayer() {
        return payer;
    }

    public void setPayer(String payer) {
        this.payer = payer;
    }

    public Instant getEffectiveDate() {
        return effectiveDate;
    }

    public void setEffectiveDate(Instant effectiveDate) {
        this.effectiveDate = effectiveDate;
    }

    public Instant getExpirationDate() {
        return expirationDate;
    }

    public void setExpirationDate(Instant expirationDate) {
        this.expirationDate = expirationDate;
    }

    public String getEligibilityRules() {
        return eligibilityRules;
    }

    public void setEligibilityRules(String eligibilityRules) {
        this.eligibilityRules = eligibilityRules;
    }

    public boolean isActive() {
        return isActive;
    }

    public void setActive(boolean isActive) {
        this.isActive = isActive;
    }

}
