package org.vigil.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vigil.audit.AuditOutcome;
import org.vigil.identity.AccountEvent;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every sign-in event (success, failure, lock, refresh, reuse, logout) with who, which
 * organization, from where and when. Written in the organization's scope when there is one, so
 * that organization's auditors see it; otherwise as an organization-less entry.
 */
@Component
class AccountAudit {

    private final AuditLogEntryRepository entries;
    private final TenantScope tenantScope;
    private final JsonMapper json;

    AccountAudit(AuditLogEntryRepository entries, TenantScope tenantScope, JsonMapper json) {
        this.entries = entries;
        this.tenantScope = tenantScope;
        this.json = json;
    }

    @EventListener
    void on(AccountEvent event) {
        AuditLogEntry entry = new AuditLogEntry(event.organizationId(), event.action());
        entry.setUserId(event.userId());
        entry.setResourceType("session");
        entry.setOutcome(event.succeeded() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE);
        entry.setIpAddress(event.ipAddress());
        entry.setUserAgent(event.userAgent());
        entry.setHipaaRelevant(true);
        Map<String, Object> details = new LinkedHashMap<>();
        if (event.reason() != null) {
            details.put("reason", event.reason());
        }
        entry.setDetails(json.writeValueAsString(details));
        if (event.organizationId() != null) {
            tenantScope.run(event.organizationId(), event.userId(), () -> entries.save(entry));
        } else {
            entries.save(entry);
        }
    }
}
