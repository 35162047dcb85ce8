package org.vigil.monitoring.internal;

import java.math.BigDecimal;
import java.util.Optional;
import org.vigil.library.TemplateCatalog;
import tools.jackson.databind.JsonNode;

/**
 * Whether one answer fits its item: numbers for numeric, integer and ordinal items, within the
 * metric's plausible range, and among the options where the metric lists them; option values for
 * categorical items; true/false for booleans; text for text items.
 */
final class AnswerRules {

    private AnswerRules() {
    }

    /** Null when the answer is acceptable, else what is wrong with it (never echoing it). */
    static String problem(TemplateCatalog.ItemDefinition item, JsonNode answer) {
        if (answer == null || answer.isNull()) {
            return null;
        }
        switch (item.valueType()) {
            case BOOLEAN:
                return answer.isBoolean() ? null : "must be true or false";
            case TEXT:
                return answer.isString() && answer.asString().length() <= 2000 ? null : "must be text of at most 2000 characters";
            case CATEGORICAL:
                String value = answer.isNumber() ? answer.decimalValue().stripTrailingZeros().toPlainString()
                        : answer.isString() ? answer.asString() : null;
                return value != null && item.optionValues().contains(value) ? null
                        : "must be one of " + String.join(", ", item.optionValues());
            default:
                if (!answer.isNumber()) {
                    return "must be a number";
                }
                BigDecimal number = answer.decimalValue();
                if (item.valueType() != org.vigil.library.ValueType.NUMERIC && number.stripTrailingZeros().scale() > 0) {
                    return "must be a whole number";
                }
                if (!item.optionValues().isEmpty()
                        && !item.optionValues().contains(number.stripTrailingZeros().toPlainString())) {
                    return "must be one of " + String.join(", ", item.optionValues());
                }
                if ((item.plausibleMin() != null && number.compareTo(item.plausibleMin()) < 0)
                        || (item.plausibleMax() != null && number.compareTo(item.plausibleMax()) > 0)) {
                    return "must be between " + plain(item.plausibleMin()) + " and " + plain(item.plausibleMax());
                }
                return null;
        }
    }

    /** The answer as a number for scoring (booleans as 1/0), when it has one. */
    static Optional<BigDecimal> numeric(TemplateCatalog.ItemDefinition item, JsonNode answer) {
        if (answer == null || answer.isNull()) {
            return Optional.empty();
        }
        if (answer.isNumber()) {
            return Optional.of(answer.decimalValue());
        }
        if (answer.isBoolean()) {
            return Optional.of(answer.asBoolean() ? BigDecimal.ONE : BigDecimal.ZERO);
        }
        return Optional.empty();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "any" : value.stripTrailingZeros().toPlainString();
    }
}
