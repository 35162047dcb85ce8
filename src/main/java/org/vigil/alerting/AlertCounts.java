package org.vigil.alerting;

import java.util.Map;
import org.vigil.tenancy.TenantPrincipal;

/**
 * How many alerts need attention in the caller's organization, for overviews such as the web
 * dashboard: counts only (no ids, no patient data), the same definitions as the triage queue
 * ({@code GET /api/v1/alerts/counts}).
 */
public interface AlertCounts {

    /**
     * @param openBySeverity open alerts (PENDING or ACKNOWLEDGED, snoozed included) by severity, every severity present
     * @param open           open alerts
     * @param unclaimed      open alerts nobody holds a live claim on
     * @param slaBreached    open alerts past their SLA breach time
     * @param claimedByMe    open alerts the caller holds a live claim on
     */
    record Counts(Map<String, Long> openBySeverity, long open, long unclaimed, long slaBreached, long claimedByMe) {
    }

    Counts of(TenantPrincipal caller);
}
