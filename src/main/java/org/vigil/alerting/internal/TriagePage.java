package org.vigil.alerting.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
import org.vigil.alerting.internal.TriageModel.Format;
import org.vigil.alerting.internal.TriageModel.Queue;
import org.vigil.alerting.internal.TriageModel.Row;
import org.vigil.carework.SavedTriageViews;
import org.vigil.identity.Caller;
import org.vigil.identity.MemberNames;
import org.vigil.library.AlertSeverity;
import org.vigil.patients.PatientLabels;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.OrganizationZones;
import org.vigil.tenancy.Permission;
import org.vigil.tenancy.TenantScope;

/**
 * The triage queue in the browser: the open alerts in the queue API's order with its filters
 * ({@link TriageQueue#list}, {@link QueueFilter}) and the selected alert's context beside the list
 * ({@link TriagePanel}); the actions on it are {@link TriageActions}. The list refreshes itself on
 * the organization's alert changes (the web-session stream {@code /triage/stream}, the same
 * {@link AlertStream} as the API's) and after each action ({@code HX-Trigger: triage-changed}).
 */
@WebPage
class TriagePage {

    static final int PAGE_SIZE = 25;

    private final TenantScope tenantScope;
    private final TriageQueue triage;
    private final TriagePanel panel;
    private final AlertStream stream;
    private final PatientLabels patients;
    private final OrganizationZones zones;
    private final MemberNames members;
    private final SavedTriageViews savedViews;
    private final Clock clock;

    TriagePage(TenantScope tenantScope, TriageQueue triage, TriagePanel panel, AlertStream stream,
            PatientLabels patients, OrganizationZones zones, MemberNames members, SavedTriageViews savedViews,
            Clock clock) {
        this.tenantScope = tenantScope;
        this.triage = triage;
        this.panel = panel;
        this.stream = stream;
        this.patients = patients;
        this.zones = zones;
        this.members = members;
        this.savedViews = savedViews;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------- the queue

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
                panel.addTo(caller, alert, model);
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

    /** The selected alert's context (404 for an alert of another organization or none). */
    @GetMapping("/triage/alerts/{id}")
    @PreAuthorize("hasAuthority('ALERT_READ')")
    String alert(@AuthenticationPrincipal Caller caller, @PathVariable String id, Model model) {
        tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            panel.addTo(caller, id, model);
            return null;
        });
        return "triage :: panel";
    }
}
