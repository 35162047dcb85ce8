package org.vigil.alerting.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.vigil.alerting.internal.TriageModel.Chart;
import org.vigil.alerting.internal.TriageModel.Choice;
import org.vigil.alerting.internal.TriageModel.Format;
import org.vigil.alerting.internal.TriageModel.Panel;
import org.vigil.carework.TimeLogActivity;
import org.vigil.identity.Caller;
import org.vigil.identity.MemberNames;
import org.vigil.library.MetricCatalog;
import org.vigil.patients.PatientLabels;
import org.vigil.shared.web.ApiProblem;
import org.vigil.tenancy.OrganizationZones;
import org.vigil.tenancy.Permission;
import tools.jackson.databind.json.JsonMapper;

/**
 * The selected alert's panel beside the triage queue, as a model for {@code triage :: panel}: its
 * context ({@link AlertContext}), the evidence lines, a chart per metric with its normal band, what
 * the caller may do, the names of the people involved, and the choices of the action dialogs. Shown
 * by {@link TriagePage} and, after each action, by {@link TriageActions}.
 */
@Component
class TriagePanel {

    /** Snooze choices, in hours; the service refuses more than 7 days. */
    static final List<Integer> SNOOZE_HOURS = List.of(1, 4, 8, 24, 72, 168);
    static final int MAX_LEVEL = 10;

    private final AlertContext context;
    private final PatientLabels patients;
    private final MetricCatalog metrics;
    private final OrganizationZones zones;
    private final MemberNames members;
    private final JsonMapper json;
    private final Clock clock;

    TriagePanel(AlertContext context, PatientLabels patients, MetricCatalog metrics, OrganizationZones zones,
            MemberNames members, JsonMapper json, Clock clock) {
        this.context = context;
        this.patients = patients;
        this.metrics = metrics;
        this.zones = zones;
        this.members = members;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Inside a tenant scope: the alert's panel into the model (404 for an alert of another
     * organization or none).
     */
    void addTo(Caller caller, String id, Model model) {
        if (id.length() > 64) {
            throw ApiProblem.notFound("alert");
        }
        AlertContext.View view = context.of(caller, id);
        AlertView alert = view.alert();
        PatientLabels.Label patient = patients.of(List.of(alert.patientId())).get(alert.patientId());
        List<String> evidence = new ArrayList<>();
        if (view.evidence() != null && view.evidence().isArray()) {
            view.evidence().forEach(item -> {
                if (item.path("text").isString()) {
                    evidence.add(item.get("text").asString());
                }
            });
        }
        Map<String, MetricCatalog.MetricInfo> infos = new LinkedHashMap<>();
        if (!view.series().isEmpty()) {
            metrics.byKeys(view.series().keySet()).forEach(m -> infos.merge(m.key(), m,
                    (standard, own) -> own.organizationId() != null ? own : standard));
        }
        List<Chart> charts = new ArrayList<>();
        view.series().forEach((metric, points) -> {
            MetricCatalog.MetricInfo info = infos.get(metric);
            String label = info == null ? metric : info.displayName();
            String unit = info == null ? null : info.unit();
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("unit", unit);
            List<Object[]> data = points.stream().map(p -> new Object[] {p.at().toEpochMilli(), p.value()}).toList();
            spec.put("series", List.of(Map.of("label", label, "points", data)));
            List<Map<String, Object>> bands = new ArrayList<>();
            if (info != null && (info.normalMin() != null || info.normalMax() != null)) {
                Map<String, Object> band = new LinkedHashMap<>();
                band.put("from", info.normalMin());
                band.put("to", info.normalMax());
                band.put("kind", "normal");
                bands.add(band);
            }
            spec.put("bands", bands);
            charts.add(new Chart(metric, label, unit, json.writeValueAsString(spec), points.size()));
        });
        boolean open = AlertRows.OPEN.contains(alert.status());
        boolean mine = caller.userId().equals(alert.claimedById());
        List<Integer> levels = new ArrayList<>();
        for (int level = alert.escalationLevel() + 1; level <= Math.min(MAX_LEVEL, alert.escalationLevel() + 3); level++) {
            levels.add(level);
        }
        Set<String> people = new LinkedHashSet<>();
        people.add(alert.claimedById());
        people.add(alert.resolvedById());
        view.escalations().forEach(e -> {
            people.add(e.targetUserId());
            people.add(e.escalatedById());
        });
        people.remove(null);
        model.addAttribute("names", members.of(caller.organizationId(), caller.userId(), people));
        model.addAttribute("members", levels.isEmpty() ? List.of() : members.active(caller.organizationId(),
                caller.userId()));
        model.addAttribute("panel", new Panel(view, patient, evidence, charts, open, mine,
                alert.claimedById() != null && !mine, levels,
                caller.userId().equals(alert.resolvedById())));
        model.addAttribute("fmt", new Format(zone(caller), clock.instant()));
        model.addAttribute("mayWork", caller.may(Permission.ALERT_WORK));
        model.addAttribute("snoozeChoices", SNOOZE_HOURS.stream().map(h -> new Choice(String.valueOf(h),
                h < 24 ? h + (h == 1 ? " hour" : " hours") : h / 24 + (h == 24 ? " day" : " days"))).toList());
        model.addAttribute("activities", java.util.Arrays.stream(TimeLogActivity.values()).map(a -> new Choice(a.name(),
                a.name().charAt(0) + a.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' '))).toList());
    }

    private ZoneId zone(Caller caller) {
        return zones.zoneOf(caller.organizationId());
    }
}
