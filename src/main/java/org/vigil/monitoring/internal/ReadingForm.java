package org.vigil.monitoring.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.vigil.library.MetricCatalog.MetricInfo;
import org.vigil.library.MetricCatalog.UnitConversion;
import org.vigil.library.ValueType;
import org.vigil.monitoring.ObservationContext;
import org.vigil.monitoring.ObservationSource;
import org.vigil.shared.time.IsoInstants;
import org.vigil.shared.web.ApiProblem.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One reading as sent, on its own: its fields read and checked (required, types, lengths, known
 * enum values, {@code recordedAt} at most 5 minutes in the future), and its value normalized
 * against its metric (canonical unit, plausible range, precision, options). Every problem is a
 * field error of that reading; nothing here looks anything up.
 */
@Component
class ReadingForm {

    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    private static final int MAX_TEXT = 2000;
    private static final int MAX_IDENTIFIER = 200;
    private static final Set<String> FIELDS = Set.of("patientId", "metric", "loinc", "value", "unit", "source",
            "sourceIdentifier", "context", "notes", "recordedAt");

    /** A reading as sent, parsed just enough to look things up. */
    record Parsed(int index, JsonNode node, String patientId, String metricKey, String loinc,
            Instant recordedAt, ObservationSource source, String sourceIdentifier, ObservationContext context,
            String notes, List<FieldError> errors) {
    }

    private final JsonMapper json;

    ReadingForm(JsonMapper json) {
        this.json = json;
    }

