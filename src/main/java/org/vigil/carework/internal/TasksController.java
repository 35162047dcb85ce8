package org.vigil.carework.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.carework.TaskPriority;
import org.vigil.carework.TaskStatus;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.tenancy.TenantPrincipal;

/** Tasks: follow-up work assigned to members, with due dates, priorities and a status machine. */
@RestController
@Tag(name = "Tasks")
@Validated
class TasksController {

    private final Tasks tasks;

    TasksController(Tasks tasks) {
        this.tasks = tasks;
    }

    @PostMapping("/api/v1/tasks")
    @PreAuthorize("hasAuthority('TASK_WRITE')")
    @Operation(summary = "Create a task", description = "assignedToId must be an active member of the organization "
            + "(default: the caller); alertId/assessmentId must be the organization's (400 naming the field).")
    ResponseEntity<TaskView> create(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @RequestBody TaskRequests.Create request) {
        TaskView task = tasks.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id())).eTag(ETags.of(task.version()))
                .body(task);
    }

    record ListParams(@Size(max = 64) String assignedTo, @Size(max = 64) String patientId) {
    }

    @GetMapping("/api/v1/tasks")
    @PreAuthorize("hasAuthority('TASK_READ')")
    @Operation(summary = "List tasks", description = "Filters assignedTo (me or a user id), status, priority, "
            + "patientId, dueBefore (instant), overdue (true: open and past due); sort dueDate, priority (by "
            + "urgency), createdAt ('-' for descending; default dueDate); paged.")
    PageResponse<TaskView> list(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @ModelAttribute ListParams params, @Valid @ModelAttribute PageQuery paging,
            @RequestParam(required = false) TaskStatus status, @RequestParam(required = false) TaskPriority priority,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dueBefore,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) @Size(max = 100) String sort) {
        return tasks.list(caller, new Tasks.Filter(params.assignedTo(), status, priority, params.patientId(),
                dueBefore, overdue), paging, sort);
    }

    @GetMapping("/api/v1/tasks/{id}")
    @PreAuthorize("hasAuthority('TASK_READ')")
    @Operation(summary = "Read a task")
    ResponseEntity<TaskView> get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        TaskView task = tasks.get(caller, id);
        return ResponseEntity.ok().eTag(ETags.of(task.version())).body(task);
    }

    @PutMapping("/api/v1/tasks/{id}")
    @PreAuthorize("hasAuthority('TASK_WRITE')")
    @Operation(summary = "Replace a task's editable fields", description = "taskType, title, description, "
            + "priority, dueDate; needs If-Match; a COMPLETED or CANCELLED task is final (409).")
    ResponseEntity<TaskView> update(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody TaskRequests.Update request) {
        TaskView task = tasks.update(caller, id, ETags.expectedVersion(ifMatch, "task"), request);
        return ResponseEntity.ok().eTag(ETags.of(task.version())).body(task);
    }

    @PostMapping("/api/v1/tasks/{id}/status")
    @PreAuthorize("hasAuthority('TASK_WRITE')")
    @Operation(summary = "Change a task's status", description = "PENDING → IN_PROGRESS → COMPLETED, "
            + "IN_PROGRESS → PENDING, PENDING/IN_PROGRESS → CANCELLED; anything else 409 naming the current and "
            + "target status. Completing records completedAt and completedById. If-Match is checked when sent.")
    ResponseEntity<TaskView> changeStatus(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody TaskRequests.StatusChange request) {
        TaskView task = tasks.changeStatus(caller, id, optionalVersion(ifMatch), request);
        return ResponseEntity.ok().eTag(ETags.of(task.version())).body(task);
    }

    @PostMapping("/api/v1/tasks/{id}/reassign")
    @PreAuthorize("hasAuthority('TASK_WRITE')")
    @Operation(summary = "Reassign a task", description = "To another active member (400 naming assignedToId "
            + "otherwise); the caller becomes assignedById. If-Match is checked when sent.")
    ResponseEntity<TaskView> reassign(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody TaskRequests.Reassignment request) {
        TaskView task = tasks.reassign(caller, id, optionalVersion(ifMatch), request);
        return ResponseEntity.ok().eTag(ETags.of(task.version())).body(task);
    }

    private static Long optionalVersion(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.expectedVersion(ifMatch, "task");
    }
}
