package org.vigil.library.scoring;

import java.math.BigDecimal;
import org.vigil.library.AlertSeverity;
import org.vigil.library.rules.FlagRule;

/**
 * An item-level flag, stored in {@code assessment_template_items.flag_rule} in the condition
 * language's flag form (docs/condition-language.md, "Item flags"): when the item's answer satisfies
 * the rule, the assessment carries a flag of its severity whatever its total (PHQ-9 item 9 &gt; 0 ⇒
 * CRITICAL).
 */
public record ItemFlag(String item, FlagRule rule) {

    public boolean firesOn(BigDecimal answer) {
        return answer != null && rule.matches(answer);
    }

    public AlertSeverity severity() {
        return rule.severity();
    }

    public String label() {
        return rule.label();
    }
}
