package org.vigil.audit.internal;

import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.tenancy.TenantPrincipal;

/**
 * The audit log of the caller's organization: a paged search (newest first, at most 200 a page)
 * and a CSV export of the newest 10,000 matching entries. Needs AUDIT_READ.
 */
@RestController
@RequestMapping("/api/v1")
class AuditEventsController {

    static final int CSV_MAX_ROWS = 10_000;
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final AuditSearch search;

    AuditEventsController(AuditSearch search) {
        this.search = search;
    }

    @GetMapping("/audit-events")
    @PreAuthorize("hasAuthority('AUDIT_READ')")
    AuditSearch.Page search(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @ModelAttribute AuditSearchParams params) {
        return search.page(caller.organizationId(), caller.userId(), params.filter(), params.pageOrDefault(),
                params.sizeOrDefault());
    }

    @GetMapping("/audit-events.csv")
    @PreAuthorize("hasAuthority('AUDIT_READ')")
    ResponseEntity<String> export(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @ModelAttribute AuditSearchParams params) {
        String csv = AuditCsv.write(search.newest(caller.organizationId(), caller.userId(), params.filter(),
                CSV_MAX_ROWS));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events.csv\"")
                .body(csv);
    }
}
