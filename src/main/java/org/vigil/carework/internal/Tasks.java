package org.vigil.carework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.audit.AuditedResource;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.carework.TaskPriority;
import org.vigil.carework.TaskStatus;
import org.vigil.patients.PatientDirectory;
import org.vigil.shared.persistence.RefusedWrite;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.shared.web.SortWhitelist;
import org.vigil.tenancy.MembershipDirectory;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/**
 * Follow-up work assigned to members. The rules:
 * <ul>
 * <li>A task is assigned to an active member of the organization (checked on create and
 * reassignment; 400 naming {@code assignedToId} otherwise); the assigner is the caller.</li>
 * <li>Linked alerts and assessments must be the organization's (400 naming the field) and of the
 * task's patient; a task linked to one without a {@code patientId} takes its patient.</li>
 * <li>Status: PENDING → IN_PROGRESS → COMPLETED, IN_PROGRESS → PENDING, PENDING or IN_PROGRESS →
 * CANCELLED; COMPLETED and CANCELLED are final (no further transition, edit or reassignment).</li>
 * </ul>
 * Tasks are audited as PHI (they are usually about a patient, and their text may say why).
 */
@Service
class Tasks {

    static final AuditedResource TASK = AuditedResource.phi("Task");

    static final Map<TaskStatus, Set<TaskStatus>> TRANSITIONS = Map.of(
            TaskStatus.PENDING, EnumSet.of(TaskStatus.IN_PROGRESS, TaskStatus.CANCELLED),
            TaskStatus.IN_PROGRESS, EnumSet.of(TaskStatus.COMPLETED, TaskStatus.CANCELLED, TaskStatus.PENDING),
            TaskStatus.COMPLETED, EnumSet.noneOf(TaskStatus.class),
            TaskStatus.CANCELLED, EnumSet.noneOf(TaskStatus.class));

    static final SortWhitelist SORTS = SortWhitelist.of(Map.of("dueDate", "dueDate", "priority", "priority",
            "createdAt", "createdAt"), Sort.by(Sort.Order.asc("dueDate")));

    /** The SQL each sort property stands for: priority by urgency, not alphabetically. */
    private static final Map<String, String> SORT_SQL = Map.of("dueDate", "due_date", "createdAt", "created_at",
            "id", "id", "priority", "CASE priority WHEN 'LOW' THEN 0 WHEN 'MEDIUM' THEN 1 WHEN 'HIGH' THEN 2 "
                    + "WHEN 'URGENT' THEN 3 END");

    private final TenantScope tenantScope;
    private final MembershipDirectory memberships;
    private final PatientDirectory patients;
    private final TaskRepository tasks;
    private final JdbcTemplate jdbc;
    private final RecordAccessAudit audit;
    private final Clock clock;

