package org.vigil.alerting.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.UriComponentsBuilder;
import org.vigil.patients.PatientLabels;

/**
 * The values the triage pages put in the model for {@code templates/triage.html}: the queue's rows
 * and its links ({@link TriagePage}), the selected alert's panel and charts ({@link TriagePanel}),
 * the choices of a select, and times as the pages show them ({@link Format}).
 */
final class TriageModel {

    private TriageModel() {
    }

    /** One row of the queue: the alert and how to name its patient. */
    record Row(AlertView alert, PatientLabels.Label patient, boolean mine, String claimantName) {

        public String patientName() {
            return patient == null ? "Patient " + alert.patientId() : patient.displayName();
        }
    }

    /** One page of the queue with its filters; its links keep both. */
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

    /** One option of a select: the value sent and the label shown. */
    record Choice(String value, String label) {
    }

    /** A metric's recent values as {@code vigil.js} draws them ({@code canvas[data-chart]}). */
    record Chart(String metric, String label, String unit, String spec, int points) {
    }

    /** The selected alert beside the list: its context, evidence and charts, and what the caller may do. */
    record Panel(AlertContext.View view, PatientLabels.Label patient, List<String> evidence, List<Chart> charts,
            boolean open, boolean mine, boolean claimedByOther, List<Integer> escalationLevels, boolean closedByMe) {

        public AlertView alert() {
            return view.alert();
        }
    }
}
