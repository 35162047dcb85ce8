package org.vigil.library.scoring;

import java.math.BigDecimal;
import org.vigil.library.AlertSeverity;

/**
 * An item-level flag, stored in {@code assessment_template_items.flag_rule}: when the item's answer
 * satisfies {@code op value}, the assessment carries a flag of this severity whatever its total
 * (PHQ-9 item 9 &gt; 0 ⇒ CRITICAL).
 */
public record FlagRule(String item, Comparison op, BigDecimal value, AlertSeverity severity, String label) {

    public boolean firesOn(BigDecimal answer) {
        return answer != null && op.test(answer, value);
    }
}
