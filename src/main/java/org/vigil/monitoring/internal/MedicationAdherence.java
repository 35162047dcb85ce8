package org.vigil.monitoring.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.vigil.monitoring.AdherenceStatus;
import org.vigil.monitoring.ObservationSource;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code medication_adherence}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "medication_adherence")
public class MedicationAdherence extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(name = "patient_medication_id", nullable = false)
    private String patientMedicationId;

    @Column(name = "scheduled_for", nullable = false)
    private Instant scheduledFor;

    @Column(name = "taken_at")
    private Instant takenAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private AdherenceStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false)
    private ObservationSource source = ObservationSource.MANUAL;

    @Column(name = "notes")
    private String notes;

    protected MedicationAdherence() {
    }

    public MedicationAdherence(String organizationId, String patientMedicationId, Instant scheduledFor, AdherenceStatus status) {
        this.organizationId = organizationId;
        this.patientMedicationId = patientMedicationId;
        this.scheduledFor = scheduledFor;
        this.status = status;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getPatientMedicationId() {
        return patientMedicationId;
    }

    public void setPatientMedicationId(String patientMedicationId) {
        this.patientMedicationId = patientMedicationId;
    }

    public Instant getScheduledFor() {
        return scheduledFor;
    }

    public void setScheduledFor(Instant scheduledFor) {
        this.scheduledFor = scheduledFor;
    }

    public Instant getTakenAt() {
        return takenAt;
    }

    public void setTakenAt(Instant takenAt) {
        this.takenAt = takenAt;
    }

    public AdherenceStatus getStatus() {
        return status;
    }

    public void setStatus(AdherenceStatus status) {
        this.status = status;
    }

    public ObservationSource getSource() {
        return source;
    }

    public void setSource(ObservationSource source) {
        this.source = source;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

}
