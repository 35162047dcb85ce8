package org.vigil.library.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * A number a condition compares with: a literal, or a per-patient override with the default used
 * when the patient has none ({@code {"override": "sbp_high", "default": 180}}). A default is
 * mandatory, so a missing override can never disable a rule.
 *
 * @param defaultValue the literal, or the value used when the override is absent
 * @param overrideKey  the override's key, or {@code null} for a literal
 */
public record ThresholdValue(BigDecimal defaultValue, String overrideKey) {

    public ThresholdValue {
        Objects.requireNonNull(defaultValue, "defaultValue");
    }

    public static ThresholdValue of(BigDecimal value) {
        return new ThresholdValue(value, null);
    }

    public static ThresholdValue of(long value) {
        return of(BigDecimal.valueOf(value));
    }

    public static ThresholdValue override(String key, BigDecimal defaultValue) {
        return new ThresholdValue(defaultValue, Objects.requireNonNull(key, "key"));
    }

    public boolean isOverridable() {
        return overrideKey != null;
    }

    /** The value for one patient. */
    public Resolved resolve(Map<String, BigDecimal> overrides) {
        if (overrideKey != null) {
            BigDecimal o = overrides.get(overrideKey);
            if (o != null) {
                return new Resolved(o, overrideKey);
            }
        }
        return new Resolved(defaultValue, null);
    }

    /**
     * A threshold resolved for one patient.
     *
     * @param value       the number compared with
     * @param overrideKey the patient's override that supplied it, or {@code null} (literal or default)
     */
    public record Resolved(BigDecimal value, String overrideKey) {
    }
}
