package org.vigil.library.rules;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON object, recording a {@link ConditionError} with the field's path
 * for every problem instead of stopping at the first, and remembering which fields were read so
 * that every other field can be refused as unknown ({@link #refuseUnknownFields()}).
 */
final class JsonObjectReader {

    static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]*$");
    static final int MAX_KEY_LENGTH = 64;
    static final int MAX_LABEL_LENGTH = 200;
    static final BigDecimal MAX_MAGNITUDE = BigDecimal.valueOf(1_000_000_000L);
    static final int MAX_DECIMALS = 6;
    private static final Pattern PLAIN_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

    private final JsonNode node;
    private final String path;
    private final List<ConditionError> errors;
    private final Set<String> known = new LinkedHashSet<>();

    JsonObjectReader(JsonNode node, String path, List<ConditionError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    static String child(String path, String field) {
        return PLAIN_NAME.matcher(field).matches()
                ? path + "." + field
                : path + "['" + field.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    String path() {
        return path;
    }

    String path(String field) {
        return child(path, field);
    }

    boolean has(String field) {
        known.add(field);
        return node.has(field);
    }

    JsonNode get(String field) {
        known.add(field);
        return node.get(field);
    }

    void error(String field, String message) {
        errors.add(new ConditionError(field == null ? path : path(field), message));
    }

    /** A required (or optional) string field; {@code null} when absent or invalid. */
    String string(String field, boolean required) {
        JsonNode v = get(field);
        if (v == null || v.isNull()) {
            if (required) {
                error(field, "required");
            }
            return null;
        }
        if (!v.isString()) {
            error(field, "must be a string");
            return null;
        }
        return v.stringValue();
    }

    /** A metric, template or override key: {@code ^[a-z][a-z0-9_]*$}, at most 64 characters. */
    String key(String field) {
        String s = string(field, true);
        if (s != null && (!KEY.matcher(s).matches() || s.length() > MAX_KEY_LENGTH)) {
            error(field, "must be a key of lower-case letters, digits and underscores starting with a letter "
                    + "(at most " + MAX_KEY_LENGTH + " characters), got \"" + s + "\"");
            return null;
        }
        return s;
    }

    String label() {
        String s = string("label", false);
        if (s != null && (s.isBlank() || s.length() > MAX_LABEL_LENGTH)) {
            error("label", "must be 1 to " + MAX_LABEL_LENGTH + " characters");
            return null;
        }
        return s;
    }

    /** One of the given JSON spellings, mapped to its value. */
    <E> E choice(String field, Map<String, E> choices, boolean required) {
        String s = string(field, required);
        if (s == null) {
            return null;
        }
        E e = choices.get(s);
        if (e == null) {
            error(field, "must be one of " + String.join(", ", choices.keySet()) + ", got \"" + s + "\"");
        }
        return e;
    }

    Op op() {
        String s = string("op", true);
        if (s == null) {
            return null;
        }
        Op op = Op.fromJson(s);
        if (op == null) {
            error("op", "must be one of gt, gte, lt, lte, eq, neq, got \"" + s + "\"");
        }
        return op;
    }

    /** A whole number in {@code [min, max]}; {@code null} when absent (and optional) or invalid. */
    Integer integer(String field, int min, int max, boolean required) {
        JsonNode v = get(field);
        if (v == null || v.isNull()) {
            if (required) {
                error(field, "required");
            }
            return null;
        }
        return wholeNumber(v, path(field), min, max, errors);
    }

    static Integer wholeNumber(JsonNode v, String at, int min, int max, List<ConditionError> errors) {
        BigDecimal d = number(v, at, errors);
        if (d == null) {
            return null;
        }
        if (d.stripTrailingZeros().scale() > 0) {
            errors.add(new ConditionError(at, "must be a whole number"));
            return null;
        }
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.add(new ConditionError(at, "must be between " + min + " and " + max));
            return null;
        }
        return d.intValueExact();
    }

    /**
     * A JSON number (never a string holding one), finite, of magnitude at most 10⁹ and with at most
     * 6 decimals (the finest metric precision), so that no threshold is absurd or costly to print.
     */
    static BigDecimal number(JsonNode v, String at, List<ConditionError> errors) {
        if (v == null || !v.isNumber()) {
            errors.add(new ConditionError(at, "must be a number"));
            return null;
        }
        if ((v.isDouble() || v.isFloat()) && !Double.isFinite(v.doubleValue())) {
            errors.add(new ConditionError(at, "must be a finite number"));
            return null;
        }
        BigDecimal d = v.decimalValue();
        if (d.abs().compareTo(MAX_MAGNITUDE) > 0 || d.stripTrailingZeros().scale() > MAX_DECIMALS) {
            errors.add(new ConditionError(at, "must be between -1000000000 and 1000000000 with at most "
                    + MAX_DECIMALS + " decimals"));
            return null;
        }
        return d;
    }

    /** Every field present but never read is a typo or a feature we do not have: refuse it. */
    void refuseUnknownFields() {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                errors.add(new ConditionError(path(name),
                        "unknown field (allowed here: " + String.join(", ", known) + ")"));
            }
        }
    }
}
