package org.vigil.audit.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.vigil.audit.AuditOutcome;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends one entry to the audit log. Inside a running (tenant or platform) transaction the entry
 * is written in it, so it commits or rolls back with the change it records; outside one it is
 * written in the entry's organization's scope (so that organization's auditors see it), or as an
 * organization-less entry. {@code details} carries identifiers and field names, never PHI.
 */
@Component
class AuditTrail {

    record Entry(String organizationId, String userId, String action, String resourceType, String resourceId,
            String patientId, AuditOutcome outcome, String ipAddress, String userAgent, Map<String, Object> details) {

        /** An entry about no particular patient. */
        Entry(String organizationId, String userId, String action, String resourceType, String resourceId,
                AuditOutcome outcome, String ipAddress, String userAgent, Map<String, Object> details) {
            this(organizationId, userId, action, resourceType, resourceId, null, outcome, ipAddress, userAgent,
                    details);
        }
    }

    private final AuditLogEntryRepository entries;
    private final TenantScope tenantScope;
    private final JsonMapper json;

    AuditTrail(AuditLogEntryRepository entries, TenantScope tenantScope, JsonMapper json) {
        this.entries = entries;
        this.tenantScope = tenantScope;
        this.json = json;
    }

    void append(Entry entry) {
        append(entry, true);
    }

    void append(Entry entry, boolean hipaaRelevant) {
        AuditLogEntry row = new AuditLogEntry(entry.organizationId(), entry.action());
        row.setUserId(entry.userId());
        row.setResourceType(entry.resourceType());
        row.setResourceId(entry.resourceId());
        row.setPatientId(entry.patientId());
        row.setOutcome(entry.outcome());
        row.setIpAddress(entry.ipAddress());
        row.setUserAgent(entry.userAgent());
        row.setHipaaRelevant(hipaaRelevant);
        row.setDetails(json.writeValueAsString(entry.details()));
        if (TransactionSynchronizationManager.isActualTransactionActive() || entry.organizationId() == null) {
            entries.save(row);
        } else {
            tenantScope.run(entry.organizationId(), entry.userId(), () -> entries.save(row));
        }
    }
}
