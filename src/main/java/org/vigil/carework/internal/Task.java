package org.vigil.carework.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.vigil.carework.TaskPriority;
import org.vigil.carework.TaskStatus;
import org.vigil.carework.TaskType;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code tasks}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "tasks")
public class Task extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(name = "patient_id")
    private String patientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "task_type", nullable = false)
    private TaskType taskType;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "description")
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private TaskStatus status = TaskStatus.PENDING;

    @Enumerated(EnumType.STRING)
    @Column(name = "priority", nullable = false)
    private TaskPriority priority = TaskPriority.MEDIUM;

    @Column(name = "due_date")
    private Instant dueDate;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "completion_notes")
    private String completionNotes;

    @Column(name = "assigned_to_id")
    private String assignedToId;

    @Column(name = "assigned_by_id")
    private String assignedById;

    @Column(name = "completed_by_id")
    private String completedById;

    @Column(name = "alert_id")
    private String alertId;

    @Column(name = "assessment_id")
    private String assessmentId;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Task() {
    }

    public Task(String organizationId, TaskType taskType, String title) {
        this.organizationId = organizationId;
        this.taskType = taskType;
        this.title = title;
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

    public TaskType getTaskType() {
        return taskType;
    }

    public void setTaskType(TaskType taskType) {
        this.taskType = taskType;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public void setStatus(TaskStatus status) {
        this.status = status;
    }

    public TaskPriority getPriority() {
        return priority;
    }

    public void setPriority(TaskPriority priority) {
        this.priority = priority;
    }

    public Instant getDueDate() {
        return dueDate;
    }

    public void setDueDate(Instant dueDate) {
        this.dueDate = dueDate;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public void setCompletedAt(Instant completedAt) {
        this.completedAt = completedAt;
    }

    public String getCompletionNotes() {
        return completionNotes;
    }

    public void setCompletionNotes(String completionNotes) {
        this.completionNotes = completionNotes;
    }

    public String getAssignedToId() {
        return assignedToId;
    }

    public void setAssignedToId(String assignedToId) {
        this.assignedToId = assignedToId;
    }

    public String getAssignedById() {
        return assignedById;
    }

    public void setAssignedById(String assignedById) {
        this.assignedById = assignedById;
    }

    public String getCompletedById() {
        return completedById;
    }

    public void setCompletedById(String completedById) {
        this.completedById = completedById;
    }

    public String getAlertId() {
        return alertId;
    }

    public void setAlertId(String alertId) {
        this.alertId = alertId;
    }

    public String getAssessmentId() {
        return assessmentId;
    }

    public void setAssessmentId(String assessmentId) {
        this.assessmentId = assessmentId;
    }

    public long getVersion() {
        return version;
    }

}
