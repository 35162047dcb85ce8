package org.vigil.audit.internal;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.vigil.audit.AuditOutcome;
import org.springframework.stereotype.Component;
import org.vigil.tenancy.PlatformAdministrationPerformed;

/**
 * Records every use of platform administration in the audit log, synchronously and inside the
 * same transaction: if the entry cannot be written, the platform work does not happen either.
 */
@Component
class PlatformAdministrationAudit {

    private final AuditTrail trail;

    PlatformAdministrationAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(PlatformAdministrationPerformed event) {
        trail.append(new AuditTrail.Entry(null, event.actorUserId(), "PLATFORM_ADMINISTRATION", "platform", null,
                AuditOutcome.SUCCESS, null, null, Map.of("reason", event.reason())));
    }
}
