package org.vigil.carework.internal;

import java.time.Instant;
import org.vigil.carework.TaskPriority;
import org.vigil.carework.TaskStatus;
import org.vigil.carework.TaskType;

/**
 * A task as the API returns it. {@code overdue}: open (PENDING or IN_PROGRESS) with a due date in
 * the past.
 */
record TaskView(String id, String patientId, TaskType taskType, String title, String description, TaskStatus status,
        TaskPriority priority, Instant dueDate, boolean overdue, String assignedToId, String assignedById,
        Instant completedAt, String completedById, String completionNotes, String alertId, String assessmentId,
        Instant createdAt, Instant updatedAt, long version) {

    static TaskView of(Task task, Instant now) {
        boolean open = task.getStatus() == TaskStatus.PENDING || task.getStatus() == TaskStatus.IN_PROGRESS;
        return new TaskView(task.getId(), task.getPatientId(), task.getTaskType(), task.getTitle(),
                task.getDescription(), task.getStatus(), task.getPriority(), task.getDueDate(),
                open && task.getDueDate() != null && task.getDueDate().isBefore(now), task.getAssignedToId(),
                task.getAssignedById(), task.getCompletedAt(), task.getCompletedById(), task.getCompletionNotes(),
                task.getAlertId(), task.getAssessmentId(), task.getCreatedAt(), task.getUpdatedAt(), task.getVersion());
    }
}
