package org.vigil.library.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigil.library.AlertSeverity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A validated scoring specification: the parsed form of {@code assessment_templates.scoring} plus
 * the template items' {@code flag_rule}s. The JSON format (documented in {@code docs/library.md}):
 *
 * <pre>{@code
 * {
 *   "method": "SUM" | "AVERAGE",
 *   "items": ["phq9_item1", ...],          // metric keys of the counted items, in order
 *   "minAnswered": 9,                      // optional; default = every counted item
 *   "itemRange": {"min": 0, "max": 3},     // optional; every counted answer must lie in it
 *   "range": {"min": 0, "max": 27},        // every possible total
 *   "decimals": 0,                         // optional, 0..4; totals are rounded HALF_UP to this
 *   "totalMetric": "phq9_total",           // optional; the metric the total is recorded as
 *   "bands": [{"min": 0, "max": 4, "label": "Minimal", "severity": null}, ...],
 *   "source": "citation"                   // optional, free text
 * }
 * }</pre>
 *
 * Bands are inclusive, ascending, contiguous at the total's resolution (next min = previous max +
 * 10^-decimals) and cover {@code range} exactly, so every possible total falls in exactly one band.
 * {@code SUM} refuses incomplete submissions ({@code minAnswered} must equal the item count): none
 * of the shipped instruments' facts give a proration rule for missing items, so none is invented.
 * An item flag rule is {@code {"op": "gt", "value": 0, "severity": "CRITICAL", "label": "..."}}.
 */
public final class ScoringSpec {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Pattern METRIC_KEY = Pattern.compile("^[a-z][a-z0-9_]*$");
    private static final Set<String> PROPERTIES = Set.of("method", "items", "minAnswered", "itemRange", "range",
            "decimals", "totalMetric", "bands", "source");

    private final ScoringMethod method;
    private final List<String> items;
    private final int minAnswered;
    private final BigDecimal itemMin;
    private final BigDecimal itemMax;
    private final BigDecimal rangeMin;
    private final BigDecimal rangeMax;
    private final int decimals;
    private final String totalMetric;
    private final List<Band> bands;
    private final Map<String, ItemFlag> flags;

