/**
 * Web pages that combine several modules (the dashboard at {@code /}): they read the modules'
 * small public query types ({@code AlertCounts}, {@code DueAssessments}, {@code BillingRisk}) and
 * nothing depends on this module, so combining them creates no cycle.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web dashboard")
package org.vigil.web;
