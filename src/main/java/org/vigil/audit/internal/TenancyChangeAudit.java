package org.vigil.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vigil.tenancy.MembershipChanged;
import org.vigil.tenancy.OrganizationAdministered;
import org.vigil.tenancy.OrganizationSettingsChanged;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records membership, settings and organization changes in the audit log, synchronously in the
 * changing transaction (no entry, no change). Details name the changed fields, never values.
 */
@Component
class TenancyChangeAudit {

    private final AuditLogEntryRepository entries;
    private final TenantScope tenantScope;
    private final JsonMapper json;

    TenancyChangeAudit(AuditLogEntryRepository entries, TenantScope tenantScope, JsonMapper json) {
        this.entries = entries;
        this.tenantScope = tenantScope;
        this.json = json;
    }

    @EventListener
    void on(MembershipChanged event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changedFields", event.changedFields());
        details.put("memberUserId", event.memberUserId());
        AuditLogEntry entry = entry(event.organizationId(), "MEMBERSHIP_CHANGED", event.actorUserId(), "membership",
                event.membershipId(), details);
        tenantScope.run(event.organizationId(), event.actorUserId(), () -> entries.save(entry));
    }

    @EventListener
    void on(OrganizationSettingsChanged event) {
        AuditLogEntry entry = entry(event.organizationId(), "ORGANIZATION_SETTINGS_CHANGED", event.actorUserId(),
                "organization", event.organizationId(), Map.of("changedFields", event.changedFields()));
        tenantScope.run(event.organizationId(), event.actorUserId(), () -> entries.save(entry));
    }

    /** Published inside platform administration, whose transaction may write any organization's entry. */
    @EventListener
    void on(OrganizationAdministered event) {
        entries.save(entry(event.organizationId(), "ORGANIZATION_" + event.action(), event.actorUserId(),
                "organization", event.organizationId(), Map.of("changedFields", event.changedFields())));
    }

    private AuditLogEntry entry(String organizationId, String action, String actor, String resourceType,
            String resourceId, Map<String, Object> details) {
        AuditLogEntry entry = new AuditLogEntry(organizationId, action);
        entry.setUserId(actor);
        entry.setResourceType(resourceType);
        entry.setResourceId(resourceId);
        entry.setHipaaRelevant(true);
        entry.setDetails(json.writeValueAsString(details));
        return entry;
    }
}
