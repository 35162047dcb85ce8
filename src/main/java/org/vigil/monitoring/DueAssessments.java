package org.vigil.monitoring;

import org.vigil.tenancy.TenantPrincipal;

/**
 * How many scheduled questionnaires are due in the caller's organization, for overviews such as
 * the web dashboard: counts only, "today" in the organization's time zone.
 */
public interface DueAssessments {

    /**
     * @param overdue  open (PENDING, IN_PROGRESS or OVERDUE) and due before now
     * @param dueToday open and due from now until the end of today
     * @param patients distinct patients among both
     */
    record Due(long overdue, long dueToday, long patients) {
    }

    Due today(TenantPrincipal caller);
}
