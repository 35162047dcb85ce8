package org.vigil.library.scoring;

import java.math.BigDecimal;
import org.vigil.library.AlertSeverity;

/** A flag raised by one item's answer. */
public record Flag(String item, BigDecimal answer, AlertSeverity severity, String label) {
}
