package org.vigil.carework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.audit.AuditedResource;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.carework.TimeLogActivity;
import org.vigil.carework.TimeLogSource;
import org.vigil.patients.PatientDirectory;
import org.vigil.shared.Ids;
import org.vigil.shared.persistence.RefusedWrite;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/**
 * Time spent on a patient's care, logged once: by server-side timer (one running timer per user)
 * or entered by hand, always as an interval of the clinician who spent it. The rules:
 * <ul>
 * <li>{@code clinicianId} is the Clinician the signed-in user works as (seed: "MUST be a valid
 * Clinician ID, not a User ID"); a user without a linked clinician profile cannot log time.</li>
 * <li>The enrollment is attributed automatically when the patient has exactly one ACTIVE
 * enrollment; otherwise it must be named. A log belongs to exactly one enrollment.</li>
 * <li>One clinician's intervals never overlap (checked under a per-clinician lock), so the same
 * minutes cannot be billed twice.</li>
 * </ul>
 */
@Service
class TimeTracking {

    static final AuditedResource TIME_LOG = AuditedResource.phi("TimeLog");
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final TenantScope tenantScope;
    private final PatientDirectory directory;
    private final TimeLogRepository logs;
    private final JdbcTemplate jdbc;
    private final RecordAccessAudit audit;
    private final Clock clock;

