package org.vigil.alerting.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.vigil.alerting.AlertStatus;
import org.vigil.identity.Caller;
import org.vigil.patients.PatientDirectory;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.OrganizationZones;
import org.vigil.tenancy.TenantScope;

/**
 * The patient chart's alert history ({@code /patients/{id}/alerts}, an htmx fragment): the
 * patient's alerts of every status, newest first, read through the triage service (tenant-scoped
 * and audited like {@code GET /api/v1/alerts?patientId=}). Another organization's patient is 404.
 */
@WebPage
class WebPatientAlerts {

    static final int SHOWN = 50;

    private final TriageQueue queue;
    private final PatientDirectory patients;
    private final OrganizationZones zones;
    private final TenantScope tenantScope;

    WebPatientAlerts(TriageQueue queue, PatientDirectory patients, OrganizationZones zones, TenantScope tenantScope) {
        this.queue = queue;
        this.patients = patients;
        this.zones = zones;
        this.tenantScope = tenantScope;
    }

    record Row(AlertView alert, String triggered, String resolved) {
    }

    @GetMapping("/patients/{id}/alerts")
    @PreAuthorize("hasAuthority('PATIENT_READ') and hasAuthority('ALERT_READ')")
    String alerts(@AuthenticationPrincipal Caller caller, @PathVariable String id, Model model) {
        ZoneId zone = tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            if (patients.find(id).isEmpty()) {
                throw ApiProblem.notFound("patient");
            }
            return zones.zoneOf(caller.organizationId());
        });
        TriageQueue.AlertPage page = queue.list(caller, new TriageQueue.Filter(null,
                Arrays.asList(AlertStatus.values()), null, id, null, null, null, true), null, SHOWN);
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        List<Row> rows = page.items().stream().sorted(Comparator.comparing(AlertView::triggeredAt).reversed())
                .map(a -> new Row(a, when.format(a.triggeredAt()),
                        a.resolvedAt() == null ? null : when.format(a.resolvedAt())))
                .toList();
        model.addAttribute("alerts", rows);
        model.addAttribute("more", page.nextCursor() != null);
        model.addAttribute("patientId", id);
        return "alerting/patient-alerts";
    }
}
