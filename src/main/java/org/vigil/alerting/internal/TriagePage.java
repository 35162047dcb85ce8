package org.vigil.alerting.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;
import org.vigil.alerting.AlertStatus;
import org.vigil.carework.SavedTriageViews;
import org.vigil.carework.TimeLogActivity;
import org.vigil.identity.Caller;
import org.vigil.identity.MemberNames;
import org.vigil.library.AlertSeverity;
import org.vigil.library.MetricCatalog;
import org.vigil.patients.PatientLabels;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.OrganizationZones;
import org.vigil.tenancy.Permission;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * The triage queue in the browser: the open alerts in the queue API's order with its filters
 * ({@link TriageQueue#list}) and the selected alert's context beside the list ({@link AlertContext});
 * the actions on it are {@link TriageActions}. The list refreshes itself on the organization's alert changes (the
 * web-session stream {@code /triage/stream}, the same {@link AlertStream} as the API's) and after
 * each action ({@code HX-Trigger: triage-changed}).
 */
@WebPage
class TriagePage {

    static final int PAGE_SIZE = 25;
    /** Snooze choices, in hours; the service refuses more than 7 days. */
    static final List<Integer> SNOOZE_HOURS = List.of(1, 4, 8, 24, 72, 168);
    static final int MAX_LEVEL = 10;

    private final TenantScope tenantScope;
    private final TriageQueue triage;
    private final AlertContext context;
    private final AlertStream stream;
    private final PatientLabels patients;
    private final MetricCatalog metrics;
    private final OrganizationZones zones;
    private final MemberNames members;
    private final SavedTriageViews savedViews;
    private final JsonMapper json;
    private final Clock clock;

    TriagePage(TenantScope tenantScope, TriageQueue triage, AlertContext context, AlertStream stream,
            PatientLabels patients, MetricCatalog metrics, OrganizationZones zones, MemberNames members,
            SavedTriageViews savedViews, JsonMapper json, Clock clock) {
        this.tenantScope = tenantScope;
        this.triage = triage;
        this.context = context;
        this.stream = stream;
        this.patients = patients;
        this.metrics = metrics;
        this.zones = zones;
        this.members = members;
        this.savedViews = savedViews;
        this.json = json;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------- the queue

    /** The filters of the queue as the page's form sends them (all optional; unknown values are a 400 page). */
    record QueueFilter(List<String> severity, String status, String claimed, String patient, boolean slaBreached,
            boolean includeSnoozed) {

        static QueueFilter of(List<String> severity, String status, String claimed, String patient, String sla,
                String snoozed) {
            List<String> severities = severity == null ? List.of()
                    : severity.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
            return new QueueFilter(severities, blankToNull(status), blankToNull(claimed), blankToNull(patient),
                    "true".equals(sla), "true".equals(snoozed));
        }

        /** The filters of a saved view (values the page stored with {@link #saved()}; other keys are ignored). */
        static QueueFilter ofSaved(Map<String, Object> saved) {
            Object severity = saved.get("severity");
            List<String> severities = severity instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                    : severity == null ? List.of() : List.of(String.valueOf(severity));
            return of(severities, text(saved.get("status")), text(saved.get("claimed")), null,
                    text(saved.get("slaBreached")), text(saved.get("includeSnoozed")));
        }

        private static String text(Object value) {
            return value == null ? null : String.valueOf(value);
        }

        /** These filters as a saved view stores them (without the patient: views carry no patient). */
        Map<String, Object> saved() {
            Map<String, Object> saved = new LinkedHashMap<>();
            if (!severity.isEmpty()) {
                saved.put("severity", severity);
            }
            if (status != null) {
                saved.put("status", status);
            }
            if (claimed != null) {
                saved.put("claimed", claimed);
            }
            if (slaBreached) {
                saved.put("slaBreached", true);
            }
            if (includeSnoozed) {
                saved.put("includeSnoozed", true);
            }
            return saved;
        }

        TriageQueue.Filter toService() {
            List<AlertSeverity> severities = new ArrayList<>();
            for (String s : severity) {
                severities.add(parse(AlertSeverity.class, s, "severity"));
            }
            List<AlertStatus> statuses = status == null ? List.of()
                    : List.of(parse(AlertStatus.class, status, "status"));
            if (patient != null && patient.length() > 64) {
                throw ApiProblem.invalid("patient", "is not a patient id");
            }
            if (claimed != null && !List.of("me", "unclaimed", "others", "any").contains(claimed)) {
                throw ApiProblem.invalid("claimed", "must be one of me, unclaimed, others, any");
            }
            return new TriageQueue.Filter(severities, statuses, claimed, patient, null, null,
                    slaBreached ? Boolean.TRUE : null, includeSnoozed);
        }

        /** The query string of these filters (for links that keep them). */
        String query() {
            UriComponentsBuilder b = UriComponentsBuilder.newInstance();
            severity.forEach(s -> b.queryParam("severity", s));
            if (status != null) {
                b.queryParam("status", status);
            }
            if (claimed != null) {
                b.queryParam("claimed", claimed);
            }
            if (patient != null) {
                b.queryParam("patient", patient);
            }
            if (slaBreached) {
                b.queryParam("slaBreached", "true");
            }
            if (includeSnoozed) {
                b.queryParam("includeSnoozed", "true");
            }
            String q = b.encode().build().getQuery();
            return q == null ? "" : q;
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
            try {
                return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid(field, "is not one of the offered choices");
            }
        }
    }

    /** One row of the queue: the alert and how to name its patient. */
    record Row(AlertView alert, PatientLabels.Label patient, boolean mine, String claimantName) {

        public String patientName() {
            return patient == null ? "Patient " + alert.patientId() : patient.displayName();
        }
    }

    record Queue(List<Row> rows, String cursor, String nextCursor, QueueFilter filter, String query,
            PatientLabels.Label patientFilter) {

        public boolean paged() {
            return cursor != null;
        }

        /** This queue (same filters and page) with the alert selected. */
        public String alertLink(String alertId) {
            return link(cursor, alertId);
        }

        public String firstLink() {
            return link(null, null);
        }

        public String nextLink() {
            return link(nextCursor, null);
        }

        private String link(String pageCursor, String alertId) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/triage").query(query.isEmpty() ? null : query);
            if (pageCursor != null) {
                b.queryParam("cursor", pageCursor);
            }
            if (alertId != null) {
                b.queryParam("alert", alertId);
            }
            return b.build().toUriString();
        }
    }

    record Choice(String value, String label) {
    }

    @GetMapping("/triage")
    @PreAuthorize("hasAuthority('ALERT_READ')")
    String page(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) List<String> severity,
            @RequestParam(required = false) String status, @RequestParam(required = false) String claimed,
            @RequestParam(required = false) String patient, @RequestParam(required = false) String slaBreached,
            @RequestParam(required = false) String includeSnoozed, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String alert, @RequestParam(required = false) String applyView,
            @RequestParam(required = false) String view, Model model) {
        if (applyView != null && !applyView.isBlank()) {
            // A saved view chosen: its filters, in the address (so the page can be bookmarked and reloaded).
            SavedTriageViews.SavedTriageView chosen = savedViews.use(caller, applyView.trim())
                    .orElseThrow(() -> ApiProblem.notFound("saved view"));
            String query = QueueFilter.ofSaved(chosen.filters()).query();
            return "redirect:" + UriComponentsBuilder.fromPath("/triage").query(query.isEmpty() ? null : query)
                    .queryParam("view", chosen.id()).build().toUriString();
        }
        QueueFilter filter = QueueFilter.of(severity, status, claimed, patient, slaBreached, includeSnoozed);
        viewChoices(caller, view == null || view.isBlank() ? null : view, model);
        tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            queue(caller, filter, cursor, model);
            if (alert != null && !alert.isBlank()) {
                panel(caller, alert, model);
            }
            return null;
        });
        model.addAttribute("severities", severityNames());
        model.addAttribute("selectedId", alert);
        return "triage";
    }

    /** The saved-view selector's choices, with {@code current} (a view id, or null) chosen. */
    void viewChoices(Caller caller, String current, Model model) {
        model.addAttribute("savedViews", savedViews.list(caller));
        model.addAttribute("currentView", current);
    }

    /** The list alone (htmx: filters, paging, live refresh). */
    @GetMapping("/triage/list")
    @PreAuthorize("hasAuthority('ALERT_READ')")
    String list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) List<String> severity,
            @RequestParam(required = false) String status, @RequestParam(required = false) String claimed,
            @RequestParam(required = false) String patient, @RequestParam(required = false) String slaBreached,
            @RequestParam(required = false) String includeSnoozed, @RequestParam(required = false) String cursor,
            Model model) {
        QueueFilter filter = QueueFilter.of(severity, status, claimed, patient, slaBreached, includeSnoozed);
        tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            queue(caller, filter, cursor, model);
            return null;
        });
        return "triage :: queue";
    }

    /**
     * The organization's alert changes for this page (server-sent events: "ready", then "alert"
     * per change, ids and states only); the page re-fetches its list on each.
     */
    // No "produces": the emitter sets text/event-stream itself, and a refusal must still be able
    // to answer with the (HTML) error page rather than a 406.
    @GetMapping(path = "/triage/stream")
    @PreAuthorize("hasAuthority('ALERT_READ')")
    SseEmitter stream(@AuthenticationPrincipal Caller caller) {
        return stream.open(caller.organizationId());
    }

    private void queue(Caller caller, QueueFilter filter, String cursor, Model model) {
        String pageCursor = cursor == null || cursor.isBlank() ? null : cursor;
        if (pageCursor != null && pageCursor.length() > 512) {
            throw ApiProblem.invalid("cursor", "is not a cursor of this list");
        }
        TriageQueue.AlertPage page = triage.list(caller, filter.toService(), pageCursor, PAGE_SIZE);
        Set<String> ids = new LinkedHashSet<>();
        page.items().forEach(a -> ids.add(a.patientId()));
        if (filter.patient() != null) {
            ids.add(filter.patient());
        }
        Map<String, PatientLabels.Label> labels = patients.of(ids);
        Map<String, String> names = members.of(caller.organizationId(), caller.userId(),
                page.items().stream().map(AlertView::claimedById).filter(java.util.Objects::nonNull).toList());
        List<Row> rows = page.items().stream()
                .map(a -> new Row(a, labels.get(a.patientId()), caller.userId().equals(a.claimedById()),
                        a.claimedById() == null ? null : names.getOrDefault(a.claimedById(), "another member")))
                .toList();
        model.addAttribute("queue", new Queue(rows, pageCursor, page.nextCursor(), filter, filter.query(),
                filter.patient() == null ? null : labels.get(filter.patient())));
        model.addAttribute("fmt", new Format(zone(caller), clock.instant()));
        model.addAttribute("mayWork", caller.may(Permission.ALERT_WORK));
    }

    /** Times as the pages show them: in the organization's zone, and durations in words. */
    record Format(ZoneId zone, Instant now) {

        public String at(Instant t) {
            return t == null ? "" : java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
                    .format(t.atZone(zone));
        }

        /** "in 25 min", "3 h 10 min ago". */
        public String relative(Instant t) {
            if (t == null) {
                return "";
            }
            Duration d = Duration.between(now, t);
            String amount = words(d.abs());
            return d.isNegative() ? amount + " ago" : "in " + amount;
        }

        private static String words(Duration d) {
            long minutes = d.toMinutes();
            if (minutes < 1) {
                return "under a minute";
            }
            if (minutes < 60) {
                return minutes + " min";
            }
            long hours = minutes / 60;
            if (hours < 48) {
                return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
            }
            return hours / 24 + " days";
        }
    }

    private ZoneId zone(Caller caller) {
        return zones.zoneOf(caller.organizationId());
    }

    private static List<String> severityNames() {
        List<String> names = new ArrayList<>();
        for (int i = AlertSeverity.values().length - 1; i >= 0; i--) {
            names.add(AlertSeverity.values()[i].name());
        }
        return names;
    }

    // ------------------------------------------------------------------------------- the panel

    /** A metric's recent values as {@code vigil.js} draws them ({@code canvas[data-chart]}). */
    record Chart(String metric, String label, String unit, String spec, int points) {
    }

    record Panel(AlertContext.View view, PatientLabels.Label patient, List<String> evidence, List<Chart> charts,
            boolean open, boolean mine, boolean claimedByOther, List<Integer> escalationLevels, boolean closedByMe) {

        public AlertView alert() {
            return view.alert();
        }
    }

    /** The selected alert's context (404 for an alert of another organization or none). */
    @GetMapping("/triage/alerts/{id}")
    @PreAuthorize("hasAuthority('ALERT_READ')")
    String alert(@AuthenticationPrincipal Caller caller, @PathVariable String id, Model model) {
        tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            panel(caller, id, model);
            return null;
        });
        return "triage :: panel";
    }

    void panel(Caller caller, String id, Model model) {
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

    static String checked(String id) {
        if (id == null || id.length() > 64) {
            throw ApiProblem.notFound("alert");
        }
        return id;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
