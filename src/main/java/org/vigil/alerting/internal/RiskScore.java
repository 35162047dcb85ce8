package org.vigil.alerting.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import org.vigil.library.AlertSeverity;
import org.vigil.library.MetricCatalog.MetricInfo;
import org.vigil.library.rules.Evidence;

/**
 * An alert's risk score, 0–10 (documented in docs/alerts.md):
 * {@code base(severity) + 3 × min(1, deviation)}, where base is LOW 1, MEDIUM 3, HIGH 5,
 * CRITICAL 7, and deviation is the largest, over the evidence, of how far the observed value lies
 * outside the metric's normal range, in units of the range's width (0 inside the range, when the
 * metric has no normal range, or for evidence without a metric value). Rounded to one decimal.
 * It ranks alerts of the same severity by how abnormal the values are; it is not a clinical
 * prediction.
 */
final class RiskScore {

    private RiskScore() {
    }

    static double of(AlertSeverity severity, List<Evidence> evidence, Map<String, MetricInfo> metrics) {
        double base = switch (severity) {
            case LOW -> 1;
            case MEDIUM -> 3;
            case HIGH -> 5;
            case CRITICAL -> 7;
        };
        double deviation = 0;
        for (Evidence e : evidence) {
            MetricInfo metric = e.metric() == null ? null : metrics.get(e.metric());
            if (metric == null || e.observed() == null || e.unit() != null || metric.normalMin() == null
                    || metric.normalMax() == null) {
                continue;
            }
            BigDecimal width = metric.normalMax().subtract(metric.normalMin());
            if (width.signum() <= 0) {
                continue;
            }
            BigDecimal outside = e.observed().compareTo(metric.normalMax()) > 0
                    ? e.observed().subtract(metric.normalMax())
                    : e.observed().compareTo(metric.normalMin()) < 0 ? metric.normalMin().subtract(e.observed())
                    : BigDecimal.ZERO;
            deviation = Math.max(deviation, outside.divide(width, MathContext.DECIMAL64).doubleValue());
        }
        double score = Math.min(10, base + 3 * Math.min(1, deviation));
        return Math.round(score * 10) / 10.0;
    }
}
