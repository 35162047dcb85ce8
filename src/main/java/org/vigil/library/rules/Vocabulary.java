package org.vigil.library.rules;

import java.util.Optional;
import org.vigil.library.ValueType;

/**
 * What exists for the organization saving a rule, so that a rule naming a metric, template or
 * item that does not exist — a rule that could never fire — is refused at save time with the path
 * of the name. Supplied by the library; {@link #SYNTAX_ONLY} checks nothing.
 */
public interface Vocabulary {

    /** The metric's value type, or empty when the organization has no metric with this key. */
    Optional<ValueType> metricType(String metricKey);

    /** Whether the organization has an assessment template with this key. */
    boolean templateExists(String templateKey);

    /** Whether the template has an item recorded as this metric. */
    boolean templateHasItem(String templateKey, String itemMetricKey);

    /** Accepts every well-formed name: for syntax checks and tests, never for saving a rule. */
    Vocabulary SYNTAX_ONLY = new Vocabulary() {
        @Override
        public Optional<ValueType> metricType(String metricKey) {
            return Optional.of(ValueType.NUMERIC);
        }

        @Override
        public boolean templateExists(String templateKey) {
            return true;
        }

        @Override
        public boolean templateHasItem(String templateKey, String itemMetricKey) {
            return true;
        }
    };
}
