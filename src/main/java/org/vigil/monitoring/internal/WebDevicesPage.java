package org.vigil.monitoring.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.Granted;
import org.vigil.tenancy.Permission;
import org.vigil.tenancy.TenantPrincipal;

/**
 * The device registry page: the organization's devices with their current assignment; for those
 * who do the care work (OBSERVATION_WRITE, as in the API) registering a device, assigning it to a
 * patient from now on, ending the assignment and taking a device out of service. A refusal of the
 * registry (a device already registered, an overlapping assignment, an unknown patient) is shown
 * above the list.
 */
@WebPage
class WebDevicesPage {

    private final DeviceRegistry registry;

    WebDevicesPage(DeviceRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/admin/devices")
    @PreAuthorize("hasAuthority('OBSERVATION_READ')")
    String page(@AuthenticationPrincipal TenantPrincipal caller, Authentication authentication,
            @RequestParam(defaultValue = "0") int page, @RequestParam(name = "m", required = false) String message,
            Model model) {
        if (message != null) {
            model.addAttribute("notice", switch (message) {
                case "registered" -> "The device was registered.";
                case "assigned" -> "The device was assigned.";
                case "ended" -> "The assignment was ended.";
                case "deactivated" -> "The device was taken out of service.";
                default -> null;
            });
        }
        return render(caller, authentication, Math.max(0, Math.min(page, 100_000)), null, model);
    }

    @PostMapping("/admin/devices")
    @PreAuthorize("hasAuthority('OBSERVATION_WRITE')")
    String register(@AuthenticationPrincipal TenantPrincipal caller, Authentication authentication,
            @RequestParam(defaultValue = "") String vendor, @RequestParam(defaultValue = "") String serialNumber,
            @RequestParam(defaultValue = "") String model, @RequestParam(defaultValue = "") String deviceType,
            Model page, HttpServletResponse response) {
        return attempt(caller, authentication, page, response, "registered", () -> registry.register(caller,
                new DeviceRegistry.DeviceRequest(vendor.trim(), serialNumber.trim(), blank(model), blank(deviceType))));
    }

    @PostMapping("/admin/devices/{deviceId}/assign")
    @PreAuthorize("hasAuthority('OBSERVATION_WRITE')")
    String assign(@AuthenticationPrincipal TenantPrincipal caller, Authentication authentication,
            @PathVariable String deviceId, @RequestParam(defaultValue = "") String patientId, Model page,
            HttpServletResponse response) {
        return attempt(caller, authentication, page, response, "assigned", () -> {
            if (patientId.isBlank()) {
                throw ApiProblem.badRequest("Patient missing", "Enter the id of the patient to assign the device to.");
            }
            return registry.assign(caller, deviceId, patientId.trim(), null, null);
        });
    }

    @PostMapping("/admin/devices/{deviceId}/assignments/{assignmentId}/end")
    @PreAuthorize("hasAuthority('OBSERVATION_WRITE')")
    String end(@AuthenticationPrincipal TenantPrincipal caller, Authentication authentication,
            @PathVariable String deviceId, @PathVariable String assignmentId, Model page, HttpServletResponse response) {
        return attempt(caller, authentication, page, response, "ended",
                () -> registry.end(caller, deviceId, assignmentId, null));
    }

    @PostMapping("/admin/devices/{deviceId}/deactivate")
    @PreAuthorize("hasAuthority('OBSERVATION_WRITE')")
    String deactivate(@AuthenticationPrincipal TenantPrincipal caller, Authentication authentication,
            @PathVariable String deviceId, Model page, HttpServletResponse response) {
        return attempt(caller, authentication, page, response, "deactivated", () -> registry.deactivate(caller, deviceId));
    }

    private String attempt(TenantPrincipal caller, Authentication authentication, Model model,
            HttpServletResponse response, String done, java.util.function.Supplier<?> work) {
        try {
            work.get();
        } catch (ApiProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return render(caller, authentication, 0, describe(problem), model);
        }
        return "redirect:/admin/devices?m=" + done;
    }

    private String render(TenantPrincipal caller, Authentication authentication, int page, String problem, Model model) {
        model.addAttribute("devices", registry.list(caller, new PageQuery(page, 50)));
        model.addAttribute("mayWrite", Granted.may(authentication, Permission.OBSERVATION_WRITE));
        model.addAttribute("problem", problem);
        return "admin/devices";
    }

    private static String describe(ApiProblem problem) {
        StringBuilder text = new StringBuilder(String.valueOf(problem.getBody().getDetail()));
        if (problem.getBody().getProperties() != null
                && problem.getBody().getProperties().get("errors") instanceof java.util.List<?> errors) {
            text.setLength(0);
            for (Object error : errors) {
                if (error instanceof ApiProblem.FieldError field) {
                    text.append(text.isEmpty() ? "" : " ").append(field.field()).append(": ").append(field.message())
                            .append('.');
                }
            }
        }
        return text.toString();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
