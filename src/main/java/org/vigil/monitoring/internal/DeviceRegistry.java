package org.vigil.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.audit.AuditedResource;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.patients.PatientDirectory;
import org.vigil.shared.Ids;
import org.vigil.shared.persistence.RefusedWrite;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.tenancy.PlatformScope;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/**
 * The organization's device registry: devices (vendor + serial/IMEI, registered once across the
 * platform), their assignments to patients for a period (never two overlapping periods for one
 * device), and the deliveries the webhook refused. Assignments link a device to a patient, so
 * reading and writing them is audited as patient data.
 */
@Service
class DeviceRegistry {

    static final AuditedResource ASSIGNMENT = AuditedResource.phi("DeviceAssignment");
    static final AuditedResource DEVICE = AuditedResource.business("Device");
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    record DeviceRequest(String vendor, String serialNumber, String model, String deviceType) {
    }

    record AssignmentView(String id, String deviceId, String patientId, Instant assignedAt, Instant unassignedAt) {
    }

    record DeviceView(String id, String vendor, String serialNumber, String model, String deviceType, boolean active,
            AssignmentView currentAssignment, Instant createdAt) {
    }

    record RefusalView(String id, String deviceId, String vendor, String serialNumber, String reason, int readingCount,
            Instant firstRecordedAt, Instant lastRecordedAt, Instant receivedAt) {
    }

    private final TenantScope tenantScope;
    private final PlatformScope platformScope;
    private final PatientDirectory patients;
    private final JdbcTemplate jdbc;
    private final RecordAccessAudit audit;
    private final Clock clock;

