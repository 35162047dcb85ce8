package org.vigil.library.rules;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What made one leaf true: the value observed, what it was compared with, and where that
 * threshold came from — enough for an alert message such as
 * "Systolic blood pressure 182 mmHg ≥ 180 (hypertensive crisis)".
 *
 * @param metric      the metric whose name and unit apply to {@code observed} (null for scores and adherence)
 * @param subject     what was judged when there is no metric: a template key, "adherence"
 * @param measure     how the value was obtained, empty for the latest reading: "average of 4 readings over 7 days"
 * @param observed    the value judged, or {@code null} when the comparison lists the values
 * @param unit        the unit of {@code observed} when it is not the metric's own: "%", "h", "doses", "readings"
 * @param comparison  the operator and threshold: "≥ 180", "outside 90–140"
 * @param overrideKey the patient's override that supplied the threshold, or {@code null}
 * @param at          when the judged data was recorded (the latest reading or assessment), or {@code null}
 * @param label       the leaf's label, e.g. "hypertensive crisis", or {@code null}
 */
public record Evidence(String metric, String subject, String measure, BigDecimal observed, String unit,
                       String comparison, String overrideKey, Instant at, String label) {

    /** Names and units of metrics, for messages; the library supplies display names and UCUM units. */
    public interface MetricNames {
        String displayName(String metricKey);

        /** The metric's unit for messages, or {@code null} for none (scores). */
        String unit(String metricKey);

        /** Keys as names, no units. */
        MetricNames KEYS = new MetricNames() {
            @Override
            public String displayName(String metricKey) {
                return metricKey;
            }

            @Override
            public String unit(String metricKey) {
                return null;
            }
        };
    }

    /** A message line, e.g. "Systolic blood pressure 182 mmHg ≥ 180 (hypertensive crisis)". */
    public String describe(MetricNames names) {
        StringBuilder s = new StringBuilder(metric != null ? names.displayName(metric) : subject);
        if (!measure.isEmpty()) {
            s.append(", ").append(measure).append(':');
        }
        String u = unit != null ? unit : metric != null ? names.unit(metric) : null;
        if (observed != null) {
            s.append(' ').append(plain(observed));
            if (u != null && !u.isEmpty()) {
                s.append(u.equals("%") ? "" : " ").append(u);
            }
        }
        s.append(' ').append(comparison);
        if (overrideKey != null) {
            s.append(" (patient threshold ").append(overrideKey).append(')');
        }
        if (label != null) {
            s.append(" (").append(label).append(')');
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return describe(MetricNames.KEYS);
    }

    /** 180.0 → "180", 1.5E+2 → "150". */
    static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