    Tasks(TenantScope tenantScope, MembershipDirectory memberships, PatientDirectory patients, TaskRepository tasks,
            JdbcTemplate jdbc, RecordAccessAudit audit, Clock clock) {
        this.tenantScope = tenantScope;
        this.memberships = memberships;
        this.patients = patients;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    TaskView create(TenantPrincipal caller, TaskRequests.Create request) {
        String assignee = blank(request.assignedToId()) ? caller.userId() : request.assignedToId().trim();
        requireActiveMember(caller, assignee);
        return refusingBadReferences(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            String patientId = blank(request.patientId()) ? null : request.patientId().trim();
            if (patientId != null && patients.find(patientId).isEmpty()) {
                throw ApiProblem.invalid("patientId", "names no patient of this organization");
            }
            String alertId = blank(request.alertId()) ? null : request.alertId().trim();
            String assessmentId = blank(request.assessmentId()) ? null : request.assessmentId().trim();
            patientId = linkedPatient("alertId", "alerts", alertId, patientId);
            patientId = linkedPatient("assessmentId", "assessments", assessmentId, patientId);
            Task task = new Task(caller.organizationId(), request.taskType(), request.title().trim());
            task.setPatientId(patientId);
            task.setDescription(request.description());
            task.setPriority(request.priority() == null ? TaskPriority.MEDIUM : request.priority());
            task.setDueDate(request.dueDate());
            task.setAssignedToId(assignee);
            task.setAssignedById(caller.userId());
            task.setAlertId(alertId);
            task.setAssessmentId(assessmentId);
            Task saved = tasks.saveAndFlush(task);
            audit.created(TASK, saved.getId(), saved.getPatientId());
            return TaskView.of(saved, clock.instant());
        }));
    }

    TaskView get(TenantPrincipal caller, String id) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Task task = find(id);
            audit.read(TASK, id, task.getPatientId());
            return TaskView.of(task, clock.instant());
        });
    }

    TaskView update(TenantPrincipal caller, String id, long expectedVersion, TaskRequests.Update request) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Task task = find(id);
            ETags.check(expectedVersion, task.getVersion(), "task");
            requireOpen(task, "edited");
            TaskPriority priority = request.priority() == null ? TaskPriority.MEDIUM : request.priority();
            List<String> changed = new ArrayList<>();
            track(changed, "taskType", task.getTaskType(), request.taskType());
            track(changed, "title", task.getTitle(), request.title().trim());
            track(changed, "description", task.getDescription(), request.description());
            track(changed, "priority", task.getPriority(), priority);
            track(changed, "dueDate", task.getDueDate(), request.dueDate());
            task.setTaskType(request.taskType());
            task.setTitle(request.title().trim());
            task.setDescription(request.description());
            task.setPriority(priority);
            task.setDueDate(request.dueDate());
            Task saved = tasks.saveAndFlush(task);
            audit.updated(TASK, id, task.getPatientId(), changed);
            return TaskView.of(saved, clock.instant());
        });
    }

    /** Moves the task along its status machine; {@code expectedVersion} is checked when given. */
    TaskView changeStatus(TenantPrincipal caller, String id, Long expectedVersion, TaskRequests.StatusChange request) {
        TaskStatus target = request.status();
        boolean closing = target == TaskStatus.COMPLETED || target == TaskStatus.CANCELLED;
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Task task = find(id);
            if (expectedVersion != null) {
                ETags.check(expectedVersion, task.getVersion(), "task");
            }
            TaskStatus current = task.getStatus();
            if (!TRANSITIONS.get(current).contains(target)) {
                Set<TaskStatus> allowed = TRANSITIONS.get(current);
                ApiProblem problem = ApiProblem.refused("Illegal status transition", "A " + current
                        + " task cannot become " + target + (allowed.isEmpty() ? "; " + current + " is final."
                        : "; from " + current + " it can become " + allowed.stream().map(Enum::name)
                                .collect(Collectors.joining(", ")) + "."));
                problem.getBody().setProperty("currentStatus", current.name());
                problem.getBody().setProperty("targetStatus", target.name());
                throw problem;
            }
            if (!closing && !blank(request.completionNotes())) {
                throw ApiProblem.invalid("completionNotes", "is only kept when a task is completed or cancelled");
            }
            List<String> changed = new ArrayList<>(List.of("status"));
            task.setStatus(target);
            if (closing) {
                task.setCompletionNotes(blank(request.completionNotes()) ? null : request.completionNotes());
                changed.add("completionNotes");
            }
            if (target == TaskStatus.COMPLETED) {
                task.setCompletedAt(clock.instant());
                task.setCompletedById(caller.userId());
                changed.add("completedAt");
                changed.add("completedById");
            }
            Task saved = tasks.saveAndFlush(task);
            audit.updated(TASK, id, task.getPatientId(), changed);
            return TaskView.of(saved, clock.instant());
        });
    }

    TaskView reassign(TenantPrincipal caller, String id, Long expectedVersion, TaskRequests.Reassignment request) {
        String assignee = request.assignedToId().trim();
        // First the task (so another organization's id answers 404 whatever the body says)...
        tenantScope.run(caller.organizationId(), caller.userId(), () -> find(id));
        // ...then the member, outside the transaction: the directory scopes itself as that user.
        requireActiveMember(caller, assignee);
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Task task = find(id);
            if (expectedVersion != null) {
                ETags.check(expectedVersion, task.getVersion(), "task");
            }
            requireOpen(task, "reassigned");
            List<String> changed = new ArrayList<>();
            track(changed, "assignedToId", task.getAssignedToId(), assignee);
            track(changed, "assignedById", task.getAssignedById(), caller.userId());
            task.setAssignedToId(assignee);
            task.setAssignedById(caller.userId());
            Task saved = tasks.saveAndFlush(task);
            audit.updated(TASK, id, task.getPatientId(), changed);
            return TaskView.of(saved, clock.instant());
        });
    }

    /** {@code assignedTo}: "me" or a user id; {@code overdue}: open with a due date in the past. */
    record Filter(String assignedTo, TaskStatus status, TaskPriority priority, String patientId, Instant dueBefore,
            Boolean overdue) {
    }

    PageResponse<TaskView> list(TenantPrincipal caller, Filter filter, PageQuery paging, String sort) {
        Sort order = SORTS.resolve(sort);
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Instant now = clock.instant();
            StringBuilder where = new StringBuilder(" WHERE true");
            List<Object> arguments = new ArrayList<>();
            List<String> used = new ArrayList<>();
            String assignedTo = "me".equals(filter.assignedTo()) ? caller.userId() : filter.assignedTo();
            condition(where, arguments, used, "assignedTo", " AND assigned_to_id = ?", assignedTo);
            condition(where, arguments, used, "status", " AND status = ?", name(filter.status()));
            condition(where, arguments, used, "priority", " AND priority = ?", name(filter.priority()));
            condition(where, arguments, used, "patientId", " AND patient_id = ?", filter.patientId());
            condition(where, arguments, used, "dueBefore", " AND due_date < ?",
                    filter.dueBefore() == null ? null : Timestamp.from(filter.dueBefore()));
            if (filter.overdue() != null) {
                String overdue = "(status IN ('PENDING', 'IN_PROGRESS') AND due_date < ?)";
                condition(where, arguments, used, "overdue", filter.overdue() ? " AND " + overdue
                        : " AND NOT coalesce(" + overdue + ", false)", Timestamp.from(now));
            }
            Long total = jdbc.queryForObject("SELECT count(*) FROM tasks" + where, Long.class, arguments.toArray());
            List<Object> paged = new ArrayList<>(arguments);
            paged.add(paging.sizeOrDefault());
            paged.add((long) paging.pageOrDefault() * paging.sizeOrDefault());
            List<String> ids = jdbc.queryForList("SELECT id FROM tasks" + where + orderBy(order) + " LIMIT ? OFFSET ?",
                    String.class, paged.toArray());
            Map<String, Task> found = tasks.findAllById(ids).stream()
                    .collect(Collectors.toMap(Task::getId, Function.identity()));
            List<TaskView> items = ids.stream().map(found::get).filter(Objects::nonNull)
                    .map(task -> TaskView.of(task, now)).toList();
            audit.searched(TASK, ids, used, blank(filter.patientId()) ? null : filter.patientId());
            long count = total == null ? 0 : total;
            int size = paging.sizeOrDefault();
            return new PageResponse<>(items, paging.pageOrDefault(), size, count, (int) ((count + size - 1) / size));
        });
    }

    private static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order order : sort) {
            parts.add(SORT_SQL.get(order.getProperty()) + (order.isAscending() ? " ASC" : " DESC") + " NULLS LAST");
        }
        return " ORDER BY " + String.join(", ", parts);
    }

    /** The patient of a linked alert or assessment; it must exist here and match the task's patient. */
    private String linkedPatient(String field, String table, String id, String patientId) {
        if (id == null) {
            return patientId;
        }
        List<String> owner = jdbc.queryForList("SELECT patient_id FROM " + table + " WHERE id = ?", String.class, id);
        if (owner.isEmpty()) {
            throw ApiProblem.invalid(field, "names no " + table.substring(0, table.length() - 1)
                    + " of this organization");
        }
        if (patientId != null && !patientId.equals(owner.get(0))) {
            throw ApiProblem.invalid(field, "belongs to another patient than the task's patientId");
        }
        return owner.get(0);
    }

    /** The directory scopes itself as the assignee, so this runs outside any tenant transaction. */
    private void requireActiveMember(TenantPrincipal caller, String userId) {
        if (memberships.find(userId, caller.organizationId()).isEmpty()) {
            throw ApiProblem.invalid("assignedToId", "names no active member of this organization");
        }
    }

    private static <T> T refusingBadReferences(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (DataIntegrityViolationException e) {
            String constraint = RefusedWrite.constraint(e);
            if ("tasks_alert_fkey".equals(constraint)) {
                throw ApiProblem.invalid("alertId", "names no alert of this organization");
            }
            if ("tasks_assessment_fkey".equals(constraint)) {
                throw ApiProblem.invalid("assessmentId", "names no assessment of this organization");
            }
            if ("tasks_patient_fkey".equals(constraint)) {
                throw ApiProblem.invalid("patientId", "names no patient of this organization");
            }
            throw e;
        }
    }

    private static void requireOpen(Task task, String what) {
        if (task.getStatus() == TaskStatus.COMPLETED || task.getStatus() == TaskStatus.CANCELLED) {
            throw ApiProblem.refused("Task closed", "The task is " + task.getStatus() + " and can no longer be "
                    + what + ".");
        }
    }

    private Task find(String id) {
        return tasks.findById(id).orElseThrow(() -> ApiProblem.notFound("task"));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void condition(StringBuilder where, List<Object> arguments, List<String> used, String name,
            String clause, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            where.append(clause);
            arguments.add(value);
            used.add(name);
        }
    }

    private static void track(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }
}
