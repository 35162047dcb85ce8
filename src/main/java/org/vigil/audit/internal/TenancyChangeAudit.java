package org.vigil.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.vigil.audit.AuditOutcome;
import org.springframework.stereotype.Component;
import org.vigil.tenancy.MembershipChanged;
import org.vigil.tenancy.OrganizationAdministered;
import org.vigil.tenancy.OrganizationSettingsChanged;

/**
 * Records membership, settings and organization changes in the audit log, synchronously in the
 * changing transaction (no entry, no change). Details name the changed fields, never values.
 */
@Component
class TenancyChangeAudit {

    private final AuditTrail trail;

    TenancyChangeAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(MembershipChanged event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changedFields", event.changedFields());
        details.put("memberUserId", event.memberUserId());
        trail.append(entry(event.organizationId(), "MEMBERSHIP_CHANGED", event.actorUserId(), "membership",
                event.membershipId(), details));
    }

    @EventListener
    void on(OrganizationSettingsChanged event) {
        trail.append(entry(event.organizationId(), "ORGANIZATION_SETTINGS_CHANGED", event.actorUserId(),
                "organization", event.organizationId(), Map.of("changedFields", event.changedFields())));
    }

    /** Published inside platform administration, whose transaction may write any organization's entry. */
    @EventListener
    void on(OrganizationAdministered event) {
        trail.append(entry(event.organizationId(), "ORGANIZATION_" + event.action(), event.actorUserId(),
                "organization", event.organizationId(), Map.of("changedFields", event.changedFields())));
    }

    private static AuditTrail.Entry entry(String organizationId, String action, String actor, String resourceType,
            String resourceId, Map<String, Object> details) {
        return new AuditTrail.Entry(organizationId, actor, action, resourceType, resourceId, AuditOutcome.SUCCESS, null,
                null, details);
    }
}
