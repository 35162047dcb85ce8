package org.vigil.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vigil.tenancy.PlatformAdministrationPerformed;

/**
 * Records every use of platform administration in the audit log, synchronously and inside the
 * same transaction: if the entry cannot be written, the platform work does not happen either.
 */
@Component
class PlatformAdministrationAudit {

    private final AuditLogEntryRepository entries;

    PlatformAdministrationAudit(AuditLogEntryRepository entries) {
        this.entries = entries;
    }

    @EventListener
    void on(PlatformAdministrationPerformed event) {
        AuditLogEntry entry = new AuditLogEntry(null, "PLATFORM_ADMINISTRATION");
        entry.setUserId(event.actorUserId());
        entry.setResourceType("platform");
        entry.setDetails(PlatformAdministrationDetails.json(event.reason()));
        entry.setHipaaRelevant(true);
        entries.save(entry);
    }
}
