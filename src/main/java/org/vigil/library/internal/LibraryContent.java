package org.vigil.library.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.vigil.library.AlertSeverity;
import org.vigil.library.LoincCheckDigit;
import org.vigil.library.ValueType;
import org.vigil.library.scoring.InvalidScoringSpecException;
import org.vigil.library.scoring.ScoringSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The standardized library as shipped in {@code src/main/resources/library/standard}: parsed,
 * cross-checked (every metric key, template code and rule code referenced anywhere exists; LOINC
 * check digits; ICD-10-CM form; scoring specifications valid) and hashed. Each item carries the
 * SHA-256 of its canonical JSON, and the whole release a hash over all of them, so the loader can
 * tell an unchanged library (one query) and an unchanged item (no write) apart from a changed one.
 */
public final class LibraryContent {

    /** Bumped when the loader maps content to rows differently, so every item is written again. */
    static final String FORMAT = "vigil-standard-library/1";
    static final String RESOURCE_DIRECTORY = "library/standard/";
    static final String MANIFEST = "release.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]*$");
    private static final Pattern ICD10_CM = Pattern.compile("^[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$");
    private static final Pattern FREQUENCY_DAYS = Pattern.compile("^[1-9][0-9]{0,2}$");

    public record Metric(String key, String displayName, String description, String category, ValueType valueType,
            String unit, String alternativeUnitsJson, BigDecimal normalMin, BigDecimal normalMax,
            BigDecimal plausibleMin, BigDecimal plausibleMax, Integer decimalPrecision, String loinc, String snomed,
            String optionsJson, List<AlternativeUnit> alternativeUnits, String hash, Panel panel) {
    }

    /** The panel a metric is a component of (blood pressure 85354-9: systolic, diastolic). */
    public record Panel(String key, String loinc, String component) {
    }

    /** An accepted unit and its conversion into the canonical unit: (value + offset) × factor ÷ divisor. */
    public record AlternativeUnit(String unit, BigDecimal offset, BigDecimal factor, BigDecimal divisor) {

        public BigDecimal toCanonical(BigDecimal value, int scale) {
            return value.add(offset).multiply(factor).divide(divisor, scale, java.math.RoundingMode.HALF_UP);
        }
    }

    public record Item(String metric, int displayOrder, boolean required, String helpText, String defaultValue,
            String flagRuleJson) {
    }

    public record Template(String code, String name, String description, String category, String loinc,
            String copyright, String scoringJson, List<Item> items, String hash) {
    }

    public record Rule(String code, String name, String description, String category, AlertSeverity severity,
            int priority, int cooldownMinutes, String conditionsJson, String actionsJson, String clinicalEvidence,
            Set<String> metricKeys, Set<String> assessmentCodes, String hash) {
    }

    public record Diagnosis(String icd10, String snomed, String label, boolean primary) {
    }

    public record PresetTemplate(String template, String frequency, boolean required, int displayOrder) {
    }

    public record PresetRule(String rule, int priority, boolean enabled) {
    }

    public record Preset(String code, String name, String description, String category, String guidelinesJson,
            List<Diagnosis> diagnoses, List<PresetTemplate> templates, List<PresetRule> rules, String hash) {
    }

    private final String version;
    private final String hash;
    private final List<Metric> metrics;
    private final List<Template> templates;
    private final List<Rule> rules;
    private final List<Preset> presets;

    private LibraryContent(String version, List<Metric> metrics, List<Template> templates, List<Rule> rules,
            List<Preset> presets) {
        this.version = version;
        this.metrics = List.copyOf(metrics);
        this.templates = List.copyOf(templates);
        this.rules = List.copyOf(rules);
        this.presets = List.copyOf(presets);
        StringBuilder all = new StringBuilder(FORMAT).append('\n').append(version);
        metrics.forEach(m -> all.append("\nM:").append(m.key()).append('=').append(m.hash()));
        templates.forEach(t -> all.append("\nT:").append(t.code()).append('=').append(t.hash()));
        rules.forEach(r -> all.append("\nR:").append(r.code()).append('=').append(r.hash()));
        presets.forEach(p -> all.append("\nP:").append(p.code()).append('=').append(p.hash()));
        this.hash = sha256(all.toString());
    }

    /** The library shipped on the classpath. */
    public static LibraryContent shipped() {
        return parse(shippedFiles());
    }

    /** The raw shipped files by name ({@code release.json} and the files it lists). */
    public static Map<String, String> shippedFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        String manifest = resource(MANIFEST);
        files.put(MANIFEST, manifest);
        for (JsonNode file : read(manifest, MANIFEST).path("files")) {
            files.put(file.asString(), resource(file.asString()));
        }
        return files;
    }

    /**
     * Parses and cross-checks a library given as files by name (as {@link #shippedFiles()}).
     *
     * @throws IllegalArgumentException listing every problem found
     */
    public static LibraryContent parse(Map<String, String> files) {
        Problems problems = new Problems();
        JsonNode manifest = read(files.get(MANIFEST), MANIFEST);
        String version = manifest.path("version").asString("");
        if (version.isBlank()) {
            problems.add(MANIFEST + ": version is required");
        }
        JsonNode metricsRoot = read(files.get("metrics.json"), "metrics.json");
        JsonNode templatesRoot = read(files.get("templates.json"), "templates.json");
        JsonNode rulesRoot = read(files.get("alert-rules.json"), "alert-rules.json");
        JsonNode presetsRoot = read(files.get("condition-presets.json"), "condition-presets.json");

        List<Metric> metrics = new ArrayList<>();
        Map<String, Metric> metricsByKey = new HashMap<>();
        int index = 0;
        for (JsonNode node : metricsRoot.path("metrics")) {
            String where = "metrics.json $.metrics[" + index++ + "]";
            Metric metric = metric(node, where, problems);
            if (metric != null && metricsByKey.putIfAbsent(metric.key(), metric) != null) {
                problems.add(where + ": duplicate key " + metric.key());
            } else if (metric != null) {
                metrics.add(metric);
            }
        }

        List<Template> templates = new ArrayList<>();
        Map<String, Template> templatesByCode = new HashMap<>();
        Set<String> templateNames = new HashSet<>();
        index = 0;
        for (JsonNode node : templatesRoot.path("templates")) {
            String where = "templates.json $.templates[" + index++ + "]";
            Template template = template(node, where, metricsByKey, problems);
            if (template == null) {
                continue;
            }
            if (templatesByCode.putIfAbsent(template.code(), template) != null) {
                problems.add(where + ": duplicate code " + template.code());
            } else if (!templateNames.add(template.name())) {
                problems.add(where + ": duplicate name " + template.name());
            } else {
                templates.add(template);
            }
        }

        List<Rule> rules = new ArrayList<>();
        Map<String, Rule> rulesByCode = new HashMap<>();
        Set<String> ruleNames = new HashSet<>();
        index = 0;
        for (JsonNode node : rulesRoot.path("rules")) {
            String where = "alert-rules.json $.rules[" + index++ + "]";
            Rule rule = rule(node, where, metricsByKey, templatesByCode, problems);
            if (rule == null) {
                continue;
            }
            if (rulesByCode.putIfAbsent(rule.code(), rule) != null) {
                problems.add(where + ": duplicate code " + rule.code());
            } else if (!ruleNames.add(rule.name())) {
                problems.add(where + ": duplicate name " + rule.name());
            } else {
                rules.add(rule);
            }
        }

        List<Preset> presets = new ArrayList<>();
        Set<String> presetCodes = new HashSet<>();
        Set<String> presetNames = new HashSet<>();
        index = 0;
        for (JsonNode node : presetsRoot.path("presets")) {
            String where = "condition-presets.json $.presets[" + index++ + "]";
            Preset preset = preset(node, where, templatesByCode, rulesByCode, problems);
            if (preset == null) {
                continue;
            }
            if (!presetCodes.add(preset.code())) {
                problems.add(where + ": duplicate code " + preset.code());
            } else if (!presetNames.add(preset.name())) {
                problems.add(where + ": duplicate name " + preset.name());
            } else {
                presets.add(preset);
            }
        }
        problems.throwIfAny();
        return new LibraryContent(version, metrics, templates, rules, presets);
    }

    private static Metric metric(JsonNode node, String where, Problems problems) {
        String key = text(node, "key");
        if (key == null || !KEY.matcher(key).matches()) {
            problems.add(where + ".key: must be lower case letters, digits and underscores");
            return null;
        }
        where = where + " (" + key + ")";
        ValueType valueType = null;
        try {
            valueType = ValueType.valueOf(node.path("valueType").asString(""));
        } catch (IllegalArgumentException e) {
            problems.add(where + ".valueType: must be one of " + List.of(ValueType.values()));
        }
        String displayName = required(node, "displayName", where, problems);
        String loinc = text(node, "loinc");
        if (loinc != null && !LoincCheckDigit.isValid(loinc)) {
            problems.add(where + ".loinc: " + loinc + " is not a LOINC code with a correct check digit");
        }
        BigDecimal[] normal = range(node.get("normalRange"), where + ".normalRange", problems);
        BigDecimal[] plausible = range(node.get("plausibleRange"), where + ".plausibleRange", problems);
        if (normal != null && plausible != null
                && (normal[0].compareTo(plausible[0]) < 0 || normal[1].compareTo(plausible[1]) > 0)) {
            problems.add(where + ".normalRange: must lie within the plausible range");
        }
        Integer precision = node.hasNonNull("decimalPrecision") ? node.get("decimalPrecision").intValue() : null;
        if (precision != null && (precision < 0 || precision > 6)) {
            problems.add(where + ".decimalPrecision: must be 0..6");
        }
        JsonNode options = node.get("options");
        boolean hasOptions = options != null && options.isArray() && !options.isEmpty();
        if ((valueType == ValueType.ORDINAL || valueType == ValueType.CATEGORICAL) && !hasOptions) {
            problems.add(where + ".options: an " + valueType + " metric lists its options");
        }
        if (hasOptions) {
            Set<String> values = new HashSet<>();
            for (JsonNode option : options) {
                if (!option.has("value") || text(option, "label") == null || !values.add(option.get("value").asString())) {
                    problems.add(where + ".options: every option has a distinct value and a label");
                }
            }
        }
        List<AlternativeUnit> alternatives = new ArrayList<>();
        for (JsonNode alternative : node.path("alternativeUnits")) {
            String unit = text(alternative, "unit");
            BigDecimal factor = alternative.path("factor").decimalValue(null);
            BigDecimal offset = alternative.path("offset").decimalValue(BigDecimal.ZERO);
            BigDecimal divisor = alternative.path("divisor").decimalValue(BigDecimal.ONE);
            if (unit == null || factor == null || factor.signum() <= 0 || divisor.signum() <= 0) {
                problems.add(where + ".alternativeUnits: each needs a unit, a positive factor and (optional) a positive divisor");
            } else {
                alternatives.add(new AlternativeUnit(unit, offset, factor, divisor));
            }
        }
        if (valueType == null || displayName == null) {
            return null;
        }
        return new Metric(key, displayName, text(node, "description"), text(node, "category"), valueType,
                text(node, "unit"), node.path("alternativeUnits").isArray() ? node.get("alternativeUnits").toString() : "[]",
                normal == null ? null : normal[0], normal == null ? null : normal[1],
                plausible == null ? null : plausible[0], plausible == null ? null : plausible[1], precision, loinc,
                text(node, "snomed"), hasOptions ? options.toString() : null, alternatives, itemHash(node),
                panel(node.get("panel"), where, problems));
    }

    private static Template template(JsonNode node, String where, Map<String, Metric> metrics, Problems problems) {
        String code = text(node, "code");
        if (code == null || !KEY.matcher(code).matches()) {
            problems.add(where + ".code: must be lower case letters, digits and underscores");
            return null;
        }
        where = where + " (" + code + ")";
        String name = required(node, "name", where, problems);
        String loinc = text(node, "loinc");
        if (loinc != null && !LoincCheckDigit.isValid(loinc)) {
            problems.add(where + ".loinc: " + loinc + " is not a LOINC code with a correct check digit");
        }
        List<Item> items = new ArrayList<>();
        Map<String, String> flagRules = new LinkedHashMap<>();
        Set<String> requiredItems = new HashSet<>();
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (JsonNode item : node.path("items")) {
            String itemWhere = where + ".items[" + i++ + "]";
            String metric = text(item, "metric");
            if (metric == null || !metrics.containsKey(metric)) {
                problems.add(itemWhere + ".metric: " + metric + " is not a shipped metric key");
                continue;
            }
            if (!seen.add(metric)) {
                problems.add(itemWhere + ".metric: " + metric + " appears twice");
                continue;
            }
            boolean required = item.path("required").asBoolean(false);
            if (required) {
                requiredItems.add(metric);
            }
            JsonNode flagRule = item.get("flagRule");
            String flagRuleJson = flagRule == null || flagRule.isNull() ? null : flagRule.toString();
            if (flagRuleJson != null) {
                flagRules.put(metric, flagRuleJson);
            }
            items.add(new Item(metric, item.path("displayOrder").asInt(i), required, text(item, "helpText"),
                    text(item, "defaultValue"), flagRuleJson));
        }
        if (items.isEmpty()) {
            problems.add(where + ".items: a template has at least one item");
        }
        JsonNode scoring = node.get("scoring");
        String scoringJson = scoring == null || scoring.isNull() ? null : scoring.toString();
        if (scoringJson != null) {
            try {
                ScoringSpec spec = ScoringSpec.parse(scoringJson, flagRules);
                for (String counted : spec.items()) {
                    if (!requiredItems.contains(counted)) {
                        problems.add(where + ".scoring.items: " + counted + " is scored but not a required item of the template");
                    }
                }
                if (spec.totalMetric() != null && !metrics.containsKey(spec.totalMetric())) {
                    problems.add(where + ".scoring.totalMetric: " + spec.totalMetric() + " is not a shipped metric key");
                }
            } catch (InvalidScoringSpecException e) {
                problems.add(where + ".scoring " + e.getMessage());
            }
        } else {
            for (Map.Entry<String, String> flag : flagRules.entrySet()) {
                try {
                    ScoringSpec.parseFlagRule(flag.getKey(), flag.getValue());
                } catch (InvalidScoringSpecException e) {
                    problems.add(where + " " + e.getMessage());
                }
            }
        }
        if (name == null) {
            return null;
        }
        return new Template(code, name, text(node, "description"), text(node, "category"), loinc, text(node, "copyright"),
                scoringJson, items, itemHash(node));
    }

    private static Rule rule(JsonNode node, String where, Map<String, Metric> metrics, Map<String, Template> templates,
            Problems problems) {
        String code = text(node, "code");
        if (code == null || !KEY.matcher(code).matches()) {
            problems.add(where + ".code: must be lower case letters, digits and underscores");
            return null;
        }
        where = where + " (" + code + ")";
        String name = required(node, "name", where, problems);
        AlertSeverity severity = null;
        try {
            severity = AlertSeverity.valueOf(node.path("severity").asString(""));
        } catch (IllegalArgumentException e) {
            problems.add(where + ".severity: must be LOW, MEDIUM, HIGH or CRITICAL");
        }
        int priority = node.path("priority").asInt(-1);
        if (priority < 0 || priority > 10) {
            problems.add(where + ".priority: must be 0..10");
        }
        int cooldown = node.path("cooldownMinutes").asInt(-1);
        if (cooldown < 0) {
            problems.add(where + ".cooldownMinutes: must be 0 or more");
        }
        if (text(node, "clinicalEvidence") == null) {
            problems.add(where + ".clinicalEvidence: every shipped threshold cites its source");
        }
        JsonNode conditions = node.get("conditions");
        if (conditions == null || !conditions.isObject() || conditions.isEmpty()) {
            problems.add(where + ".conditions: required");
            return null;
        }
        // The condition language's own parser decides (docs/condition-language.md), against the
        // shipped metrics and templates: a shipped rule that could never fire stops the release.
        Set<String> metricKeys = new TreeSet<>();
        Set<String> assessments = new TreeSet<>();
        String canonical;
        try {
            org.vigil.library.rules.Condition condition = org.vigil.library.rules.ConditionParser.parse(conditions,
                    shippedVocabulary(metrics, templates));
            metricKeys.addAll(condition.referencedMetrics());
            assessments.addAll(condition.referencedTemplates());
            canonical = org.vigil.library.rules.ConditionWriter.toJson(condition);
        } catch (org.vigil.library.rules.InvalidConditionException e) {
            for (org.vigil.library.rules.ConditionError error : e.errors()) {
                problems.add(where + ".conditions" + error.path().substring(1) + ": " + error.message());
            }
            return null;
        }
        if (name == null || severity == null) {
            return null;
        }
        JsonNode actions = node.get("actions");
        return new Rule(code, name, text(node, "description"), text(node, "category"), severity, priority, cooldown,
                canonical, actions == null || actions.isNull() ? "{}" : actions.toString(),
                text(node, "clinicalEvidence"), metricKeys, assessments, itemHash(node));
    }

    private static Panel panel(JsonNode node, String where, Problems problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        String key = text(node, "key");
        String loinc = text(node, "loinc");
        String component = text(node, "component");
        if (key == null || !KEY.matcher(key).matches() || component == null || !component.matches("^[a-z][a-zA-Z0-9]*$")) {
            problems.add(where + ".panel: needs a key (lower case) and a component name");
            return null;
        }
        if (loinc != null && !LoincCheckDigit.isValid(loinc)) {
            problems.add(where + ".panel.loinc: " + loinc + " is not a LOINC code with a correct check digit");
        }
        return new Panel(key, loinc, component);
    }

    /** What the shipped release defines: its metrics (with their value types) and its templates' items. */
    private static org.vigil.library.rules.Vocabulary shippedVocabulary(Map<String, Metric> metrics,
            Map<String, Template> templates) {
        return new org.vigil.library.rules.Vocabulary() {
            @Override
            public java.util.Optional<ValueType> metricType(String metricKey) {
                return java.util.Optional.ofNullable(metrics.get(metricKey)).map(Metric::valueType);
            }

            @Override
            public boolean templateExists(String templateKey) {
                return templates.containsKey(templateKey);
            }

            @Override
            public boolean templateHasItem(String templateKey, String itemMetricKey) {
                Template template = templates.get(templateKey);
                return template != null && template.items().stream().anyMatch(item -> item.metric().equals(itemMetricKey));
            }
        };
    }

    private static Preset preset(JsonNode node, String where, Map<String, Template> templates, Map<String, Rule> rules,
            Problems problems) {
        String code = text(node, "code");
        if (code == null || !KEY.matcher(code).matches()) {
            problems.add(where + ".code: must be lower case letters, digits and underscores");
            return null;
        }
        where = where + " (" + code + ")";
        String name = required(node, "name", where, problems);
        List<Diagnosis> diagnoses = new ArrayList<>();
        Set<String> icd10s = new HashSet<>();
        int primaries = 0;
        for (JsonNode dx : node.path("diagnoses")) {
            String icd10 = text(dx, "icd10");
            String label = text(dx, "label");
            if (icd10 == null || !ICD10_CM.matcher(icd10).matches()) {
                problems.add(where + ".diagnoses: " + icd10 + " is not an ICD-10-CM code (form A00.0000)");
                continue;
            }
            if (label == null) {
                problems.add(where + ".diagnoses: " + icd10 + " needs a label");
                continue;
            }
            if (!icd10s.add(icd10)) {
                problems.add(where + ".diagnoses: " + icd10 + " appears twice");
                continue;
            }
            boolean primary = dx.path("primary").asBoolean(false);
            primaries += primary ? 1 : 0;
            diagnoses.add(new Diagnosis(icd10, text(dx, "snomed"), label, primary));
        }
        if (diagnoses.isEmpty() || primaries != 1) {
            problems.add(where + ".diagnoses: at least one diagnosis, exactly one primary");
        }
        List<PresetTemplate> presetTemplates = new ArrayList<>();
        Set<String> templateCodes = new HashSet<>();
        for (JsonNode link : node.path("templates")) {
            String template = text(link, "template");
            String frequency = text(link, "frequency");
            if (!templates.containsKey(template)) {
                problems.add(where + ".templates: " + template + " is not a shipped template code");
            } else if (frequency == null || !FREQUENCY_DAYS.matcher(frequency).matches()) {
                problems.add(where + ".templates: " + template + " needs a frequency in days as a String, e.g. \"7\"");
            } else if (!templateCodes.add(template)) {
                problems.add(where + ".templates: " + template + " appears twice");
            } else {
                presetTemplates.add(new PresetTemplate(template, frequency, link.path("required").asBoolean(false),
                        link.path("displayOrder").asInt(0)));
            }
        }
        if (presetTemplates.isEmpty()) {
            problems.add(where + ".templates: a preset has at least one template");
        }
        List<PresetRule> presetRules = new ArrayList<>();
        Set<String> ruleCodes = new HashSet<>();
        for (JsonNode link : node.path("alertRules")) {
            String rule = text(link, "rule");
            int priority = link.path("priority").asInt(-1);
            if (!rules.containsKey(rule)) {
                problems.add(where + ".alertRules: " + rule + " is not a shipped rule code");
            } else if (priority < 0 || priority > 10) {
                problems.add(where + ".alertRules: " + rule + " priority must be 0..10");
            } else if (!ruleCodes.add(rule)) {
                problems.add(where + ".alertRules: " + rule + " appears twice");
            } else {
                presetRules.add(new PresetRule(rule, priority, link.path("enabled").asBoolean(true)));
            }
        }
        if (name == null) {
            return null;
        }
        JsonNode guidelines = node.get("clinicalGuidelines");
        return new Preset(code, name, text(node, "description"), text(node, "category"),
                guidelines == null || guidelines.isNull() ? null : guidelines.toString(), diagnoses, presetTemplates,
                presetRules, itemHash(node));
    }

    private static BigDecimal[] range(JsonNode node, String where, Problems problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        BigDecimal min = node.path("min").decimalValue(null);
        BigDecimal max = node.path("max").decimalValue(null);
        if (min == null || max == null || min.compareTo(max) > 0) {
            problems.add(where + ": needs numbers min <= max");
            return null;
        }
        return new BigDecimal[] {min, max};
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }

    private static String required(JsonNode node, String name, String where, Problems problems) {
        String value = text(node, name);
        if (value == null) {
            problems.add(where + "." + name + ": required");
        }
        return value;
    }

    private static JsonNode read(String json, String file) {
        if (json == null) {
            throw new IllegalArgumentException("Standard library file " + file + " is missing");
        }
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Standard library file " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String resource(String name) {
        String path = RESOURCE_DIRECTORY + name;
        try (InputStream in = LibraryContent.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Standard library resource " + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of the item's canonical JSON (object properties sorted), prefixed with the loader format. */
    static String itemHash(JsonNode node) {
        StringBuilder canonical = new StringBuilder(FORMAT).append('\n');
        canonical(node, canonical);
        return sha256(canonical.toString());
    }

    private static void canonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (String name : new TreeSet<>(node.propertyNames())) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(tools.jackson.databind.node.StringNode.valueOf(name)).append(':');
                canonical(node.get(name), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node.toString());
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String version() {
        return version;
    }

    /** SHA-256 over the loader format, the version and every item's hash. */
    public String hash() {
        return hash;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public List<Template> templates() {
        return templates;
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Preset> presets() {
        return presets;
    }

    private static final class Problems {
        private final List<String> list = new ArrayList<>();

        void add(String problem) {
            list.add(problem);
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new IllegalArgumentException("The standard library is invalid:\n  " + String.join("\n  ", list));
            }
        }
    }
}
