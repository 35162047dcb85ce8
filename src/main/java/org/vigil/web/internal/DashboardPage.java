package org.vigil.web.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.vigil.alerting.AlertCounts;
import org.vigil.billing.BillingRisk;
import org.vigil.identity.Caller;
import org.vigil.monitoring.DueAssessments;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.Permission;

/**
 * The signed-in home page: what needs attention today, one card per concern the member's
 * permissions allow — open alerts by severity and SLA breaches (ALERT_READ), questionnaires due
 * today or overdue (ASSESSMENT_READ), enrollments at risk of missing this month's billing
 * thresholds (BILLING_READ). Counts only, each from one set-based read of its module.
 */
@WebPage
class DashboardPage {

    private final AlertCounts alerts;
    private final DueAssessments assessments;
    private final BillingRisk billing;

    DashboardPage(AlertCounts alerts, DueAssessments assessments, BillingRisk billing) {
        this.alerts = alerts;
        this.assessments = assessments;
        this.billing = billing;
    }

    /** Every signed-in member may see the dashboard; each card checks its own permission. */
    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String dashboard(@AuthenticationPrincipal Caller caller, Model model) {
        if (caller.may(Permission.ALERT_READ)) {
            model.addAttribute("alerts", alerts.of(caller));
        }
        if (caller.may(Permission.ASSESSMENT_READ)) {
            model.addAttribute("due", assessments.today(caller));
        }
        if (caller.may(Permission.BILLING_READ)) {
            model.addAttribute("billing", billing.thisMonth(caller));
        }
        return "dashboard";
    }
}
