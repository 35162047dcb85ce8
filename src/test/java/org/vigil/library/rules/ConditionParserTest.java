package org.vigil.library.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.library.ValueType;

class ConditionParserTest {

    private static java.util.List<String> errors(String json) {
        return errors(json, Vocabulary.SYNTAX_ONLY);
    }

    private static java.util.List<String> errors(String json, Vocabulary vocabulary) {
        try {
            ConditionParser.parse(json, vocabulary);
        } catch (InvalidConditionException e) {
            return e.errors().stream().map(ConditionError::toString).toList();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void parsesALeafIntoItsRecord() {
        Condition c = ConditionParser.parse("""
                {"type": "threshold", "metric": "bp_systolic", "op": "gte", "value": 180, "label": "hypertensive crisis"}""");
        assertThat(c).isEqualTo(new Condition.Threshold("bp_systolic", Op.GTE, ThresholdValue.of(180), null,
                "hypertensive crisis"));
    }

    @Test
    void windowOutOfBoundsNamesItsPath() {
        assertThat(errors("""
                {"all": [
                  {"type": "threshold", "metric": "bp_systolic", "op": "gte", "value": 180},
                  {"type": "aggregate", "metric": "glucose", "fn": "avg", "window": {"hours": 0}, "op": "gt", "value": 180}
                ]}""")).containsExactly("$.all[1].window.hours: must be between 1 and 8760");
        assertThat(errors("""
                {"type": "missing_data", "metric": "spo2", "window": {"days": 366}}"""))
                .containsExactly("$.window.days: must be between 1 and 365");
        assertThat(errors("""
                {"type": "missing_data", "metric": "spo2", "window": {"hours": 1.5}}"""))
                .containsExactly("$.window.hours: must be a whole number");
        assertThat(errors("""
                {"type": "missing_data", "metric": "spo2", "window": {"hours": 2, "days": 1}}"""))
                .containsExactly("$.window: must have exactly one of hours, days, lastReadings");
        assertThat(errors("""
                {"type": "missing_data", "metric": "spo2", "window": {"lastReadings": 3}}"""))
                .containsExactly("$.window.lastReadings: not allowed here: use hours or days");
        assertThat(errors("""
                {"type": "missing_data", "metric": "spo2", "window": {"minutes": 30}}"""))
                .containsExactly("$.window.minutes: unknown field (allowed here: hours, days, lastReadings)",
                        "$.window: must have exactly one of hours, days, lastReadings");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        assertThat(errors("""
                {"any": [
                  {"type": "threshold", "metric": "Systolic BP", "op": ">=", "value": "180"},
                  {"type": "treshold", "metric": "bp_diastolic", "op": "gte", "value": 120},
                  {"type": "threshold", "metric": "bp_diastolic", "op": "gte", "valeu": 120}
                ]}""")).containsExactly(
                "$.any[0].metric: must be a key of lower-case letters, digits and underscores starting with a letter "
                        + "(at most 64 characters), got \"Systolic BP\"",
                "$.any[0].op: must be one of gt, gte, lt, lte, eq, neq, got \">=\"",
                "$.any[0].value: must be a number or {\"override\": key, \"default\": number}",
                "$.any[1].type: unknown condition type \"treshold\" (known: threshold, range, aggregate, trend, "
                        + "consecutive, missing_data, assessment_score, assessment_item, adherence, and {\"all\": [...]}, "
                        + "{\"any\": [...]})",
                "$.any[2].value: required",
                "$.any[2].valeu: unknown field (allowed here: type, metric, op, value, window, label)");
    }

    @Test
    void predecessorDialectsAreRefusedNotIgnored() {
        // the predecessor's engine silently returned false for these; here they are errors
        assertThat(errors("""
                {"metric": "systolic_blood_pressure", "operator": "gte", "value": 180}"""))
                .containsExactly("$: must have \"type\" (one of threshold, range, aggregate, trend, consecutive, "
                        + "missing_data, assessment_score, assessment_item, adherence) or be {\"all\": [...]} or {\"any\": [...]}");
        assertThat(errors("""
                {"operator": "or", "conditions": []}""")).hasSize(1);
        assertThat(errors("""
                {"type": "threshold", "metric": "pain", "op": "trend_increasing", "value": 3, "timeWindow": "24h"}"""))
                .containsExactly("$.op: must be one of gt, gte, lt, lte, eq, neq, got \"trend_increasing\"",
                        "$.timeWindow: unknown field (allowed here: type, metric, op, value, window, label)");
    }

    @Test
    void missingFieldsAndWrongTypes() {
        assertThat(errors("""
                {"type": "trend", "metric": "peak_flow", "change": "percent", "direction": "down", "op": "gte", "value": 20}"""))
                .containsExactly("$.window: required: {\"hours\": N}, {\"days\": N} or {\"lastReadings\": N}",
                        "$.direction: must be one of rise, fall, either, got \"down\"");
        assertThat(errors("""
                {"type": 7}""")).containsExactly("$.type: must be a string");
        assertThat(errors("[]")).containsExactly("$: must be an object (a condition)");
        assertThat(errors("{\"type\": \"threshold\", \"metric\": \"x\", \"op\": \"gt\", \"value\": 1e400}"))
                .containsExactly("$.value: must be between -1000000000 and 1000000000 with at most 6 decimals");
        assertThat(errors("{\"type\": \"threshold\", \"metric\": \"x\", \"op\": \"gt\", \"value\": 0.0000001}"))
                .containsExactly("$.value: must be between -1000000000 and 1000000000 with at most 6 decimals");
        assertThat(errors("{\"type\": ")).singleElement().asString().startsWith("$: not valid JSON");
    }

    @Test
    void nonsensicalValues() {
        assertThat(errors("""
                {"type": "consecutive", "metric": "pain", "count": 1, "op": "gt", "value": 8}"""))
                .containsExactly("$.count: must be between 2 and 100");
        assertThat(errors("""
                {"type": "trend", "metric": "pain", "window": {"lastReadings": 1}, "change": "absolute",
                 "direction": "rise", "op": "gte", "value": -3}""")).containsExactly(
                "$.window: a trend needs at least 2 readings: lastReadings must be at least 2",
                "$.value: must not be negative: \"direction\" gives the sign of the change");
        assertThat(errors("""
                {"type": "range", "metric": "heart_rate", "mode": "outside", "min": 120, "max": 50}"""))
                .containsExactly("$.min: must not exceed max (50)");
        assertThat(errors("""
                {"type": "adherence", "window": {"days": 30}, "measure": "adherence_percent", "op": "lt", "value": 120}"""))
                .containsExactly("$.value: a percentage must be between 0 and 100");
        assertThat(errors("""
                {"type": "aggregate", "metric": "bp_systolic", "fn": "count", "window": {"lastReadings": 3}, "op": "gt", "value": 1}"""))
                .containsExactly("$.window: a count of the last N readings is always N; count over hours or days");
        assertThat(errors("""
                {"type": "aggregate", "metric": "bp_systolic", "fn": "avg", "window": {"lastReadings": 3}, "minReadings": 2,
                 "op": "gt", "value": 1}""")).containsExactly(
                "$.minReadings: not allowed with a lastReadings window, which always needs all its readings");
        assertThat(errors("""
                {"type": "threshold", "metric": "bp_systolic", "op": "gte", "value": {"override": "sbp_high"}}"""))
                .containsExactly("$.value.default: required: the value used when the patient has no override");
    }

    @Test
    void combinatorShapes() {
        assertThat(errors("""
                {"all": []}""")).containsExactly("$.all: must be a non-empty array of conditions");
        assertThat(errors("""
                {"all": [{"type": "missing_data", "metric": "spo2", "window": {"hours": 6}}], "any": []}"""))
                .containsExactly("$: has both \"all\" and \"any\"; nest one inside the other");
        assertThat(errors("""
                {"any": [{"type": "missing_data", "metric": "spo2", "window": {"hours": 6}}], "label": "x"}"""))
                .containsExactly("$.label: unknown field (allowed here: any)");
        assertThat(errors("""
                {"not": {"type": "missing_data", "metric": "spo2", "window": {"hours": 6}}}""")).hasSize(1);
    }

    @Test
    void nestingDepthIsLimited() {
        String leaf = "{\"type\": \"missing_data\", \"metric\": \"spo2\", \"window\": {\"hours\": 6}}";
        String ok = leaf;
        for (int i = 1; i < ConditionParser.MAX_DEPTH; i++) {
            ok = "{\"all\": [" + ok + "]}";
        }
        assertThat(ConditionParser.parse(ok)).isInstanceOf(Condition.All.class);
        String tooDeep = "{\"all\": [" + ok + "]}";
        assertThat(errors(tooDeep)).containsExactly(
                "$.all[0].all[0].all[0].all[0].all: nested too deeply: at most 5 levels of all/any");
    }

    @Test
    void nodeCountIsLimited() {
        String leaf = "{\"type\": \"missing_data\", \"metric\": \"spo2\", \"window\": {\"hours\": 6}}";
        String many = "{\"any\": [" + String.join(",", java.util.Collections.nCopies(ConditionParser.MAX_NODES, leaf)) + "]}";
        assertThat(errors(many)).containsExactly("$.any[49]: too many conditions: at most 50 per rule");
        String max = "{\"any\": [" + String.join(",", java.util.Collections.nCopies(ConditionParser.MAX_NODES - 1, leaf)) + "]}";
        assertThat(ConditionParser.parse(max)).isInstanceOf(Condition.Any.class);
    }

    @Test
    void namesMustExistForTheOrganization() {
        Vocabulary vocabulary = new Vocabulary() {
            final Map<String, ValueType> metrics = Map.of("bp_systolic", ValueType.NUMERIC, "bp_diastolic", ValueType.NUMERIC,
                    "phq9_item9", ValueType.ORDINAL, "notes", ValueType.TEXT, "smoking_status", ValueType.CATEGORICAL);

            @Override
            public Optional<ValueType> metricType(String key) {
                return Optional.ofNullable(metrics.get(key));
            }

            @Override
            public boolean templateExists(String key) {
                return Set.of("phq9", "gad7").contains(key);
            }

            @Override
            public boolean templateHasItem(String template, String item) {
                return template.equals("phq9") && item.equals("phq9_item9");
            }
        };
        // the predecessor's seeded rules named metrics that did not exist, so they never fired
        assertThat(errors("""
                {"any": [
                  {"type": "threshold", "metric": "systolic_blood_pressure", "op": "gte", "value": 180},
                  {"type": "threshold", "metric": "bp_diastolic", "op": "gte", "value": 120},
                  {"type": "threshold", "metric": "notes", "op": "gte", "value": 1},
                  {"type": "threshold", "metric": "smoking_status", "op": "eq", "value": 1},
                  {"type": "assessment_score", "template": "kccq12", "op": "lt", "value": 50},
                  {"type": "assessment_item", "template": "gad7", "item": "phq9_item9", "op": "gt", "value": 0}
                ]}""", vocabulary)).containsExactly(
                "$.any[0].metric: unknown metric \"systolic_blood_pressure\": no metric with this key exists for the organization",
                "$.any[2].metric: metric \"notes\" holds TEXT values; conditions compare numbers (numeric, integer, boolean as 0/1, ordinal scores)",
                "$.any[3].metric: metric \"smoking_status\" holds CATEGORICAL values; conditions compare numbers (numeric, integer, boolean as 0/1, ordinal scores)",
                "$.any[4].template: unknown assessment template \"kccq12\"",
                "$.any[5].item: template \"gad7\" has no item \"phq9_item9\"");
        assertThat(ConditionParser.parse("""
                {"type": "assessment_item", "template": "phq9", "item": "phq9_item9", "op": "gt", "value": 0}""", vocabulary))
                .isInstanceOf(Condition.AssessmentItem.class);
    }

    @Test
    void flagRuleErrors() {
        assertThatThrownBy(() -> ConditionParser.parseFlagRule("""
                {"op": "gt", "value": {"override": "x", "default": 0}, "severity": "URGENT", "metric": "phq9_item9"}"""))
                .isInstanceOfSatisfying(InvalidConditionException.class, e -> assertThat(e.errors())
                        .extracting(ConditionError::toString).containsExactly(
                                "$.value: must be a number",
                                "$.severity: must be one of LOW, MEDIUM, HIGH, CRITICAL, got \"URGENT\"",
                                "$.metric: unknown field (allowed here: op, value, severity, label)"));
        assertThat(ConditionParser.parseFlagRule("{\"op\": \"gt\", \"value\": 0, \"severity\": \"CRITICAL\"}").value())
                .isEqualByComparingTo(BigDecimal.ZERO);
    }
}
