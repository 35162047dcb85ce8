package org.vigil.patients.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigil.patients.EnrollmentStatus;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code enrollments}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "enrollments")
public class Enrollment extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(name = "patient_id", nullable = false)
    private String patientId;

    @Column(name = "clinician_id", nullable = false)
    private String clinicianId;

    @Column(name = "care_program_id", nullable = false)
    private String careProgramId;

    @Column(name = "billing_program_id")
    private String billingProgramId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private EnrollmentStatus status = EnrollmentStatus.ACTIVE;

    @Column(name = "start_date", nullable = false)
    private Instant startDate;

    @Column(name = "end_date")
    private Instant endDate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "billing_eligibility")
    private String billingEligibility;

    @Column(name = "notes")
    private String notes;

    @Column(name = "condition_preset_id")
    private String conditionPresetId;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    @Column(name = "status_reason")
    private String statusReason;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Enrollment() {
    }

    public Enrollment(String organizationId, String patientId, String clinicianId, String careProgramId, Instant startDate) {
        this.organizationId = organizationId;
        this.patientId = patientId;
        this.clinicianId = clinicianId;
        this.careProgramId = careProgramId;
        this.startDate = startDate;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getPatientId() {
        return patientId;
    }

    public void setPatientId(String patientId) {
        this.patientId = patientId;
    }

    public String getClinicianId() {
        return clinicianId;
    }

    public void setClinicianId(String clinicianId) {
        this.clinicianId = clinicianId;
    }

    public String getCareProgramId() {
        return careProgramId;
    }

    public void setCareProgramId(String careProgramId) {
        this.careProgramId = careProgramId;
    }

    public String getBillingProgramId() {
        return billingProgramId;
    }

    public void setBillingProgramId(String billingProgramId) {
        this.billingProgramId = billingProgramId;
    }

    public EnrollmentStatus getStatus() {
        return status;
    }

    public void setStatus(EnrollmentStatus status) {
        this.status = status;
    }

    public Instant getStartDate() {
        return startDate;
    }

    public void setStartDate(Instant startDate) {
        this.startDate = startDate;
    }

    public Instant getEndDate() {
        return endDate;
    }

    public void setEndDate(Instant endDate) {
        this.endDate = endDate;
    }

    public String getBillingEligibility() {
        return billingEligibility;
    }

    public void setBillingEligibility(String billingEligibility) {
        this.billingEligibility = billingEligibility;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getConditionPresetId() {
        return conditionPresetId;
    }

    public void setConditionPresetId(String conditionPresetId) {
        this.conditionPresetId = conditionPresetId;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    public void setStatusChangedAt(Instant statusChangedAt) {
        this.statusChangedAt = statusChangedAt;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public void setStatusReason(String statusReason) {
        this.statusReason = statusReason;
    }

    public long getVersion() {
        return version;
    }

}
