package org.vigil.library.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.library.AlertSeverity;
import org.vigil.library.ValueType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates rule JSON (the grammar is in {@code docs/condition-language.md}). Every
 * problem is reported with its JSON path, not just the first: unknown node types, unknown fields,
 * wrong types, missing fields, values out of bounds, nonsensical combinations, names the
 * organization does not have ({@link Vocabulary}), nesting deeper than {@value #MAX_DEPTH} and
 * more than {@value #MAX_NODES} nodes.
 */
public final class ConditionParser {

    /** Deepest nesting of all/any: the root is level 1. */
    public static final int MAX_DEPTH = 5;
    /** Most nodes (combinators and leaves) in one rule. */
    public static final int MAX_NODES = 50;
    static final int MAX_HOURS = 8760;
    static final int MAX_DAYS = 365;
    static final int MAX_LAST_READINGS = 1000;
    static final int MAX_CONSECUTIVE = 100;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Map<String, Condition.Range.Mode> MODES = map(
            "inside", Condition.Range.Mode.INSIDE, "outside", Condition.Range.Mode.OUTSIDE);
    private static final Map<String, Condition.Aggregate.Fn> FNS = map(
            "avg", Condition.Aggregate.Fn.AVG, "min", Condition.Aggregate.Fn.MIN, "max", Condition.Aggregate.Fn.MAX,
            "count", Condition.Aggregate.Fn.COUNT, "sum", Condition.Aggregate.Fn.SUM);
    private static final Map<String, Condition.Trend.Change> CHANGES = map(
            "absolute", Condition.Trend.Change.ABSOLUTE, "percent", Condition.Trend.Change.PERCENT);
    private static final Map<String, Condition.Trend.Direction> DIRECTIONS = map(
            "rise", Condition.Trend.Direction.RISE, "fall", Condition.Trend.Direction.FALL,
            "either", Condition.Trend.Direction.EITHER);
    private static final Map<String, Condition.Adherence.Measure> MEASURES = map(
            "missed_doses", Condition.Adherence.Measure.MISSED_DOSES,
            "adherence_percent", Condition.Adherence.Measure.ADHERENCE_PERCENT);
    private static final Map<String, AlertSeverity> SEVERITIES = map(
            "LOW", AlertSeverity.LOW, "MEDIUM", AlertSeverity.MEDIUM, "HIGH", AlertSeverity.HIGH,
            "CRITICAL", AlertSeverity.CRITICAL);
    /** The leaf types, by their JSON {@code type}. */
    static final List<String> TYPES = List.of("threshold", "range", "aggregate", "trend", "consecutive",
            "missing_data", "assessment_score", "assessment_item", "adherence");

    private final Vocabulary vocabulary;
    private final List<ConditionError> errors = new ArrayList<>();
    private int nodes;
    private int leafStart;
    private boolean tooManyReported;

    private ConditionParser(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Syntax and sense only: names are checked for form, not existence. */
    public static Condition parse(JsonNode json) {
        return parse(json, Vocabulary.SYNTAX_ONLY);
    }

    /** Syntax, sense, and every metric, template and item name exists for the organization. */
    public static Condition parse(JsonNode json, Vocabulary vocabulary) {
        ConditionParser parser = new ConditionParser(vocabulary);
        Condition c = parser.node(json, "$", 1);
        if (!parser.errors.isEmpty()) {
            throw new InvalidConditionException(parser.errors);
        }
        return c;
    }

    /** As {@link #parse(JsonNode)}, from text (numbers are read as exact decimals). */
    public static Condition parse(String json) {
        return parse(json, Vocabulary.SYNTAX_ONLY);
    }

    /** As {@link #parse(JsonNode, Vocabulary)}, from text (numbers are read as exact decimals). */
    public static Condition parse(String json, Vocabulary vocabulary) {
        return parse(readTree(json), vocabulary);
    }

    /**
     * Reads an assessment item's {@code flag_rule}: {@code {"op": "gt", "value": 0, "severity":
     * "CRITICAL", "label": "..."}}. The item it belongs to is implied by where it is stored.
     */
    public static FlagRule parseFlagRule(JsonNode json) {
        List<ConditionError> errors = new ArrayList<>();
        FlagRule rule = null;
        if (json == null || !json.isObject()) {
            errors.add(new ConditionError("$", "must be an object with op, value and severity"));
        } else {
            JsonObjectReader r = new JsonObjectReader(json, "$", errors);
            Op op = r.op();
            JsonNode v = r.get("value");
            BigDecimal value = v == null ? null : JsonObjectReader.number(v, r.path("value"), errors);
            if (v == null) {
                r.error("value", "required (a number; per-patient overrides do not apply to item flags)");
            }
            AlertSeverity severity = r.choice("severity", SEVERITIES, true);
            String label = r.label();
            r.refuseUnknownFields();
            if (errors.isEmpty()) {
                rule = new FlagRule(op, value, severity, label);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidConditionException(errors);
        }
        return rule;
    }

    /** As {@link #parseFlagRule(JsonNode)}, from text. */
    public static FlagRule parseFlagRule(String json) {
        return parseFlagRule(readTree(json));
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidConditionException(List.of(new ConditionError("$", "not valid JSON: "
                    + e.getOriginalMessage())));
        }
    }

    private Condition node(JsonNode json, String path, int depth) {
        if (json == null || !json.isObject()) {
            errors.add(new ConditionError(path, "must be an object (a condition)"));
            return null;
        }
        if (++nodes > MAX_NODES) {
            if (!tooManyReported) {
                errors.add(new ConditionError(path, "too many conditions: at most " + MAX_NODES + " per rule"));
                tooManyReported = true;
            }
            return null;
        }
        if (json.has("all") || json.has("any")) {
            return combinator(json, path, depth);
        }
        JsonObjectReader r = new JsonObjectReader(json, path, errors);
        if (!json.has("type")) {
            r.error(null, "must have \"type\" (one of " + String.join(", ", TYPES) + ") or be {\"all\": [...]} "
                    + "or {\"any\": [...]}");
            return null;
        }
        String type = r.string("type", true);
        if (type == null) {
            return null;
        }
        leafStart = errors.size();
        Condition c = switch (type) {
            case "threshold" -> threshold(r);
            case "range" -> range(r);
            case "aggregate" -> aggregate(r);
            case "trend" -> trend(r);
            case "consecutive" -> consecutive(r);
            case "missing_data" -> missingData(r);
            case "assessment_score" -> assessmentScore(r);
            case "assessment_item" -> assessmentItem(r);
            case "adherence" -> adherence(r);
            default -> {
                r.error("type", "unknown condition type \"" + type + "\" (known: " + String.join(", ", TYPES)
                        + ", and {\"all\": [...]}, {\"any\": [...]})");
                yield null;
            }
        };
        if (!TYPES.contains(type)) {
            return null;
        }
        r.refuseUnknownFields();
        return errors.size() == leafStart ? c : null;
    }

    /** Whether the leaf being read is free of errors so far (its record may be built). */
    private boolean valid() {
        return errors.size() == leafStart;
    }

    private Condition combinator(JsonNode json, String path, int depth) {
        JsonObjectReader r = new JsonObjectReader(json, path, errors);
        boolean all = json.has("all");
        String name = all ? "all" : "any";
        if (json.has("all") && json.has("any")) {
            r.error(null, "has both \"all\" and \"any\"; nest one inside the other");
            return null;
        }
        JsonNode list = r.get(name);
        r.refuseUnknownFields();
        String listPath = r.path(name);
        if (!list.isArray() || list.isEmpty()) {
            errors.add(new ConditionError(listPath, "must be a non-empty array of conditions"));
            return null;
        }
        if (depth >= MAX_DEPTH) {
            errors.add(new ConditionError(listPath, "nested too deeply: at most " + MAX_DEPTH
                    + " levels of all/any"));
            return null;
        }
        int before = errors.size();
        List<Condition> children = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            children.add(node(list.get(i), listPath + "[" + i + "]", depth + 1));
        }
        if (errors.size() != before || children.contains(null)) {
            return null;
        }
        return all ? new Condition.All(children) : new Condition.Any(children);
    }

    private Condition threshold(JsonObjectReader r) {
        String metric = metric(r, "metric");
        Op op = r.op();
        ThresholdValue value = value(r, "value");
        Window.Timed window = timedWindow(r, false);
        String label = r.label();
        return !valid() ? null : new Condition.Threshold(metric, op, value, window, label);
    }

    private Condition range(JsonObjectReader r) {
        String metric = metric(r, "metric");
        Condition.Range.Mode mode = r.choice("mode", MODES, true);
        ThresholdValue min = value(r, "min");
        ThresholdValue max = value(r, "max");
        if (min != null && max != null && min.defaultValue().compareTo(max.defaultValue()) > 0) {
            r.error("min", "must not exceed max (" + max.defaultValue().toPlainString() + ")");
        }
        Window.Timed window = timedWindow(r, false);
        String label = r.label();
        return !valid() ? null : new Condition.Range(metric, mode, min, max, window, label);
    }

    private Condition aggregate(JsonObjectReader r) {
        String metric = metric(r, "metric");
        Condition.Aggregate.Fn fn = r.choice("fn", FNS, true);
        Window window = window(r, true);
        if (fn == Condition.Aggregate.Fn.COUNT && window instanceof Window.LastReadings) {
            r.error("window", "a count of the last N readings is always N; count over hours or days");
        }
        Op op = r.op();
        ThresholdValue value = value(r, "value");
        Integer minReadings = minReadings(r, window, fn == Condition.Aggregate.Fn.COUNT ? "count" : null, 1);
        String label = r.label();
        int effectiveMin = fn == Condition.Aggregate.Fn.COUNT ? 0
                : window instanceof Window.LastReadings l ? l.count() : or(minReadings, 1);
        return !valid() ? null : new Condition.Aggregate(metric, fn, window, op, value, effectiveMin, label);
    }

    private Condition trend(JsonObjectReader r) {
        String metric = metric(r, "metric");
        Window window = window(r, true);
        if (window instanceof Window.LastReadings l && l.count() < 2) {
            r.error("window", "a trend needs at least 2 readings: lastReadings must be at least 2");
        }
        Condition.Trend.Change change = r.choice("change", CHANGES, true);
        Condition.Trend.Direction direction = r.choice("direction", DIRECTIONS, true);
        Op op = r.op();
        ThresholdValue value = value(r, "value");
        if (value != null && value.defaultValue().signum() < 0) {
            r.error("value", "must not be negative: \"direction\" gives the sign of the change");
        }
        Integer minReadings = minReadings(r, window, null, 2);
        String label = r.label();
        int effectiveMin = window instanceof Window.LastReadings l ? l.count() : or(minReadings, 2);
        return !valid() ? null : new Condition.Trend(metric, window, change, direction, op, value,
                effectiveMin, label);
    }

    private Condition consecutive(JsonObjectReader r) {
        String metric = metric(r, "metric");
        Integer count = r.integer("count", 2, MAX_CONSECUTIVE, true);
        Op op = r.op();
        ThresholdValue value = value(r, "value");
        Window.Timed window = timedWindow(r, false);
        String label = r.label();
        return !valid() ? null : new Condition.Consecutive(metric, count, op, value, window, label);
    }

    private Condition missingData(JsonObjectReader r) {
        String metric = metric(r, "metric");
        Window.Timed window = timedWindow(r, true);
        String label = r.label();
        return !valid() ? null : new Condition.MissingData(metric, window, label);
    }

    private Condition assessmentScore(JsonObjectReader r) {
        String template = template(r);
        Op op = r.op();
        ThresholdValue value = value(r, "value");
        Window.Timed window = timedWindow(r, false);
        String label = r.label();
        return !valid() ? null : new Condition.AssessmentScore(template, op, value, window, label);
    }

    private Condition assessmentItem(JsonObjectReader r) {
        String template = template(r);
        String item = r.key("item");
        if (template != null && item != null) {
            if (!vocabulary.templateHasItem(template, item)) {
                r.error("item", "template \"" + template + "\" has no item \"" + item + "\"");
            } else {
                numericMetric(r, "item", item);
            }
        }
        Op op = r.op();
        ThresholdValue value = value(r, "value");
        Window.Timed window = timedWindow(r, false);
        String label = r.label();
        return !valid() ? null : new Condition.AssessmentItem(template, item, op, value, window, label);
    }

    private Condition adherence(JsonObjectReader r) {
        Window.Timed window = timedWindow(r, true);
        Condition.Adherence.Measure measure = r.choice("measure", MEASURES, true);
        Op op = r.op();
        ThresholdValue value = value(r, "value");
        if (value != null && measure == Condition.Adherence.Measure.ADHERENCE_PERCENT
                && (value.defaultValue().signum() < 0 || value.defaultValue().compareTo(BigDecimal.valueOf(100)) > 0)) {
            r.error("value", "a percentage must be between 0 and 100");
        }
        if (value != null && measure == Condition.Adherence.Measure.MISSED_DOSES
                && value.defaultValue().signum() < 0) {
            r.error("value", "a number of doses must not be negative");
        }
        String label = r.label();
        return !valid() ? null : new Condition.Adherence(window, measure, op, value, label);
    }

    // ---- shared pieces --------------------------------------------------------------------

    private String metric(JsonObjectReader r, String field) {
        String key = r.key(field);
        if (key != null) {
            numericMetric(r, field, key);
        }
        return key;
    }

    private void numericMetric(JsonObjectReader r, String field, String key) {
        Optional<ValueType> type = vocabulary.metricType(key);
        if (type.isEmpty()) {
            r.error(field, "unknown metric \"" + key + "\": no metric with this key exists for the organization");
        } else if (type.get() == ValueType.TEXT || type.get() == ValueType.CATEGORICAL) {
            r.error(field, "metric \"" + key + "\" holds " + type.get()
                    + " values; conditions compare numbers (numeric, integer, boolean as 0/1, ordinal scores)");
        }
    }

    private String template(JsonObjectReader r) {
        String key = r.key("template");
        if (key != null && !vocabulary.templateExists(key)) {
            r.error("template", "unknown assessment template \"" + key + "\"");
        }
        return key;
    }

    /** A number, or {@code {"override": key, "default": number}}. */
    private ThresholdValue value(JsonObjectReader r, String field) {
        JsonNode v = r.get(field);
        if (v == null || v.isNull()) {
            r.error(field, "required");
            return null;
        }
        String at = r.path(field);
        if (v.isObject()) {
            JsonObjectReader o = new JsonObjectReader(v, at, errors);
            int before = errors.size();
            String key = o.key("override");
            JsonNode d = o.get("default");
            BigDecimal dflt = null;
            if (d == null || d.isNull()) {
                o.error("default", "required: the value used when the patient has no override");
            } else {
                dflt = JsonObjectReader.number(d, o.path("default"), errors);
            }
            o.refuseUnknownFields();
            return errors.size() == before ? ThresholdValue.override(key, dflt) : null;
        }
        BigDecimal n = v.isNumber() ? JsonObjectReader.number(v, at, errors) : null;
        if (!v.isNumber()) {
            errors.add(new ConditionError(at, "must be a number or {\"override\": key, \"default\": number}"));
        }
        return n == null ? null : ThresholdValue.of(n);
    }

    private Integer minReadings(JsonObjectReader r, Window window, String refusedForFn, int floor) {
        if (!r.has("minReadings")) {
            return null;
        }
        if (refusedForFn != null) {
            r.error("minReadings", "not allowed with fn " + refusedForFn);
            return null;
        }
        if (window instanceof Window.LastReadings) {
            r.error("minReadings", "not allowed with a lastReadings window, which always needs all its readings");
            return null;
        }
        return r.integer("minReadings", floor, MAX_LAST_READINGS, true);
    }

    private Window.Timed timedWindow(JsonObjectReader r, boolean required) {
        Window w = window(r, required);
        if (w instanceof Window.LastReadings) {
            errors.add(new ConditionError(r.path("window") + ".lastReadings",
                    "not allowed here: use hours or days"));
            return null;
        }
        return (Window.Timed) w;
    }

    private Window window(JsonObjectReader r, boolean required) {
        JsonNode w = r.get("window");
        String at = r.path("window");
        if (w == null || w.isNull()) {
            if (required) {
                errors.add(new ConditionError(at, "required: {\"hours\": N}, {\"days\": N} or {\"lastReadings\": N}"));
            }
            return null;
        }
        if (!w.isObject()) {
            errors.add(new ConditionError(at, "must be an object: {\"hours\": N}, {\"days\": N} or {\"lastReadings\": N}"));
            return null;
        }
        JsonObjectReader o = new JsonObjectReader(w, at, errors);
        boolean hours = o.has("hours");
        boolean days = o.has("days");
        boolean last = o.has("lastReadings");
        o.refuseUnknownFields();
        int kinds = (hours ? 1 : 0) + (days ? 1 : 0) + (last ? 1 : 0);
        if (kinds != 1) {
            errors.add(new ConditionError(at, "must have exactly one of hours, days, lastReadings"));
            return null;
        }
        if (hours) {
            Integer n = o.integer("hours", 1, MAX_HOURS, true);
            return n == null ? null : new Window.Hours(n);
        }
        if (days) {
            Integer n = o.integer("days", 1, MAX_DAYS, true);
            return n == null ? null : new Window.Days(n);
        }
        Integer n = o.integer("lastReadings", 1, MAX_LAST_READINGS, true);
        return n == null ? null : new Window.LastReadings(n);
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static <E> Map<String, E> map(Object... pairs) {
        Map<String, E> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            E e = (E) pairs[i + 1];
            m.put((String) pairs[i], e);
        }
        return m;
    }
}
