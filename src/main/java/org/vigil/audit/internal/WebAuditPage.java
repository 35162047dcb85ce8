package org.vigil.audit.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.OrganizationZones;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/**
 * The audit log search page: filters by user id, action, patient id and a date range (days in the
 * organization's time zone, both ends included), newest first, 50 a page, and the same search as
 * CSV through the web session ({@code /admin/audit.csv}, the newest 10,000 entries, like the API).
 */
@WebPage
class WebAuditPage {

    static final int PAGE_SIZE = 50;

    private final AuditSearch search;
    private final OrganizationZones zones;
    private final TenantScope tenantScope;

    WebAuditPage(AuditSearch search, OrganizationZones zones, TenantScope tenantScope) {
        this.search = search;
        this.zones = zones;
        this.tenantScope = tenantScope;
    }

    /** The filters as typed; {@code errors} per field name. */
    record Filters(String userId, String action, String patientId, String from, String to) {
    }

    @GetMapping("/admin/audit")
    @PreAuthorize("hasAuthority('AUDIT_READ')")
    String page(@AuthenticationPrincipal TenantPrincipal caller, Filters filters,
            @RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        AuditSearch.Filter filter = filter(caller, filters, errors);
        model.addAttribute("filters", filters);
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("result", null);
            return "admin/audit";
        }
        int current = Math.max(0, Math.min(page, 100_000));
        AuditSearch.Page result = search.page(caller.organizationId(), caller.userId(), filter, current, PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("lastPage", Math.max(0, (result.totalItems() - 1) / PAGE_SIZE));
        model.addAttribute("zone", zone(caller));
        return "admin/audit";
    }

    @GetMapping("/admin/audit.csv")
    @PreAuthorize("hasAuthority('AUDIT_READ')")
    ResponseEntity<String> export(@AuthenticationPrincipal TenantPrincipal caller, Filters filters) {
        Map<String, String> errors = new LinkedHashMap<>();
        AuditSearch.Filter filter = filter(caller, filters, errors);
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.TEXT_PLAIN)
                    .body("Correct the search first: " + String.join("; ", errors.values()) + "\n");
        }
        String csv = AuditCsv.write(search.newest(caller.organizationId(), caller.userId(), filter,
                AuditEventsController.CSV_MAX_ROWS));
        return ResponseEntity.ok()
                .contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events.csv\"").body(csv);
    }

    private AuditSearch.Filter filter(TenantPrincipal caller, Filters filters, Map<String, String> errors) {
        ZoneId zone = zone(caller);
        LocalDate from = date(filters.from(), "from", errors);
        LocalDate to = date(filters.to(), "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to", "must not be before the first day");
        }
        check(filters.userId(), 64, "userId", errors);
        check(filters.action(), 100, "action", errors);
        check(filters.patientId(), 64, "patientId", errors);
        return new AuditSearch.Filter(blank(filters.userId()), blank(filters.patientId()),
                blank(filters.action()) == null ? null : blank(filters.action()).toUpperCase(java.util.Locale.ROOT),
                null, null, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1000));
    }

    private ZoneId zone(TenantPrincipal caller) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> zones.zoneOf(caller.organizationId()));
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date such as 2026-01-31");
            return null;
        }
    }

    private static void check(String text, int max, String field, Map<String, String> errors) {
        if (text != null && text.trim().length() > max) {
            errors.put(field, "must be at most " + max + " characters");
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
