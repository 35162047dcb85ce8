package org.vigil.library.scoring;

import java.math.BigDecimal;
import org.vigil.library.AlertSeverity;

/**
 * A severity band: totals from {@code min} to {@code max}, both inclusive, carry {@code label}.
 * {@code severity} is the alert severity a clinician review of this band deserves, or null when
 * the band needs none (e.g. "Minimal").
 */
public record Band(BigDecimal min, BigDecimal max, String label, AlertSeverity severity) {

    public boolean contains(BigDecimal total) {
        return total.compareTo(min) >= 0 && total.compareTo(max) <= 0;
    }
}
