package org.vigil.billing;

import java.time.LocalDate;
import org.vigil.tenancy.TenantPrincipal;

/**
 * Who may miss this month's billing thresholds in the caller's organization, for overviews such as
 * the web dashboard: the billing engine's readiness for the current month (organization's time
 * zone), counted. A code is <em>at risk</em> when it is not met yet but its shortfall can still be
 * made up before its deadline; <em>not met</em> counts codes that are not met with no remedy left
 * this period. The read is audited like the billing readiness endpoints.
 */
public interface BillingRisk {

    /**
     * @param month              the month evaluated (yyyy-MM)
     * @param asOf               today in the organization's time zone
     * @param patientsAtRisk     patients with at least one code at risk
     * @param enrollmentsAtRisk  enrollments with at least one code at risk
     * @param enrollmentsNotMet  enrollments with a code not met and nothing left to make it up
     * @param nextDeadline       the earliest deadline among the codes at risk, or null
     * @param enrollments        enrollments evaluated
     */
    record Risk(String month, LocalDate asOf, long patientsAtRisk, long enrollmentsAtRisk, long enrollmentsNotMet,
            LocalDate nextDeadline, long enrollments) {
    }

    Risk thisMonth(TenantPrincipal caller);
}