    DeviceRegistry(TenantScope tenantScope, PlatformScope platformScope, PatientDirectory patients, JdbcTemplate jdbc,
            RecordAccessAudit audit, Clock clock) {
        this.tenantScope = tenantScope;
        this.platformScope = platformScope;
        this.patients = patients;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    DeviceView register(TenantPrincipal caller, DeviceRequest request) {
        String vendor = DeviceVendors.normalize(request.vendor());
        String serial = request.serialNumber() == null ? "" : request.serialNumber().trim();
        if (vendor.isEmpty() || vendor.length() > 64 || !vendor.matches("[a-z0-9][a-z0-9._-]*")) {
            throw ApiProblem.invalid("vendor", "required: the vendor's name as in the webhook path (letters, digits, "
                    + ". _ -; at most 64)");
        }
        if (serial.isEmpty() || serial.length() > DeviceWebhook.MAX_SERIAL) {
            throw ApiProblem.invalid("serialNumber", "required: the serial number or IMEI (at most "
                    + DeviceWebhook.MAX_SERIAL + " characters)");
        }
        if (request.model() != null && request.model().length() > 200) {
            throw ApiProblem.invalid("model", "at most 200 characters");
        }
        if (request.deviceType() != null && request.deviceType().length() > 64) {
            throw ApiProblem.invalid("deviceType", "at most 64 characters");
        }
        String id = Ids.newId();
        try {
            return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
                Instant now = clock.instant();
                jdbc.update("INSERT INTO devices (id, organization_id, vendor, serial_number, model, device_type, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, caller.organizationId(), vendor,
                        serial, request.model(), request.deviceType(), Timestamp.from(now), Timestamp.from(now));
                audit.created(DEVICE, id, null);
                return device(id);
            });
        } catch (DataIntegrityViolationException e) {
            if ("devices_vendor_serial_number_key".equals(RefusedWrite.constraint(e))) {
                throw ApiProblem.conflict("serialNumber", "Device already registered",
                        "A device with this vendor and serial number is already registered.");
            }
            throw e;
        }
    }

    PageResponse<DeviceView> list(TenantPrincipal caller, PageQuery page) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            long total = jdbc.queryForObject("SELECT count(*) FROM devices", Long.class);
            List<String> ids = jdbc.queryForList("SELECT id FROM devices ORDER BY vendor, serial_number LIMIT ? OFFSET ?",
                    String.class, page.sizeOrDefault(), (long) page.pageOrDefault() * page.sizeOrDefault());
            List<DeviceView> views = ids.stream().map(this::device).toList();
            List<String> assignmentIds = views.stream().filter(v -> v.currentAssignment() != null)
                    .map(v -> v.currentAssignment().id()).toList();
            if (!assignmentIds.isEmpty()) {
                audit.searched(ASSIGNMENT, assignmentIds, List.of(), null);
            }
            int size = page.sizeOrDefault();
            return new PageResponse<>(views, page.pageOrDefault(), size, total, (int) ((total + size - 1) / size));
        });
    }

    List<AssignmentView> assignments(TenantPrincipal caller, String deviceId) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            requireDevice(deviceId);
            List<AssignmentView> views = jdbc.query("SELECT * FROM device_assignments WHERE device_id = ? "
                    + "ORDER BY assigned_at DESC", DeviceRegistry::assignment, deviceId);
            audit.searched(ASSIGNMENT, views.stream().map(AssignmentView::id).toList(), List.of("deviceId"), null);
            return views;
        });
    }

    AssignmentView assign(TenantPrincipal caller, String deviceId, String patientId, Instant assignedAt,
            Instant unassignedAt) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            // the device row is locked, so two concurrent assignments of one device cannot both pass the check
            Boolean active = jdbc.query("SELECT is_active FROM devices WHERE id = ? FOR UPDATE",
                    (rs, n) -> rs.getBoolean(1), deviceId).stream().findFirst()
                    .orElseThrow(() -> ApiProblem.notFound("device"));
            Instant now = clock.instant();
            Instant from = assignedAt == null ? now : assignedAt;
            if (!active) {
                throw ApiProblem.refused("Device inactive", "An inactive device cannot be assigned.");
            }
            if (from.isAfter(now.plus(FUTURE_TOLERANCE))) {
                throw ApiProblem.invalid("assignedAt", "must not be in the future");
            }
            if (unassignedAt != null && !unassignedAt.isAfter(from)) {
                throw ApiProblem.invalid("unassignedAt", "must be after assignedAt");
            }
            var patient = patients.find(patientId).orElseThrow(() -> ApiProblem.invalid("patientId", "unknown patient"));
            if (!patient.active()) {
                throw ApiProblem.invalid("patientId", "the patient is not active");
            }
            Boolean overlaps = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM device_assignments WHERE device_id = ? "
                    + "AND tstzrange(assigned_at, unassigned_at) && tstzrange(?, ?))", Boolean.class, deviceId,
                    Timestamp.from(from), unassignedAt == null ? null : Timestamp.from(unassignedAt));
            if (Boolean.TRUE.equals(overlaps)) {
                throw ApiProblem.conflict("assignedAt", "Assignment overlaps",
                        "The device is assigned to a patient during part of this period; end that assignment first.");
            }
            String id = Ids.newId();
            jdbc.update("INSERT INTO device_assignments (id, organization_id, device_id, patient_id, assigned_at, "
                    + "unassigned_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id,
                    caller.organizationId(), deviceId, patientId, Timestamp.from(from),
                    unassignedAt == null ? null : Timestamp.from(unassignedAt), Timestamp.from(now), Timestamp.from(now));
            audit.created(ASSIGNMENT, id, patientId);
            return new AssignmentView(id, deviceId, patientId, from, unassignedAt);
        });
    }

    AssignmentView end(TenantPrincipal caller, String deviceId, String assignmentId, Instant endedAt) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            AssignmentView current = jdbc.query("SELECT * FROM device_assignments WHERE id = ? AND device_id = ? "
                    + "FOR UPDATE", DeviceRegistry::assignment, assignmentId, deviceId).stream().findFirst()
                    .orElseThrow(() -> ApiProblem.notFound("device assignment"));
            Instant now = clock.instant();
            Instant end = endedAt == null ? now : endedAt;
            if (current.unassignedAt() != null) {
                throw ApiProblem.refused("Assignment already ended", "This assignment has already ended.");
            }
            if (end.isAfter(now.plus(FUTURE_TOLERANCE))) {
                throw ApiProblem.invalid("endedAt", "must not be in the future");
            }
            if (!end.isAfter(current.assignedAt())) {
                throw ApiProblem.invalid("endedAt", "must be after the assignment's start");
            }
            jdbc.update("UPDATE device_assignments SET unassigned_at = ?, updated_at = ? WHERE id = ?",
                    Timestamp.from(end), Timestamp.from(now), assignmentId);
            audit.updated(ASSIGNMENT, assignmentId, current.patientId(), List.of("unassignedAt"));
            return new AssignmentView(current.id(), deviceId, current.patientId(), current.assignedAt(), end);
        });
    }

    /**
     * Takes a device out of service (lost, broken, returned to the vendor): its open assignment
     * ends now, and later deliveries are refused as DEVICE_INACTIVE. A device stays registered (its
     * readings and refusals name it); registering it again is not possible.
     */
    DeviceView deactivate(TenantPrincipal caller, String deviceId) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Boolean active = jdbc.query("SELECT is_active FROM devices WHERE id = ? FOR UPDATE",
                    (rs, n) -> rs.getBoolean(1), deviceId).stream().findFirst()
                    .orElseThrow(() -> ApiProblem.notFound("device"));
            if (!active) {
                throw ApiProblem.refused("Device inactive", "The device is already inactive.");
            }
            Instant now = clock.instant();
            List<AssignmentView> open = jdbc.query("SELECT * FROM device_assignments WHERE device_id = ? "
                    + "AND unassigned_at IS NULL FOR UPDATE", DeviceRegistry::assignment, deviceId);
            for (AssignmentView a : open) {
                // an assignment starting in the future ends where it starts (nothing is covered)
                Instant end = now.isAfter(a.assignedAt()) ? now : a.assignedAt().plusMillis(1);
                jdbc.update("UPDATE device_assignments SET unassigned_at = ?, updated_at = ? WHERE id = ?",
                        Timestamp.from(end), Timestamp.from(now), a.id());
                audit.updated(ASSIGNMENT, a.id(), a.patientId(), List.of("unassignedAt"));
            }
            jdbc.update("UPDATE devices SET is_active = false, updated_at = ?, version = version + 1 WHERE id = ?",
                    Timestamp.from(now), deviceId);
            audit.updated(DEVICE, deviceId, null, List.of("active"));
            return device(deviceId);
        });
    }

    PageResponse<RefusalView> refusals(TenantPrincipal caller, PageQuery page) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> refusalPage(page));
    }

    /** Deliveries for devices no organization registered: platform administration only, audited. */
    PageResponse<RefusalView> unknownDeviceRefusals(String platformAdminId, PageQuery page) {
        return platformScope.call(platformAdminId, "list device webhook deliveries for unregistered devices",
                () -> refusalPage(page, "WHERE organization_id IS NULL"));
    }

    private PageResponse<RefusalView> refusalPage(PageQuery page) {
        return refusalPage(page, "");
    }

    private PageResponse<RefusalView> refusalPage(PageQuery page, String where) {
        long total = jdbc.queryForObject("SELECT count(*) FROM device_refusals " + where, Long.class);
        int size = page.sizeOrDefault();
        List<RefusalView> items = jdbc.query("SELECT * FROM device_refusals " + where
                + " ORDER BY received_at DESC, id LIMIT ? OFFSET ?", (rs, n) -> new RefusalView(rs.getString("id"),
                rs.getString("device_id"), rs.getString("vendor"), rs.getString("serial_number"), rs.getString("reason"),
                rs.getInt("reading_count"), instant(rs, "first_recorded_at"), instant(rs, "last_recorded_at"),
                instant(rs, "received_at")), size, (long) page.pageOrDefault() * size);
        return new PageResponse<>(items, page.pageOrDefault(), size, total, (int) ((total + size - 1) / size));
    }

    private void requireDevice(String deviceId) {
        if (jdbc.queryForList("SELECT id FROM devices WHERE id = ?", String.class, deviceId).isEmpty()) {
            throw ApiProblem.notFound("device");
        }
    }

    private DeviceView device(String id) {
        return jdbc.query("SELECT * FROM devices WHERE id = ?", (rs, n) -> {
            String deviceId = rs.getString("id");
            return new DeviceView(deviceId, rs.getString("vendor"), rs.getString("serial_number"), rs.getString("model"),
                    rs.getString("device_type"), rs.getBoolean("is_active"), null, instant(rs, "created_at"));
        }, id).stream().findFirst().map(d -> new DeviceView(d.id(), d.vendor(), d.serialNumber(), d.model(),
                d.deviceType(), d.active(), jdbc.query("SELECT * FROM device_assignments WHERE device_id = ? AND "
                + "assigned_at <= ? AND (unassigned_at IS NULL OR unassigned_at > ?) ORDER BY assigned_at DESC LIMIT 1",
                DeviceRegistry::assignment, d.id(), Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
                .stream().findFirst().orElse(null), d.createdAt()))
                .orElseThrow(() -> ApiProblem.notFound("device"));
    }

    private static AssignmentView assignment(ResultSet rs, int n) throws SQLException {
        return new AssignmentView(rs.getString("id"), rs.getString("device_id"), rs.getString("patient_id"),
                instant(rs, "assigned_at"), instant(rs, "unassigned_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
