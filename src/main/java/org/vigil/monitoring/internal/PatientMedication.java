package org.vigil.monitoring.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code patient_medications}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "patient_medications")
public class PatientMedication extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(name = "patient_id", nullable = false)
    private String patientId;

    @Column(name = "drug_id")
    private String drugId;

    @Column(name = "medication_name", nullable = false)
    private String medicationName;

    @Column(name = "dosage")
    private String dosage;

    @Column(name = "frequency")
    private String frequency;

    @Column(name = "doses_per_day")
    private Integer dosesPerDay;

    @Column(name = "dose_amount")
    private java.math.BigDecimal doseAmount;

    @Column(name = "dose_unit")
    private String doseUnit;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(name = "schedule")
    private String schedule;

    @Column(name = "route")
    private String route;

    @Column(name = "prescriber_id")
    private String prescriberId;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "is_active", nullable = false)
    private boolean isActive = true;

    @Column(name = "instructions")
    private String instructions;

    @Column(name = "notes")
    private String notes;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PatientMedication() {
    }

    public PatientMedication(String organizationId, String patientId, String medicationName, LocalDate startDate) {
        this.organizationId = organizationId;
        this.patientId = patientId;
        this.medicationName = medicationName;
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

    public String getDrugId() {
        return drugId;
    }

    public void setDrugId(String drugId) {
        this.drugId = drugId;
    }

    public String getMedicationName() {
        return medicationName;
    }

    public void setMedicationName(String medicationName) {
        this.medicationName = medicationName;
    }

    public String getDosage() {
        return dosage;
    }

    public void setDosage(String dosage) {
        this.dosage = dosage;
    }

    public String getFrequency() {
        return frequency;
    }

    public void setFrequency(String frequency) {
        this.frequency = frequency;
    }

    public Integer getDosesPerDay() {
        return dosesPerDay;
    }

    public void setDosesPerDay(Integer dosesPerDay) {
        this.dosesPerDay = dosesPerDay;
    }

    public java.math.BigDecimal getDoseAmount() {
        return doseAmount;
    }

    public void setDoseAmount(java.math.BigDecimal doseAmount) {
        this.doseAmount = doseAmount;
    }

    public String getDoseUnit() {
        return doseUnit;
    }

    public void setDoseUnit(String doseUnit) {
        this.doseUnit = doseUnit;
    }

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public String getRoute() {
        return route;
    }

    public void setRoute(String route) {
        this.route = route;
    }

    public String getPrescriberId() {
        return prescriberId;
    }

    public void setPrescriberId(String prescriberId) {
        this.prescriberId = prescriberId;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public boolean isActive() {
        return isActive;
    }

    public void setActive(boolean isActive) {
        this.isActive = isActive;
    }

    public String getInstructions() {
        return instructions;
    }

    public void setInstructions(String instructions) {
        this.instructions = instructions;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public long getVersion() {
        return version;
    }

}
