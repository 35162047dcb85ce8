package org.vigil.monitoring.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.tenancy.TenantPrincipal;

/**
 * The device registry of the caller's organization. Registering devices and assigning them to
 * patients is care work (OBSERVATION_WRITE: the staff who hand a cuff to a patient); seeing the
 * devices and the refused deliveries needs OBSERVATION_READ, which organization administrators
 * hold, so they can see why a device's readings did not arrive.
 */
@RestController
@Tag(name = "Devices")
class DevicesController {

    private final DeviceRegistry registry;

    DevicesController(DeviceRegistry registry) {
        this.registry = registry;
    }

    record AssignmentRequest(String patientId, Instant assignedAt, Instant unassignedAt) {
    }

    record EndRequest(Instant endedAt) {
    }

    @PostMapping("/api/v1/devices")
    @PreAuthorize("hasAuthority('OBSERVATION_WRITE')")
    @Operation(summary = "Register a device", description = "{vendor (as in the webhook path), serialNumber (serial "
            + "or IMEI), model?, deviceType?}. A device is registered once across the platform: 409 when it already is.")
    ResponseEntity<DeviceRegistry.DeviceView> register(@AuthenticationPrincipal TenantPrincipal caller,
            @RequestBody DeviceRegistry.DeviceRequest request) {
        DeviceRegistry.DeviceView device = registry.register(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/devices/" + device.id())).body(device);
    }

    @GetMapping("/api/v1/devices")
    @PreAuthorize("hasAuthority('OBSERVATION_READ')")
    @Operation(summary = "The organization's devices", description = "By vendor and serial number, each with its "
            + "current assignment (if any); page/size.")
    PageResponse<DeviceRegistry.DeviceView> list(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid PageQuery page) {
        return registry.list(caller, page);
    }

    @GetMapping("/api/v1/devices/{deviceId}/assignments")
    @PreAuthorize("hasAuthority('OBSERVATION_READ')")
    @Operation(summary = "A device's assignments", description = "Newest first.")
    List<DeviceRegistry.AssignmentView> assignments(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String deviceId) {
        return registry.assignments(caller, deviceId);
    }

    @PostMapping("/api/v1/devices/{deviceId}/assignments")
    @PreAuthorize("hasAuthority('OBSERVATION_WRITE')")
    @Operation(summary = "Assign a device to a patient for a period", description = "{patientId, assignedAt? (default "
            + "now; may be in the past), unassignedAt? (open-ended when absent)}. 409 when the period overlaps "
            + "another assignment of the device.")
    ResponseEntity<DeviceRegistry.AssignmentView> assign(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String deviceId, @RequestBody AssignmentRequest request) {
        if (request.patientId() == null || request.patientId().isBlank()) {
            throw org.vigil.shared.web.ApiProblem.invalid("patientId", "required");
        }
        DeviceRegistry.AssignmentView view = registry.assign(caller, deviceId, request.patientId(),
                request.assignedAt(), request.unassignedAt());
        return ResponseEntity.created(URI.create("/api/v1/devices/" + deviceId + "/assignments")).body(view);
    }

    @PostMapping("/api/v1/devices/{deviceId}/assignments/{assignmentId}/end")
    @PreAuthorize("hasAuthority('OBSERVATION_WRITE')")
    @Operation(summary = "End a device's assignment", description = "{endedAt? (default now)}. Readings recorded "
            + "after the end are refused.")
    DeviceRegistry.AssignmentView end(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String deviceId,
            @PathVariable String assignmentId, @RequestBody(required = false) EndRequest request) {
        return registry.end(caller, deviceId, assignmentId, request == null ? null : request.endedAt());
    }

    @PostMapping("/api/v1/devices/{deviceId}/deactivate")
    @PreAuthorize("hasAuthority('OBSERVATION_WRITE')")
    @Operation(summary = "Take a device out of service", description = "Ends its open assignment now; later "
            + "deliveries are refused (DEVICE_INACTIVE). 409 when already inactive.")
    DeviceRegistry.DeviceView deactivate(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String deviceId) {
        return registry.deactivate(caller, deviceId);
    }

    @GetMapping("/api/v1/device-refusals")
    @PreAuthorize("hasAuthority('OBSERVATION_READ')")
    @Operation(summary = "Device deliveries the webhook refused", description = "Of this organization's devices: "
            + "inactive, or not assigned to a patient at the readings' times. Newest first; page/size.")
    PageResponse<DeviceRegistry.RefusalView> refusals(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid PageQuery page) {
        return registry.refusals(caller, page);
    }

    @GetMapping("/api/v1/platform/device-refusals")
    @PreAuthorize("@platformAdmins.isPlatformAdmin(authentication.name)")
    @Operation(summary = "Deliveries for devices no organization registered (platform administrators)",
            description = "Newest first; page/size. Every use is audited as platform administration.")
    PageResponse<DeviceRegistry.RefusalView> unknownDeviceRefusals(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid PageQuery page) {
        return registry.unknownDeviceRefusals(caller.userId(), page);
    }
}
