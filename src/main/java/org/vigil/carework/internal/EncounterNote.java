package org.vigil.carework.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigil.carework.EncounterType;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code encounter_notes}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "encounter_notes")
public class EncounterNote extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(name = "patient_id", nullable = false)
    private String patientId;

    @Column(name = "clinician_id", nullable = false)
    private String clinicianId;

    @Column(name = "alert_id")
    private String alertId;

    @Enumerated(EnumType.STRING)
    @Column(name = "encounter_type", nullable = false)
    private EncounterType encounterType;

    @Column(name = "subjective")
    private String subjective;

    @Column(name = "objective")
    private String objective;

    @Column(name = "assessment")
    private String assessment;

    @Column(name = "plan")
    private String plan;

    @Column(name = "additional_notes")
    private String additionalNotes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "vitals_snapshot")
    private String vitalsSnapshot;

    @Column(name = "is_locked", nullable = false)
    private boolean isLocked;

    @Column(name = "attested_by_id")
    private String attestedById;

    @Column(name = "attested_at")
    private Instant attestedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected EncounterNote() {
    }

    public EncounterNote(String organizationId, String patientId, String clinicianId, EncounterType encounterType) {
        this.organizationId = organizationId;
        this.patientId = patientId;
        this.clinicianId = clinicianId;
        this.encounterType = encounterType;
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

    public String getAlertId() {
        return alertId;
    }

    public void setAlertId(String alertId) {
        this.alertId = alertId;
    }

    public EncounterType getEncounterType() {
        return encounterType;
    }

    public void setEncounterType(EncounterType encounterType) {
        this.encounterType = encounterType;
    }

    public String getSubjective() {
        return subjective;
    }

    public void setSubjective(String subjective) {
        this.subjective = subjective;
    }

    public String getObjective() {
        return objective;
    }

    public void setObjective(String objective) {
        this.objective = objective;
    }

    public String getAssessment() {
        return assessment;
    }

    public void setAssessment(String assessment) {
        this.assessment = assessment;
    }

    public String getPlan() {
        return plan;
    }

    public void setPlan(String plan) {
        this.plan = plan;
    }

    public String getAdditionalNotes() {
        return additionalNotes;
    }

    public void setAdditionalNotes(String additionalNotes) {
        this.additionalNotes = additionalNotes;
    }

    public String getVitalsSnapshot() {
        return vitalsSnapshot;
    }

    public void setVitalsSnapshot(String vitalsSnapshot) {
        this.vitalsSnapshot = vitalsSnapshot;
    }

    public boolean isLocked() {
        return isLocked;
    }

    public void setLocked(boolean isLocked) {
        this.isLocked = isLocked;
    }

    public String getAttestedById() {
        return attestedById;
    }

    public void setAttestedById(String attestedById) {
        this.attestedById = attestedById;
    }

    public Instant getAttestedAt() {
        return attestedAt;
    }

    public void setAttestedAt(Instant attestedAt) {
        this.attestedAt = attestedAt;
    }

    public long getVersion() {
        return version;
    }

}