    TimeTracking(TenantScope tenantScope, PatientDirectory directory, TimeLogRepository logs, JdbcTemplate jdbc,
            RecordAccessAudit audit, Clock clock) {
        this.tenantScope = tenantScope;
        this.directory = directory;
        this.logs = logs;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    TimerView startTimer(TenantPrincipal caller, TimeLogRequests.StartTimer request) {
        try {
            return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
                clinicianOf(caller);
                requirePatient(request.patientId());
                String enrollment = attribute(request.patientId(), request.enrollmentId());
                Instant now = clock.instant();
                String id = Ids.newId();
                jdbc.update("INSERT INTO running_timers (id, organization_id, user_id, patient_id, enrollment_id, activity, "
                        + "started_at) VALUES (?, ?, ?, ?, ?, ?, ?)", id, caller.organizationId(), caller.userId(),
                        request.patientId(), enrollment, request.activity().name(), Timestamp.from(now));
                return new TimerView(id, request.patientId(), enrollment, request.activity().name(), now, 0);
            });
        } catch (DataIntegrityViolationException e) {
            if ("running_timers_user_id_key".equals(RefusedWrite.constraint(e))) {
                throw ApiProblem.refused("Timer already running",
                        "You already have a running timer. Stop or cancel it before starting another.");
            }
            throw e;
        }
    }

    Optional<TimerView> currentTimer(TenantPrincipal caller) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> timerOf(caller.userId()));
    }

    TimeLogView stopTimer(TenantPrincipal caller, TimeLogRequests.StopTimer request) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            TimerView timer = timerOf(caller.userId()).orElseThrow(() -> ApiProblem.refused("No running timer",
                    "You have no running timer in this organization."));
            LoggedInterval interval = new LoggedInterval(timer.startedAt(), clock.instant());
            if (interval.wholeMinutes() < 1) {
                throw ApiProblem.refused("Less than a minute",
                        "The timer ran for less than a minute; cancel it instead, time logs are whole minutes.");
            }
            // A timer's minutes are whole minutes: the log ends on the last full minute.
            LoggedInterval logged = LoggedInterval.ofMinutes(timer.startedAt(), interval.wholeMinutes());
            jdbc.update("DELETE FROM running_timers WHERE id = ?", timer.id());
            TimeLog log = write(caller, timer.patientId(), timer.enrollmentId(), TimeLogActivity.valueOf(timer.activity()),
                    logged, request.interactiveCommunication(), request.billable() == null || request.billable(),
                    request.notes(), TimeLogSource.TIMER);
            return TimeLogView.of(log);
        });
    }

    void cancelTimer(TenantPrincipal caller) {
        tenantScope.run(caller.organizationId(), caller.userId(), () -> {
            if (jdbc.update("DELETE FROM running_timers WHERE user_id = ?", caller.userId()) == 0) {
                throw ApiProblem.refused("No running timer", "You have no running timer in this organization.");
            }
        });
    }

    TimeLogView logManually(TenantPrincipal caller, TimeLogRequests.ManualEntry request) {
        LoggedInterval interval = LoggedInterval.ofMinutes(request.startedAt(), request.durationMinutes());
        notInTheFuture(interval);
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            requirePatient(request.patientId());
            String enrollment = attribute(request.patientId(), request.enrollmentId());
            return TimeLogView.of(write(caller, request.patientId(), enrollment, request.activity(), interval,
                    request.interactiveCommunication(), request.billable() == null || request.billable(),
                    request.notes(), TimeLogSource.MANUAL));
        });
    }

    /**
     * The minutes of an alert's resolution as one time log (see carework.AlertTimeLogging): the
     * interval ends now; the alert's enrollment, else the patient's only active one.
     */
    String logAlertResolution(TenantPrincipal caller, String alertId, String patientId, String enrollmentId,
            int minutes, boolean interactive, TimeLogActivity activity) {
        if (minutes < 1 || minutes > 1440) {
            throw ApiProblem.invalid("minutesSpent", "must be between 1 and 1440");
        }
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            String enrollment = attribute(patientId, enrollmentId);
            Instant now = clock.instant();
            LoggedInterval interval = LoggedInterval.ofMinutes(now.minus(Duration.ofMinutes(minutes)), minutes);
            TimeLog log = write(caller, patientId, enrollment, activity, interval, interactive, true, null,
                    TimeLogSource.ALERT_RESOLUTION, alertId);
            return log.getId();
        });
    }

    TimeLogView adjust(TenantPrincipal caller, String id, long expectedVersion, TimeLogRequests.Adjustment request) {
        LoggedInterval interval = LoggedInterval.ofMinutes(request.startedAt(), request.durationMinutes());
        notInTheFuture(interval);
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            TimeLog log = find(id);
            ETags.check(expectedVersion, log.getVersion(), "time log");
            String enrollment = request.enrollmentId() == null ? log.getEnrollmentId()
                    : attribute(log.getPatientId(), request.enrollmentId());
            lockAndRefuseOverlap(log.getClinicianId(), interval, id);
            List<String> changed = new ArrayList<>();
            track(changed, "enrollmentId", log.getEnrollmentId(), enrollment);
            track(changed, "activity", log.getActivity(), request.activity());
            track(changed, "startedAt", log.getStartedAt(), interval.startedAt());
            track(changed, "duration", log.getDuration(), interval.wholeMinutes());
            track(changed, "interactiveCommunication", log.isInteractiveCommunication(), request.interactiveCommunication());
            track(changed, "billable", log.isBillable(), request.billable());
            log.setEnrollmentId(enrollment);
            log.setActivity(request.activity());
            log.setStartedAt(interval.startedAt());
            log.setEndedAt(interval.endedAt());
            log.setLoggedAt(interval.endedAt());
            log.setDuration(interval.wholeMinutes());
            log.setInteractiveCommunication(request.interactiveCommunication());
            log.setBillable(request.billable());
            log.setNotes(request.notes());
            log.setAdjustmentReason(request.reason().trim());
            changed.add("adjustmentReason");
            TimeLog saved = logs.saveAndFlush(log);
            audit.updated(TIME_LOG, id, log.getPatientId(), changed);
            return TimeLogView.of(saved);
        });
    }

    void delete(TenantPrincipal caller, String id) {
        tenantScope.run(caller.organizationId(), caller.userId(), () -> {
            TimeLog log = find(id);
            audit.deleted(TIME_LOG, id, log.getPatientId());
            logs.delete(log);
            logs.flush();
        });
    }

    TimeLogView get(TenantPrincipal caller, String id) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            TimeLog log = find(id);
            audit.read(TIME_LOG, id, log.getPatientId());
            return TimeLogView.of(log);
        });
    }

    record Filter(String patientId, String enrollmentId, String clinicianId, Instant from, Instant to) {
    }

    PageResponse<TimeLogView> list(TenantPrincipal caller, Filter filter, PageQuery paging) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            StringBuilder where = new StringBuilder(" WHERE true");
            List<Object> arguments = new ArrayList<>();
            List<String> used = new ArrayList<>();
            condition(where, arguments, used, "patientId", " AND patient_id = ?", filter.patientId());
            condition(where, arguments, used, "enrollmentId", " AND enrollment_id = ?", filter.enrollmentId());
            condition(where, arguments, used, "clinicianId", " AND clinician_id = ?", filter.clinicianId());
            condition(where, arguments, used, "from", " AND logged_at >= ?",
                    filter.from() == null ? null : Timestamp.from(filter.from()));
            condition(where, arguments, used, "to", " AND logged_at < ?",
                    filter.to() == null ? null : Timestamp.from(filter.to()));
            Long total = jdbc.queryForObject("SELECT count(*) FROM time_logs" + where, Long.class, arguments.toArray());
            List<Object> paged = new ArrayList<>(arguments);
            paged.add(paging.sizeOrDefault());
            paged.add((long) paging.pageOrDefault() * paging.sizeOrDefault());
            List<String> ids = jdbc.queryForList("SELECT id FROM time_logs" + where
                    + " ORDER BY logged_at DESC, id DESC LIMIT ? OFFSET ?", String.class, paged.toArray());
            List<TimeLogView> items = logs.findAllById(ids).stream()
                    .sorted(java.util.Comparator.comparing(TimeLog::getLoggedAt).reversed()
                            .thenComparing(TimeLog::getId, java.util.Comparator.reverseOrder()))
                    .map(TimeLogView::of).toList();
            audit.searched(TIME_LOG, ids, used, filter.patientId());
            long count = total == null ? 0 : total;
            int size = paging.sizeOrDefault();
            return new PageResponse<>(items, paging.pageOrDefault(), size, count, (int) ((count + size - 1) / size));
        });
    }

    private static void condition(StringBuilder where, List<Object> arguments, List<String> used, String name,
            String clause, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            where.append(clause);
            arguments.add(value);
            used.add(name);
        }
    }

    private TimeLog write(TenantPrincipal caller, String patientId, String enrollmentId, TimeLogActivity activity,
            LoggedInterval interval, boolean interactive, boolean billable, String notes, TimeLogSource source) {
        return write(caller, patientId, enrollmentId, activity, interval, interactive, billable, notes, source, null);
    }

    private TimeLog write(TenantPrincipal caller, String patientId, String enrollmentId, TimeLogActivity activity,
            LoggedInterval interval, boolean interactive, boolean billable, String notes, TimeLogSource source,
            String alertId) {
        String clinician = clinicianOf(caller);
        lockAndRefuseOverlap(clinician, interval, null);
        TimeLog log = new TimeLog(patientId, clinician, activity, interval.wholeMinutes(), caller.organizationId());
        log.setEnrollmentId(enrollmentId);
        log.setStartedAt(interval.startedAt());
        log.setEndedAt(interval.endedAt());
        log.setLoggedAt(interval.endedAt());
        log.setInteractiveCommunication(interactive);
        log.setBillable(billable);
        log.setNotes(notes);
        log.setSource(source);
        log.setAlertId(alertId);
        log.setCreatedById(caller.userId());
        TimeLog saved = logs.saveAndFlush(log);
        audit.created(TIME_LOG, saved.getId(), patientId);
        return saved;
    }

    /** Serializes one clinician's writes, then refuses an interval overlapping one already logged. */
    private void lockAndRefuseOverlap(String clinicianId, LoggedInterval interval, String exceptId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended('time_logs:' || ?, 0))", clinicianId);
        List<Map<String, Object>> overlapping = jdbc.queryForList("SELECT id, started_at, ended_at FROM time_logs "
                + "WHERE clinician_id = ? AND started_at < ? AND ended_at > ? AND id <> ?", clinicianId,
                Timestamp.from(interval.endedAt()), Timestamp.from(interval.startedAt()), exceptId == null ? "" : exceptId);
        if (!overlapping.isEmpty()) {
            throw ApiProblem.conflict("startedAt", "Overlapping time",
                    "These minutes overlap time you already logged (time log " + overlapping.get(0).get("id")
                            + "); the same minutes cannot be counted twice.");
        }
    }

    private String clinicianOf(TenantPrincipal caller) {
        PatientDirectory.ClinicianRef clinician = directory.clinicianOf(caller.userId()).orElseThrow(() ->
                ApiProblem.refused("No clinician profile", "Your account is not linked to a clinician profile in this "
                        + "organization, and time is logged for a clinician. Ask an administrator to link it."));
        if (!clinician.active()) {
            throw ApiProblem.refused("Clinician inactive", "Your clinician profile is deactivated.");
        }
        return clinician.id();
    }

    private void requirePatient(String patientId) {
        directory.find(patientId).orElseThrow(() -> ApiProblem.notFound("patient"));
    }

    /** The named enrollment (of this patient), or the patient's only ACTIVE one. */
    private String attribute(String patientId, String enrollmentId) {
        if (enrollmentId != null && !enrollmentId.isBlank()) {
            PatientDirectory.EnrollmentRef enrollment = directory.enrollment(enrollmentId)
                    .filter(e -> e.patientId().equals(patientId))
                    .orElseThrow(() -> ApiProblem.invalid("enrollmentId", "names no enrollment of this patient"));
            return enrollment.id();
        }
        List<PatientDirectory.EnrollmentRef> active = directory.activeEnrollments(patientId);
        if (active.size() == 1) {
            return active.get(0).id();
        }
        throw ApiProblem.invalid("enrollmentId", active.isEmpty()
                ? "is required: the patient has no active enrollment to attribute the time to"
                : "is required: the patient has " + active.size() + " active enrollments; name the one this time is for");
    }

    private Optional<TimerView> timerOf(String userId) {
        Instant now = clock.instant();
        return jdbc.query("SELECT id, patient_id, enrollment_id, activity, started_at FROM running_timers WHERE user_id = ?",
                (rs, n) -> {
                    Instant started = rs.getTimestamp(5).toInstant();
                    return new TimerView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), started,
                            Math.max(0, Duration.between(started, now).toSeconds()));
                }, userId).stream().findFirst();
    }

    private TimeLog find(String id) {
        return logs.findById(id).orElseThrow(() -> ApiProblem.notFound("time log"));
    }

    private void notInTheFuture(LoggedInterval interval) {
        if (interval.endedAt().isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            throw ApiProblem.invalid("startedAt", "the logged time must not end in the future");
        }
    }

    private static void track(List<String> changed, String field, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            changed.add(field);
        }
    }
}
