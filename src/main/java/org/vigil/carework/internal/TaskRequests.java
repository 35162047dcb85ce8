package org.vigil.carework.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.vigil.carework.TaskPriority;
import org.vigil.carework.TaskStatus;
import org.vigil.carework.TaskType;

/** The bodies of the task endpoints. */
final class TaskRequests {

    private TaskRequests() {
    }

    /**
     * A new task. {@code assignedToId} is a user who is an active member of the organization (the
     * caller when left out); {@code patientId}, {@code alertId} and {@code assessmentId} are
     * optional links fixed at creation.
     */
    @Schema(name = "TaskCreateRequest")
    record Create(@Size(max = 64) String patientId, @NotNull TaskType taskType,
            @NotBlank @Size(max = 200) String title, @Size(max = 4000) String description, TaskPriority priority,
            Instant dueDate, @Size(max = 64) String assignedToId, @Size(max = 64) String alertId,
            @Size(max = 64) String assessmentId) {
    }

    /** Every editable field of an open task (left-out optional fields are cleared; priority MEDIUM). */
    @Schema(name = "TaskUpdateRequest")
    record Update(@NotNull TaskType taskType, @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description, TaskPriority priority, Instant dueDate) {
    }

    /** A status transition; {@code completionNotes} only when completing. */
    @Schema(name = "TaskStatusChange")
    record StatusChange(@NotNull TaskStatus status, @Size(max = 4000) String completionNotes) {
    }

    /** Hands an open task to another active member. */
    @Schema(name = "TaskReassignment")
    record Reassignment(@NotBlank @Size(max = 64) String assignedToId) {
    }
}
