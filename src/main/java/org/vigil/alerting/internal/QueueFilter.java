package org.vigil.alerting.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;
import org.vigil.alerting.AlertStatus;
import org.vigil.library.AlertSeverity;
import org.vigil.shared.web.ApiProblem;

/**
 * The filters of the queue as the page's form sends them (all optional; unknown values are a 400 page):
 * as the queue service takes them ({@link #toService()}), as a saved view stores them ({@link #saved()})
 * and as the query string of links that keep them ({@link #query()}).
 */
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
