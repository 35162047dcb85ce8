package org.vigil.library.rules;

import java.math.BigDecimal;
import java.util.Objects;
import org.vigil.library.AlertSeverity;

/**
 * An assessment item's flag ({@code assessment_template_items.flag_rule}): the answer compared with
 * a fixed number, and the severity of the alert it raises. JSON:
 * {@code {"op": "gt", "value": 0, "severity": "CRITICAL", "label": "..."}} — the comparison part of
 * an {@code assessment_item} condition, with the template and item implied by the row it is stored
 * on. It is deliberately not overridable per patient.
 */
public record FlagRule(Op op, BigDecimal value, AlertSeverity severity, String label) {

    public FlagRule {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(severity, "severity");
    }

    /** Whether an answer raises the flag. */
    public boolean matches(BigDecimal answer) {
        return op.test(answer, value);
    }

    /** The same test as a condition of the language, for the rule engine. */
    public Condition.AssessmentItem toCondition(String templateKey, String itemMetricKey) {
        return new Condition.AssessmentItem(templateKey, itemMetricKey, op, ThresholdValue.of(value), null, label);
    }
}
