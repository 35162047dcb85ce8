package org.vigil.audit.internal;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vigil.audit.AuditOutcome;
import org.vigil.identity.AccountEvent;

/**
 * Records every account event (sign-in success and failure, lock, refresh, reuse, logout, MFA,
 * password reset, verification, invitations) with who, which organization, from where and when.
 */
@Component
class AccountAudit {

    private final AuditTrail trail;

    AccountAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(AccountEvent event) {
        trail.append(new AuditTrail.Entry(event.organizationId(), event.userId(), event.action(), "session", null,
                event.succeeded() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, event.ipAddress(), event.userAgent(),
                event.reason() == null ? Map.of() : Map.of("reason", event.reason())));
    }
}
