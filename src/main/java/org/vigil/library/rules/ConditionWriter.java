package org.vigil.library.rules;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Condition} as the JSON {@link ConditionParser} reads: {@code parse(write(c))}
 * equals {@code c}. Defaults are left out (a {@code minReadings} equal to its default, absent
 * windows and labels).
 */
public final class ConditionWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ConditionWriter() {
    }

    public static ObjectNode write(Condition condition) {
        if (condition instanceof Condition.All a) {
            return list("all", a.conditions());
        }
        if (condition instanceof Condition.Any a) {
            return list("any", a.conditions());
        }
        if (condition instanceof Condition.Threshold t) {
            ObjectNode o = leaf("threshold", t.metric());
            op(o, t.op(), t.value());
            timed(o, t.window());
            return label(o, t.label());
        }
        if (condition instanceof Condition.Range r) {
            ObjectNode o = leaf("range", r.metric());
            o.put("mode", r.mode().name().toLowerCase(java.util.Locale.ROOT));
            o.set("min", value(r.min()));
            o.set("max", value(r.max()));
            timed(o, r.window());
            return label(o, r.label());
        }
        if (condition instanceof Condition.Aggregate a) {
            ObjectNode o = leaf("aggregate", a.metric());
            o.put("fn", a.fn().name().toLowerCase(java.util.Locale.ROOT));
            o.set("window", window(a.window()));
            op(o, a.op(), a.value());
            if (a.window() instanceof Window.Timed && a.fn() != Condition.Aggregate.Fn.COUNT
                    && a.minReadings() != 1) {
                o.put("minReadings", a.minReadings());
            }
            return label(o, a.label());
        }
        if (condition instanceof Condition.Trend t) {
            ObjectNode o = leaf("trend", t.metric());
            o.set("window", window(t.window()));
            o.put("change", t.change().name().toLowerCase(java.util.Locale.ROOT));
            o.put("direction", t.direction().name().toLowerCase(java.util.Locale.ROOT));
            op(o, t.op(), t.value());
            if (t.window() instanceof Window.Timed && t.minReadings() != 2) {
                o.put("minReadings", t.minReadings());
            }
            return label(o, t.label());
        }
        if (condition instanceof Condition.Consecutive c) {
            ObjectNode o = leaf("consecutive", c.metric());
            o.put("count", c.count());
            op(o, c.op(), c.value());
            timed(o, c.window());
            return label(o, c.label());
        }
        if (condition instanceof Condition.MissingData m) {
            ObjectNode o = leaf("missing_data", m.metric());
            o.set("window", window(m.window()));
            return label(o, m.label());
        }
        if (condition instanceof Condition.AssessmentScore s) {
            ObjectNode o = NODES.objectNode().put("type", "assessment_score").put("template", s.template());
            op(o, s.op(), s.value());
            timed(o, s.window());
            return label(o, s.label());
        }
        if (condition instanceof Condition.AssessmentItem i) {
            ObjectNode o = NODES.objectNode().put("type", "assessment_item").put("template", i.template())
                    .put("item", i.item());
            op(o, i.op(), i.value());
            timed(o, i.window());
            return label(o, i.label());
        }
        if (condition instanceof Condition.Adherence a) {
            ObjectNode o = NODES.objectNode().put("type", "adherence");
            o.set("window", window(a.window()));
            o.put("measure", a.measure().name().toLowerCase(java.util.Locale.ROOT));
            op(o, a.op(), a.value());
            return label(o, a.label());
        }
        throw new IllegalArgumentException("unknown condition " + condition);
    }

    /** Compact JSON text, e.g. for the {@code alert_rules.conditions} column. */
    public static String toJson(Condition condition) {
        return MAPPER.writeValueAsString(write(condition));
    }

    public static ObjectNode write(FlagRule rule) {
        ObjectNode o = NODES.objectNode().put("op", rule.op().json());
        o.set("value", NODES.numberNode(rule.value()));
        o.put("severity", rule.severity().name());
        return label(o, rule.label());
    }

    public static String toJson(FlagRule rule) {
        return MAPPER.writeValueAsString(write(rule));
    }

    private static ObjectNode list(String name, java.util.List<Condition> children) {
        ObjectNode o = NODES.objectNode();
        ArrayNode a = o.putArray(name);
        children.forEach(c -> a.add(write(c)));
        return o;
    }

    private static ObjectNode leaf(String type, String metric) {
        return NODES.objectNode().put("type", type).put("metric", metric);
    }

    private static void op(ObjectNode o, Op op, ThresholdValue value) {
        o.put("op", op.json());
        o.set("value", value(value));
    }

    private static JsonNode value(ThresholdValue v) {
        if (!v.isOverridable()) {
            return NODES.numberNode(v.defaultValue());
        }
        ObjectNode o = NODES.objectNode().put("override", v.overrideKey());
        o.set("default", NODES.numberNode(v.defaultValue()));
        return o;
    }

    private static void timed(ObjectNode o, Window.Timed w) {
        if (w != null) {
            o.set("window", window(w));
        }
    }

    private static ObjectNode window(Window w) {
        if (w instanceof Window.LastReadings l) {
            return NODES.objectNode().put("lastReadings", l.count());
        }
        if (w instanceof Window.Hours h) {
            return NODES.objectNode().put("hours", h.hours());
        }
        return NODES.objectNode().put("days", ((Window.Days) w).days());
    }

    private static ObjectNode label(ObjectNode o, String label) {
        return label == null ? o : o.put("label", label);
    }
}
