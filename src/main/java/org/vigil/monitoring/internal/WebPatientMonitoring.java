package org.vigil.monitoring.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.identity.Caller;
import org.vigil.library.TemplateCatalog;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.OrganizationZones;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The patient chart's sections that monitoring owns, as htmx fragments: vitals charts over 7, 30 or
 * 90 days ({@code /patients/{id}/vitals?days=}), and assessments with medications and their
 * adherence ({@code /patients/{id}/monitoring}). Another organization's patient is 404 like the API.
 */
@WebPage
class WebPatientMonitoring {

    static final List<Integer> RANGES = List.of(7, 30, 90);
    static final int ADHERENCE_DAYS = 30;

    private final VitalsCharts charts;
    private final Assessments assessments;
    private final Medications medications;
    private final TemplateCatalog templates;
    private final OrganizationZones zones;
    private final TenantScope tenantScope;
    private final JsonMapper json;
    private final Clock clock;

    WebPatientMonitoring(VitalsCharts charts, Assessments assessments, Medications medications,
            TemplateCatalog templates, OrganizationZones zones, TenantScope tenantScope, JsonMapper json, Clock clock) {
        this.charts = charts;
        this.assessments = assessments;
        this.medications = medications;
        this.templates = templates;
        this.zones = zones;
        this.tenantScope = tenantScope;
        this.json = json;
        this.clock = clock;
    }

    /** A chart ready for the page: its data-chart attribute (JSON) and its legend. */
    record ChartView(VitalsCharts.Chart chart, String spec) {
    }

    @GetMapping("/patients/{id}/vitals")
    @PreAuthorize("hasAuthority('PATIENT_READ') and hasAuthority('OBSERVATION_READ')")
    String vitals(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false, defaultValue = "30") String days, Model model) {
        int range = RANGES.stream().filter(r -> String.valueOf(r).equals(days)).findFirst().orElse(30);
        List<ChartView> views = new ArrayList<>();
        for (VitalsCharts.Chart chart : charts.charts(caller, id, range)) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("unit", chart.unit());
            spec.put("series", chart.series().stream().map(s -> Map.of("label", s.label(), "points", s.points())).toList());
            spec.put("bands", chart.bands().stream().map(b -> {
                Map<String, Object> band = new LinkedHashMap<>();
                band.put("from", b.from());
                band.put("to", b.to());
                band.put("kind", b.kind());
                return band;
            }).toList());
            spec.put("yMin", chart.yMin());
            spec.put("yMax", chart.yMax());
            views.add(new ChartView(chart, json.writeValueAsString(spec)));
        }
        model.addAttribute("patientId", id);
        model.addAttribute("days", range);
        model.addAttribute("ranges", RANGES);
        model.addAttribute("charts", views);
        return "monitoring/vitals";
    }

    /** An assessment as the chart lists it: template name, score, band and the answers by item. */
    record AssessmentRow(String template, String completedAt, java.math.BigDecimal score, String band,
            List<String> answers) {
    }

    /** A medication with its adherence over the last {@value #ADHERENCE_DAYS} days (null for none due). */
    record MedicationRow(MedicationView medication, AdherenceSummary adherence) {
    }

    @GetMapping("/patients/{id}/monitoring")
    @PreAuthorize("hasAuthority('PATIENT_READ') and hasAuthority('ASSESSMENT_READ') and hasAuthority('MEDICATION_READ')")
    String monitoring(@AuthenticationPrincipal Caller caller, @PathVariable String id, Model model) {
        List<AssessmentView> found = assessments.list(caller, id);
        java.time.ZoneId zone = tenantScope.call(caller.organizationId(), caller.userId(),
                () -> zones.zoneOf(caller.organizationId()));
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(zone);
        Map<String, Optional<TemplateCatalog.TemplateDefinition>> byId = new HashMap<>();
        tenantScope.run(caller.organizationId(), caller.userId(), () -> found.stream().limit(20)
                .forEach(a -> byId.computeIfAbsent(a.templateId(), templates::find)));
        List<AssessmentRow> rows = found.stream().limit(20).map(a -> {
            Optional<TemplateCatalog.TemplateDefinition> template = byId.get(a.templateId());
            Map<String, String> keyOf = new HashMap<>();
            template.ifPresent(t -> t.items().forEach(i -> keyOf.put(i.metricId(), i.metricKey())));
            List<String> answers = new ArrayList<>();
            JsonNode responses = a.responses();
            if (responses != null && responses.isObject()) {
                for (String metricId : responses.propertyNames()) {
                    JsonNode value = responses.get(metricId);
                    answers.add(keyOf.getOrDefault(metricId, "item") + ": "
                            + (value.isString() ? value.asString() : value.toString()));
                }
            }
            return new AssessmentRow(template.map(TemplateCatalog.TemplateDefinition::name).orElse("Questionnaire"),
                    when.format(a.completedAt()), a.score(), a.scoreBand(), answers);
        }).toList();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<MedicationRow> meds = medications.list(caller, id).stream()
                .map(m -> new MedicationRow(m, m.isActive()
                        ? medications.adherence(caller, id, m.id(), today.minusDays(ADHERENCE_DAYS - 1L), today).summary()
                        : null))
                .toList();
        model.addAttribute("assessments", rows);
        model.addAttribute("medications", meds);
        model.addAttribute("adherenceDays", ADHERENCE_DAYS);
        return "monitoring/patient-monitoring";
    }
}
