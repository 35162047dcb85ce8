package org.vigil.monitoring.internal;

import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.vigil.patients.EnrollmentChanged;
import org.vigil.tenancy.TenantScope;

/**
 * Keeps an enrollment's scheduled questionnaires in step with it: an ACTIVE enrollment gets its
 * preset's due items and any other status cancels the open ones — in the same transaction as the
 * enrollment change, so the two commit together or not at all.
 */
@Component
class AssessmentScheduling {

    private final TenantScope tenantScope;
    private final AssessmentPlanner planner;

    AssessmentScheduling(TenantScope tenantScope, AssessmentPlanner planner) {
        this.tenantScope = tenantScope;
        this.planner = planner;
    }

    @EventListener
    void on(EnrollmentChanged change) {
        tenantScope.run(change.organizationId(), () -> {
            planner.cancelIfNotActive(change.enrollmentId());
            planner.plan(change.enrollmentId());
        });
    }
}
