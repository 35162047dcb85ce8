package org.vigil.carework.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.vigil.carework.TimeLogActivity;
import org.vigil.carework.TimeLogSource;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code time_logs}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "time_logs")
public class TimeLog extends BaseEntity {

    @Column(name = "patient_id", nullable = false)
    private String patientId;

    @Column(name = "clinician_id", nullable = false)
    private String clinicianId;

    @Column(name = "enrollment_id")
    private String enrollmentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "activity", nullable = false)
    private TimeLogActivity activity;

    @Column(name = "duration", nullable = false)
    private int duration;

    @Column(name = "cpt_code")
    private String cptCode;

    @Column(name = "adjustment_reason")
    private String adjustmentReason;

    @Column(name = "notes")
    private String notes;

    @Column(name = "billable", nullable = false)
    private boolean billable;

    @Column(name = "logged_at", nullable = false)
    private Instant loggedAt = Instant.now();

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(name = "interactive_communication", nullable = false)
    private boolean interactiveCommunication;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false)
    private TimeLogSource source = TimeLogSource.MANUAL;

    @Column(name = "alert_id")
    private String alertId;

    @Column(name = "created_by_id")
    private String createdById;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected TimeLog() {
    }

    public TimeLog(String patientId, String clinicianId, TimeLogActivity activity, int duration, String organizationId) {
        this.patientId = patientId;
        this.clinicianId = clinicianId;
        this.activity = activity;
        this.duration = duration;
        this.organizationId = organizationId;
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

    public String getEnrollmentId() {
        return enrollmentId;
    }

    public void setEnrollmentId(String enrollmentId) {
        this.enrollmentId = enrollmentId;
    }

    public TimeLogActivity getActivity() {
        return activity;
    }

    public void setActivity(TimeLogActivity activity) {
        this.activity = activity;
    }

    public int getDuration() {
        return duration;
    }

    public void setDuration(int duration) {
        this.duration = duration;
    }

    public String getCptCode() {
        return cptCode;
    }

    public void setCptCode(String cptCode) {
        this.cptCode = cptCode;
    }

    public String getAdjustmentReason() {
        return adjustmentReason;
    }

    public void setAdjustmentReason(String adjustmentReason) {
        this.adjustmentReason = adjustmentReason;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public boolean isBillable() {
        return billable;
    }

    public void setBillable(boolean billable) {
        this.billable = billable;
    }

    public Instant getLoggedAt() {
        return loggedAt;
    }

    public void setLoggedAt(Instant loggedAt) {
        this.loggedAt = loggedAt;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public boolean isInteractiveCommunication() {
        return interactiveCommunication;
    }

    public void setInteractiveCommunication(boolean interactiveCommunication) {
        this.interactiveCommunication = interactiveCommunication;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public void setEndedAt(Instant endedAt) {
        this.endedAt = endedAt;
    }

    public TimeLogSource getSource() {
        return source;
    }

    public void setSource(TimeLogSource source) {
        this.source = source;
    }

    public String getAlertId() {
        return alertId;
    }

    public void setAlertId(String alertId) {
        this.alertId = alertId;
    }

    public String getCreatedById() {
        return createdById;
    }

    public void setCreatedById(String createdById) {
        this.createdById = createdById;
    }

    public long getVersion() {
        return version;
    }

}
