package org.vigil.monitoring.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.vigil.monitoring.ScheduledAssessmentStatus;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code scheduled_assessments}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "scheduled_assessments")
public class ScheduledAssessment extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(name = "patient_id", nullable = false)
    private String patientId;

    @Column(name = "enrollment_id", nullable = false)
    private String enrollmentId;

    @Column(name = "template_id", nullable = false)
    private String templateId;

    @Column(name = "condition_preset_id")
    private String conditionPresetId;

    @Column(name = "frequency")
    private String frequency;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ScheduledAssessmentStatus status = ScheduledAssessmentStatus.PENDING;

    @Column(name = "priority", nullable = false)
    private int priority;

    @Column(name = "is_required", nullable = false)
    private boolean isRequired = true;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "completed_assessment_id")
    private String completedAssessmentId;

    @Column(name = "notes")
    private String notes;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ScheduledAssessment() {
    }

    public ScheduledAssessment(String organizationId, String patientId, String enrollmentId, String templateId, Instant dueAt) {
        this.organizationId = organizationId;
        this.patientId = patientId;
        this.enrollmentId = enrollmentId;
        this.templateId = templateId;
        this.dueAt = dueAt;
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

    public String getEnrollmentId() {
        return enrollmentId;
    }

    public void setEnrollmentId(String enrollmentId) {
        this.enrollmentId = enrollmentId;
    }

    public String getTemplateId() {
        return templateId;
    }

    public void setTemplateId(String templateId) {
        this.templateId = templateId;
    }

    public String getConditionPresetId() {
        return conditionPresetId;
    }

    public void setConditionPresetId(String conditionPresetId) {
        this.conditionPresetId = conditionPresetId;
    }

    public String getFrequency() {
        return frequency;
    }

    public void setFrequency(String frequency) {
        this.frequency = frequency;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public void setDueAt(Instant dueAt) {
        this.dueAt = dueAt;
    }

    public ScheduledAssessmentStatus getStatus() {
        return status;
    }

    public void setStatus(ScheduledAssessmentStatus status) {
        this.status = status;
    }

    public int getPriority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public boolean isRequired() {
        return isRequired;
    }

    public void setRequired(boolean isRequired) {
        this.isRequired = isRequired;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public void setCompletedAt(Instant completedAt) {
        this.completedAt = completedAt;
    }

    public String getCompletedAssessmentId() {
        return completedAssessmentId;
    }

    public void setCompletedAssessmentId(String completedAssessmentId) {
        this.completedAssessmentId = completedAssessmentId;
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