    private ScoringSpec(ScoringMethod method, List<String> items, int minAnswered, BigDecimal itemMin,
            BigDecimal itemMax, BigDecimal rangeMin, BigDecimal rangeMax, int decimals, String totalMetric,
            List<Band> bands, Map<String, ItemFlag> flags) {
        this.method = method;
        this.items = List.copyOf(items);
        this.minAnswered = minAnswered;
        this.itemMin = itemMin;
        this.itemMax = itemMax;
        this.rangeMin = rangeMin;
        this.rangeMax = rangeMax;
        this.decimals = decimals;
        this.totalMetric = totalMetric;
        this.bands = List.copyOf(bands);
        this.flags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(flags));
    }

    /** Parses and validates a scoring specification without item flags. */
    public static ScoringSpec parse(String scoringJson) {
        return parse(scoringJson, Map.of());
    }

    /**
     * Parses and validates a scoring specification together with the template items' flag rules.
     *
     * @param flagRulesByItem flag rule JSON keyed by the item's metric key (items without a rule omitted)
     * @throws InvalidScoringSpecException with the JSON path of the first fault found
     */
    public static ScoringSpec parse(String scoringJson, Map<String, String> flagRulesByItem) {
        JsonNode root = read(scoringJson, "$");
        if (!root.isObject()) {
            throw new InvalidScoringSpecException("$", "must be a JSON object");
        }
        for (String name : root.propertyNames()) {
            if (!PROPERTIES.contains(name)) {
                throw new InvalidScoringSpecException("$." + name, "is not a scoring property (allowed: "
                        + String.join(", ", PROPERTIES.stream().sorted().toList()) + ")");
            }
        }
        ScoringMethod method = switch (requiredString(root, "method", "$.method")) {
            case "SUM" -> ScoringMethod.SUM;
            case "AVERAGE" -> ScoringMethod.AVERAGE;
            default -> throw new InvalidScoringSpecException("$.method", "must be SUM or AVERAGE");
        };

        JsonNode itemsNode = root.get("items");
        if (itemsNode == null || !itemsNode.isArray() || itemsNode.isEmpty()) {
            throw new InvalidScoringSpecException("$.items", "must be a non-empty array of metric keys");
        }
        Set<String> items = new LinkedHashSet<>();
        for (int i = 0; i < itemsNode.size(); i++) {
            JsonNode item = itemsNode.get(i);
            String path = "$.items[" + i + "]";
            if (!item.isString() || !METRIC_KEY.matcher(item.stringValue()).matches()) {
                throw new InvalidScoringSpecException(path, "must be a metric key (lower case, digits, underscores)");
            }
            if (!items.add(item.stringValue())) {
                throw new InvalidScoringSpecException(path, "repeats item " + item.stringValue());
            }
        }

        int minAnswered = items.size();
        if (root.has("minAnswered")) {
            JsonNode node = root.get("minAnswered");
            if (!node.isIntegralNumber() || node.intValue() < 1 || node.intValue() > items.size()) {
                throw new InvalidScoringSpecException("$.minAnswered", "must be an integer from 1 to " + items.size());
            }
            minAnswered = node.intValue();
        }
        if (method == ScoringMethod.SUM && minAnswered != items.size()) {
            throw new InvalidScoringSpecException("$.minAnswered",
                    "a SUM must count every item: no proration rule for missing items is defined");
        }

        BigDecimal itemMin = null;
        BigDecimal itemMax = null;
        if (root.has("itemRange")) {
            BigDecimal[] range = range(root.get("itemRange"), "$.itemRange");
            itemMin = range[0];
            itemMax = range[1];
        }
        if (!root.has("range")) {
            throw new InvalidScoringSpecException("$.range", "is required: {\"min\": ..., \"max\": ...}");
        }
        BigDecimal[] range = range(root.get("range"), "$.range");

        int decimals = 0;
        if (root.has("decimals")) {
            JsonNode node = root.get("decimals");
            if (!node.isIntegralNumber() || node.intValue() < 0 || node.intValue() > 4) {
                throw new InvalidScoringSpecException("$.decimals", "must be an integer from 0 to 4");
            }
            decimals = node.intValue();
        }

        String totalMetric = null;
        if (root.has("totalMetric")) {
            totalMetric = requiredString(root, "totalMetric", "$.totalMetric");
            if (!METRIC_KEY.matcher(totalMetric).matches()) {
                throw new InvalidScoringSpecException("$.totalMetric", "must be a metric key");
            }
        }
        if (root.has("source") && !root.get("source").isString()) {
            throw new InvalidScoringSpecException("$.source", "must be text");
        }

        List<Band> bands = bands(root.get("bands"), range[0], range[1], decimals);

        Map<String, ItemFlag> flags = new LinkedHashMap<>();
        flagRulesByItem.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> flags.put(entry.getKey(), parseFlagRule(entry.getKey(), entry.getValue())));

        return new ScoringSpec(method, new ArrayList<>(items), minAnswered, itemMin, itemMax, range[0], range[1],
                decimals, totalMetric, bands, flags);
    }

    /**
     * Parses one item's {@code flag_rule}. Paths in errors start with the item key, e.g.
     * {@code phq9_item9.flag_rule$.severity}.
     */
    public static ItemFlag parseFlagRule(String item, String flagRuleJson) {
        String prefix = item + ".flag_rule";
        JsonNode root = read(flagRuleJson, prefix + "$");
        org.vigil.library.rules.FlagRule rule;
        try {
            rule = org.vigil.library.rules.ConditionParser.parseFlagRule(root);
        } catch (org.vigil.library.rules.InvalidConditionException e) {
            org.vigil.library.rules.ConditionError first = e.errors().get(0);
            throw new InvalidScoringSpecException(prefix + first.path(), first.message());
        }
        if (rule.label() == null || rule.label().isBlank()) {
            throw new InvalidScoringSpecException(prefix + "$.label", "is required: it tells the clinician why the flag was raised");
        }
        return new ItemFlag(item, rule);
    }

    private static List<Band> bands(JsonNode node, BigDecimal rangeMin, BigDecimal rangeMax, int decimals) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new InvalidScoringSpecException("$.bands", "must be a non-empty array (or absent)");
        }
        BigDecimal step = BigDecimal.ONE.movePointLeft(decimals);
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "$.bands[" + i + "]";
            JsonNode band = node.get(i);
            if (!band.isObject()) {
                throw new InvalidScoringSpecException(path, "must be an object {min, max, label, severity}");
            }
            BigDecimal min = number(band.get("min"), path + ".min");
            BigDecimal max = number(band.get("max"), path + ".max");
            if (min.compareTo(max) > 0) {
                throw new InvalidScoringSpecException(path + ".max", "is below min " + min.toPlainString());
            }
            if (min.scale() > decimals && min.stripTrailingZeros().scale() > decimals) {
                throw new InvalidScoringSpecException(path + ".min", "has more decimals than the total (" + decimals + ")");
            }
            if (max.scale() > decimals && max.stripTrailingZeros().scale() > decimals) {
                throw new InvalidScoringSpecException(path + ".max", "has more decimals than the total (" + decimals + ")");
            }
            String label = requiredString(band, "label", path + ".label");
            AlertSeverity severity = severity(band.get("severity"), path + ".severity", true);
            if (i == 0 && min.compareTo(rangeMin) != 0) {
                throw new InvalidScoringSpecException(path + ".min", "must start at the range minimum " + rangeMin.toPlainString());
            }
            if (i > 0) {
                BigDecimal expected = bands.get(i - 1).max().add(step);
                if (min.compareTo(expected) != 0) {
                    throw new InvalidScoringSpecException(path + ".min", "must be " + expected.toPlainString()
                            + " (bands are contiguous and do not overlap)");
                }
            }
            bands.add(new Band(min, max, label, severity));
        }
        Band last = bands.get(bands.size() - 1);
        if (last.max().compareTo(rangeMax) != 0) {
            throw new InvalidScoringSpecException("$.bands[" + (bands.size() - 1) + "].max",
                    "must end at the range maximum " + rangeMax.toPlainString());
        }
        return bands;
    }

    private static BigDecimal[] range(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidScoringSpecException(path, "must be an object {\"min\": ..., \"max\": ...}");
        }
        BigDecimal min = number(node.get("min"), path + ".min");
        BigDecimal max = number(node.get("max"), path + ".max");
        if (min.compareTo(max) > 0) {
            throw new InvalidScoringSpecException(path + ".max", "is below min " + min.toPlainString());
        }
        return new BigDecimal[] {min, max};
    }

    private static BigDecimal number(JsonNode node, String path) {
        if (node == null || !node.isNumber()) {
            throw new InvalidScoringSpecException(path, "must be a number");
        }
        return node.decimalValue();
    }

    private static String requiredString(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            throw new InvalidScoringSpecException(path, "is required text");
        }
        return node.stringValue();
    }

    private static AlertSeverity severity(JsonNode node, String path, boolean nullable) {
        if (node == null || node.isNull()) {
            if (nullable) {
                return null;
            }
            throw new InvalidScoringSpecException(path, "is required: LOW, MEDIUM, HIGH or CRITICAL");
        }
        if (node.isString()) {
            for (AlertSeverity severity : AlertSeverity.values()) {
                if (severity.name().equals(node.stringValue())) {
                    return severity;
                }
            }
        }
        throw new InvalidScoringSpecException(path, "must be LOW, MEDIUM, HIGH or CRITICAL" + (nullable ? " (or null)" : ""));
    }

    private static JsonNode read(String json, String path) {
        if (json == null || json.isBlank()) {
            throw new InvalidScoringSpecException(path, "is empty");
        }
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidScoringSpecException(path, "is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    public ScoringMethod method() {
        return method;
    }

    /** Metric keys of the counted items, in order. */
    public List<String> items() {
        return items;
    }

    public int minAnswered() {
        return minAnswered;
    }

    /** Lowest allowed answer of a counted item, or null when the spec sets none. */
    public BigDecimal itemMin() {
        return itemMin;
    }

    public BigDecimal itemMax() {
        return itemMax;
    }

    public BigDecimal rangeMin() {
        return rangeMin;
    }

    public BigDecimal rangeMax() {
        return rangeMax;
    }

    public int decimals() {
        return decimals;
    }

    /** Metric key the total is recorded as, or null. */
    public String totalMetric() {
        return totalMetric;
    }

    public List<Band> bands() {
        return bands;
    }

    /** Flag rules keyed by item metric key. */
    public Map<String, ItemFlag> flags() {
        return flags;
    }
}