    Parsed parse(int index, JsonNode node, Instant now, ObservationSource forced) {
        List<FieldError> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            errors.add(new FieldError("", "a reading must be a JSON object"));
            return new Parsed(index, node, null, null, null, null, null, null, null, null, errors);
        }
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        }
        String patientId = text(node, "patientId", 64, true, errors);
        String metricKey = text(node, "metric", 64, false, errors);
        String loinc = text(node, "loinc", 32, false, errors);
        if (metricKey == null && loinc == null && errors.stream().noneMatch(e -> e.field().equals("metric")
                || e.field().equals("loinc"))) {
            errors.add(new FieldError("metric", "required: a metric key (or a LOINC code in 'loinc')"));
        } else if (metricKey != null && loinc != null) {
            errors.add(new FieldError("loinc", "give either metric or loinc, not both"));
        }
        if (!node.has("value") || node.get("value").isNull()) {
            errors.add(new FieldError("value", "required"));
        }
        Instant recordedAt = null;
        String at = text(node, "recordedAt", 64, true, errors);
        if (at != null) {
            try {
                recordedAt = IsoInstants.parse(at);
                if (recordedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
                    errors.add(new FieldError("recordedAt", "is more than 5 minutes in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("recordedAt", "must be an ISO-8601 instant such as 2026-11-02T13:05:00Z"));
            }
        }
        ObservationSource source = ObservationSource.MANUAL;
        String sourceText = text(node, "source", 16, false, errors);
        if (sourceText != null) {
            try {
                source = ObservationSource.valueOf(sourceText);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("source", "must be one of MANUAL, DEVICE, API, IMPORT"));
            }
        }
        if (forced != null) {
            source = forced;
        }
        ObservationContext context = null;
        String contextText = text(node, "context", 32, false, errors);
        if (contextText != null) {
            try {
                context = ObservationContext.valueOf(contextText);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("context",
                        "must be one of WELLNESS, PROGRAM_ENROLLMENT, CLINICAL_MONITORING, ROUTINE_FOLLOWUP"));
            }
        }
        String sourceIdentifier = text(node, "sourceIdentifier", MAX_IDENTIFIER, false, errors);
        String notes = text(node, "notes", MAX_TEXT, false, errors);
        text(node, "unit", 32, false, errors);
        return new Parsed(index, node, patientId, metricKey, loinc, recordedAt, source, sourceIdentifier, context,
                notes, errors);
    }

    private static String text(JsonNode node, String field, int max, boolean required, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "required"));
            }
            return null;
        }
        if (!value.isString() || value.asString().isBlank()) {
            errors.add(new FieldError(field, "must be a non-blank string"));
            return null;
        }
        String s = value.asString().strip();
        if (s.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return s;
    }

    /**
     * The reading's value as stored: numbers converted to the metric's canonical unit (canonical =
     * value × factor + offset of the alternative unit sent), checked against the plausible range
     * and rounded to the metric's precision; booleans as JSON booleans; categorical and ordinal
     * answers as one of the metric's option values; text as a string.
     */
    String normalize(JsonNode reading, MetricInfo metric, List<FieldError> errors) {
        JsonNode value = reading.get("value");
        if (value == null || value.isNull()) {
            return null;
        }
        JsonNode unitNode = reading.get("unit");
        String unit = unitNode != null && unitNode.isString() ? unitNode.asString().strip() : null;
        ValueType type = metric.valueType();
        switch (type) {
            case NUMERIC, INTEGER -> {
                if (!value.isNumber()) {
                    errors.add(new FieldError("value", "must be a number"));
                    return null;
                }
                BigDecimal v = value.decimalValue();
                boolean converted = unit != null && !unit.equals(metric.unit());
                if (type == ValueType.INTEGER && !converted && v.stripTrailingZeros().scale() > 0) {
                    errors.add(new FieldError("value", "must be a whole number"));
                    return null;
                }
                if (converted) {
                    UnitConversion conversion = metric.alternativeUnits().stream()
                            .filter(c -> c.unit().equals(unit)).findFirst().orElse(null);
                    if (conversion == null) {
                        List<String> units = new ArrayList<>();
                        if (metric.unit() != null) {
                            units.add(metric.unit());
                        }
                        metric.alternativeUnits().forEach(c -> units.add(c.unit()));
                        errors.add(new FieldError("unit", units.isEmpty() ? "this metric has no unit"
                                : "must be one of " + String.join(", ", units)));
                        return null;
                    }
                    v = v.multiply(conversion.factor(), MathContext.DECIMAL64).add(conversion.offset());
                }
                int scale = metric.decimalPrecision() != null ? metric.decimalPrecision()
                        : type == ValueType.INTEGER ? 0 : 6;
                if (v.scale() > scale) {
                    v = v.setScale(scale, RoundingMode.HALF_UP);
                }
                String unitText = metric.unit() == null ? "" : " " + metric.unit();
                if (metric.plausibleMin() != null && v.compareTo(metric.plausibleMin()) < 0
                        || metric.plausibleMax() != null && v.compareTo(metric.plausibleMax()) > 0) {
                    errors.add(new FieldError("value", "outside the plausible range "
                            + range(metric.plausibleMin(), metric.plausibleMax()) + unitText
                            + " (a device or entry error)"));
                    return null;
                }
                BigDecimal plain = v.stripTrailingZeros();
                return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    errors.add(new FieldError("value", "must be true or false"));
                    return null;
                }
                return value.booleanValue() ? "true" : "false";
            }
            case CATEGORICAL, ORDINAL -> {
                String answer = value.isString() ? value.asString() : value.isNumber() ? value.asString() : null;
                if (answer == null || metric.options().stream().noneMatch(o -> o.value().equals(answer))) {
                    errors.add(new FieldError("value", "must be one of the metric's options"));
                    return null;
                }
                return json.writeValueAsString(answer);
            }
            default -> {
                if (!value.isString() || value.asString().length() > MAX_TEXT) {
                    errors.add(new FieldError("value", "must be a string of at most " + MAX_TEXT + " characters"));
                    return null;
                }
                return json.writeValueAsString(value.asString());
            }
        }
    }

    private static String range(BigDecimal min, BigDecimal max) {
        String lo = min == null ? "-∞" : min.stripTrailingZeros().toPlainString();
        String hi = max == null ? "∞" : max.stripTrailingZeros().toPlainString();
        return lo + "–" + hi;
    }
}
