package org.vigil.library.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.library.AlertSeverity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores the shipped instruments (the specs are read from the shipped library/standard/templates.json,
 * so the content itself is under test) at their published boundaries. Facts, from the domain doc
 * (shared/domain/billing-and-clinical-codes.md §5): PHQ-9 sum 0–27, 0–4 minimal, 5–9 mild, 10–14
 * moderate, 15–19 moderately severe, 20–27 severe, item 9 &gt; 0 → immediate safety follow-up; PHQ-2
 * 0–6, ≥ 3 positive; GAD-7 0–21, 5/10/15 mild/moderate/severe; NRS 1–3 mild, 4–6 moderate, 7–10
 * severe; PEG = mean of three 0–10 items. GAD-2 (≥ 3 positive) is not in the domain doc (Kroenke 2007).
 */
class ScorerTest {

    static final Map<String, ScoringSpec> SHIPPED = shippedSpecs();

    static Map<String, ScoringSpec> shippedSpecs() {
        try (InputStream in = ScorerTest.class.getClassLoader().getResourceAsStream("library/standard/templates.json")) {
            JsonNode root = JsonMapper.builder().build().readTree(in.readAllBytes());
            Map<String, ScoringSpec> specs = new HashMap<>();
            for (JsonNode template : root.get("templates")) {
                if (template.get("scoring").isNull()) {
                    continue;
                }
                Map<String, String> flags = new LinkedHashMap<>();
                for (JsonNode item : template.get("items")) {
                    if (!item.get("flagRule").isNull()) {
                        flags.put(item.get("metric").stringValue(), item.get("flagRule").toString());
                    }
                }
                specs.put(template.get("code").stringValue(), ScoringSpec.parse(template.get("scoring").toString(), flags));
            }
            return specs;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers for {@code prefix}1..n adding up to {@code total}: 3s first (0–3 items), the remainder, then 0s. */
    static Map<String, BigDecimal> answersSumming(String prefix, int items, int total) {
        Map<String, BigDecimal> answers = new HashMap<>();
        int left = total;
        for (int i = 1; i <= items; i++) {
            int value = Math.min(3, left);
            answers.put(prefix + i, BigDecimal.valueOf(value));
            left -= value;
        }
        assertThat(left).as("total reachable").isZero();
        return answers;
    }

    static Map<String, BigDecimal> answers(Object... keyValues) {
        Map<String, BigDecimal> answers = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            answers.put((String) keyValues[i], new BigDecimal(keyValues[i + 1].toString()));
        }
        return answers;
    }

    @Test
    void theSixFreeInstrumentsShipWithScoring() {
        assertThat(SHIPPED).containsOnlyKeys("phq9", "phq2", "gad7", "gad2", "peg", "pain_nrs");
    }

    @Nested
    class Phq9 {

        ScoringSpec spec = SHIPPED.get("phq9");

        @ParameterizedTest(name = "PHQ-9 total {0} → {1}")
        @CsvSource({"0, Minimal, ", "4, Minimal, ", "5, Mild, LOW", "9, Mild, LOW", "10, Moderate, MEDIUM",
            "14, Moderate, MEDIUM", "15, Moderately severe, HIGH", "19, Moderately severe, HIGH", "20, Severe, HIGH",
            "27, Severe, HIGH"})
        void bandsAtThePublishedBoundaries(int total, String band, AlertSeverity severity) {
            // answersSumming fills items 1..9 with 3s first, so item 9 stays 0 below 27 (no flag noise)
            Score score = Scorer.score(spec, answersSumming("phq9_item", 9, total));
            assertThat(score.total()).isEqualByComparingTo(BigDecimal.valueOf(total));
            assertThat(score.band().label()).isEqualTo(band);
            assertThat(score.band().severity()).isEqualTo(severity);
            assertThat(score.answered()).isEqualTo(9);
        }

        @Test
        void item9AboveZeroIsACriticalFlagWhateverTheTotal() {
            Map<String, BigDecimal> answers = answersSumming("phq9_item", 9, 0);
            answers.put("phq9_item9", BigDecimal.ONE);
            Score score = Scorer.score(spec, answers);
            assertThat(score.total()).isEqualByComparingTo("1");
            assertThat(score.band().label()).isEqualTo("Minimal");
            assertThat(score.flags()).singleElement().satisfies(flag -> {
                assertThat(flag.item()).isEqualTo("phq9_item9");
                assertThat(flag.severity()).isEqualTo(AlertSeverity.CRITICAL);
                assertThat(flag.label()).isEqualTo("Suicidal ideation - needs same-day clinician review");
                assertThat(flag.answer()).isEqualByComparingTo("1");
            });
        }

        @Test
        void item9AtZeroRaisesNoFlag() {
            Map<String, BigDecimal> answers = answersSumming("phq9_item", 9, 24);
            assertThat(answers.get("phq9_item9")).isEqualByComparingTo("0");
            assertThat(Scorer.score(spec, answers).flags()).isEmpty();
        }

        @Test
        void theDifficultyQuestionIsNotScored() {
            Map<String, BigDecimal> answers = answersSumming("phq9_item", 9, 12);
            answers.put("phq9_difficulty", new BigDecimal("3"));
            assertThat(Scorer.score(spec, answers).total()).isEqualByComparingTo("12");
        }

        @Test
        void aMissingItemIsRefusedByName() {
            Map<String, BigDecimal> answers = answersSumming("phq9_item", 9, 12);
            answers.remove("phq9_item4");
            answers.put("phq9_item7", null);
            assertThatThrownBy(() -> Scorer.score(spec, answers))
                    .isInstanceOfSatisfying(InvalidAnswersException.class,
                            e -> assertThat(e.items()).containsExactly("phq9_item4", "phq9_item7"));
        }

        @Test
        void anAnswerOutsideZeroToThreeIsRefusedByName() {
            Map<String, BigDecimal> answers = answersSumming("phq9_item", 9, 12);
            answers.put("phq9_item2", new BigDecimal("4"));
            answers.put("phq9_item5", new BigDecimal("-1"));
            assertThatThrownBy(() -> Scorer.score(spec, answers))
                    .isInstanceOfSatisfying(InvalidAnswersException.class,
                            e -> assertThat(e.items()).containsExactly("phq9_item2", "phq9_item5"));
        }
    }

    @ParameterizedTest(name = "GAD-7 total {0} → {1}")
    @CsvSource({"0, Minimal", "4, Minimal", "5, Mild", "9, Mild", "10, Moderate", "14, Moderate", "15, Severe", "21, Severe"})
    void gad7BandsAtThePublishedBoundaries(int total, String band) {
        Score score = Scorer.score(SHIPPED.get("gad7"), answersSumming("gad7_item", 7, total));
        assertThat(score.total()).isEqualByComparingTo(BigDecimal.valueOf(total));
        assertThat(score.band().label()).isEqualTo(band);
    }

    @ParameterizedTest(name = "PHQ-2 {0} + {1} → {2}")
    @CsvSource({"0, 0, Negative screen", "1, 1, Negative screen", "2, 0, Negative screen", "2, 1, Positive screen",
        "3, 0, Positive screen", "3, 3, Positive screen"})
    void phq2PositiveFromThree(int item1, int item2, String band) {
        Score score = Scorer.score(SHIPPED.get("phq2"), answers("phq9_item1", item1, "phq9_item2", item2));
        assertThat(score.total()).isEqualByComparingTo(BigDecimal.valueOf(item1 + item2));
        assertThat(score.band().label()).isEqualTo(band);
    }

    @ParameterizedTest(name = "GAD-2 {0} + {1} → {2}")
    @CsvSource({"1, 1, Negative screen", "0, 2, Negative screen", "1, 2, Positive screen", "3, 3, Positive screen"})
    void gad2PositiveFromThree(int item1, int item2, String band) {
        Score score = Scorer.score(SHIPPED.get("gad2"), answers("gad7_item1", item1, "gad7_item2", item2));
        assertThat(score.band().label()).isEqualTo(band);
    }

    @ParameterizedTest(name = "PEG {0}, {1}, {2} → {3}")
    @CsvSource({"3, 4, 5, 4.0", "3, 4, 4, 3.7", "0, 0, 1, 0.3", "0, 1, 1, 0.7", "0, 0, 0, 0.0", "10, 10, 10, 10.0",
        "7, 8, 8, 7.7"})
    void pegIsTheMeanRoundedHalfUpToOneDecimal(int pain, int enjoyment, int activity, String expected) {
        Score score = Scorer.score(SHIPPED.get("peg"),
                answers("peg_pain_average", pain, "peg_enjoyment", enjoyment, "peg_general_activity", activity));
        assertThat(score.total()).isEqualTo(new BigDecimal(expected));
        assertThat(score.band()).isNull();
    }

    @Test
    void pegNeedsAllThreeItems() {
        assertThatThrownBy(() -> Scorer.score(SHIPPED.get("peg"), answers("peg_pain_average", 3, "peg_enjoyment", 4)))
                .isInstanceOfSatisfying(InvalidAnswersException.class,
                        e -> assertThat(e.items()).containsExactly("peg_general_activity"));
    }

    @ParameterizedTest(name = "NRS {0} → {1}")
    @CsvSource({"0, No pain", "1, Mild", "3, Mild", "4, Moderate", "6, Moderate", "7, Severe", "10, Severe"})
    void numericPainRatingBands(int rating, String band) {
        Score score = Scorer.score(SHIPPED.get("pain_nrs"), answers("pain_nrs", rating));
        assertThat(score.total()).isEqualByComparingTo(BigDecimal.valueOf(rating));
        assertThat(score.band().label()).isEqualTo(band);
    }

    @Test
    void numericPainRatingAboveTenIsRefused() {
        assertThatThrownBy(() -> Scorer.score(SHIPPED.get("pain_nrs"), answers("pain_nrs", 11)))
                .isInstanceOfSatisfying(InvalidAnswersException.class, e -> assertThat(e.items()).containsExactly("pain_nrs"));
    }

    @Test
    void averageWithFewerAnswersAllowedDividesByTheAnswered() {
        ScoringSpec spec = ScoringSpec.parse("""
                {"method": "AVERAGE", "items": ["a", "b", "c"], "minAnswered": 2, "range": {"min": 0, "max": 10}, "decimals": 2}
                """);
        Score score = Scorer.score(spec, answers("a", 1, "c", 2));
        assertThat(score.total()).isEqualTo(new BigDecimal("1.50"));
        assertThat(score.answered()).isEqualTo(2);
    }

    @Test
    void aTotalOutsideTheRangeIsRefused() {
        ScoringSpec spec = ScoringSpec.parse("""
                {"method": "SUM", "items": ["a", "b"], "range": {"min": 0, "max": 6}}
                """);
        assertThatThrownBy(() -> Scorer.score(spec, answers("a", 5, "b", 5)))
                .isInstanceOf(InvalidAnswersException.class).hasMessageContaining("10");
    }

    @Nested
    class InvalidSpecs {

        void refused(String json, String path) {
            assertThatThrownBy(() -> ScoringSpec.parse(json))
                    .isInstanceOfSatisfying(InvalidScoringSpecException.class, e -> assertThat(e.path()).isEqualTo(path));
        }

        @Test
        void pointsAtTheFaultyValue() {
            refused("not json", "$");
            refused("[]", "$");
            refused("{\"method\": \"MEDIAN\", \"items\": [\"a\"], \"range\": {\"min\": 0, \"max\": 3}}", "$.method");
            refused("{\"method\": \"SUM\", \"items\": [], \"range\": {\"min\": 0, \"max\": 3}}", "$.items");
            refused("{\"method\": \"SUM\", \"items\": [\"a\", \"Bad-Key\"], \"range\": {\"min\": 0, \"max\": 3}}", "$.items[1]");
            refused("{\"method\": \"SUM\", \"items\": [\"a\", \"a\"], \"range\": {\"min\": 0, \"max\": 3}}", "$.items[1]");
            refused("{\"method\": \"SUM\", \"items\": [\"a\"]}", "$.range");
            refused("{\"method\": \"SUM\", \"items\": [\"a\"], \"range\": {\"min\": 5, \"max\": 3}}", "$.range.max");
            refused("{\"method\": \"SUM\", \"items\": [\"a\"], \"range\": {\"min\": 0, \"max\": 3}, \"bogus\": 1}", "$.bogus");
            refused("{\"method\": \"SUM\", \"items\": [\"a\"], \"range\": {\"min\": 0, \"max\": 3}, \"decimals\": 9}", "$.decimals");
        }

        @Test
        void aSumCannotSkipItems() {
            refused("{\"method\": \"SUM\", \"items\": [\"a\", \"b\"], \"minAnswered\": 1, \"range\": {\"min\": 0, \"max\": 6}}",
                    "$.minAnswered");
        }

        @Test
        void bandsMustBeContiguousAndCoverTheRange() {
            String head = "{\"method\": \"SUM\", \"items\": [\"a\"], \"range\": {\"min\": 0, \"max\": 27}, \"bands\": ";
            // a gap between 4 and 6
            refused(head + "[{\"min\": 0, \"max\": 4, \"label\": \"x\"}, {\"min\": 6, \"max\": 27, \"label\": \"y\"}]}", "$.bands[1].min");
            // an overlap at 4
            refused(head + "[{\"min\": 0, \"max\": 4, \"label\": \"x\"}, {\"min\": 4, \"max\": 27, \"label\": \"y\"}]}", "$.bands[1].min");
            // stops short of the maximum
            refused(head + "[{\"min\": 0, \"max\": 4, \"label\": \"x\"}, {\"min\": 5, \"max\": 26, \"label\": \"y\"}]}", "$.bands[1].max");
            // does not start at the minimum
            refused(head + "[{\"min\": 1, \"max\": 27, \"label\": \"x\"}]}", "$.bands[0].min");
            refused(head + "[{\"min\": 0, \"max\": 27}]}", "$.bands[0].label");
            refused(head + "[{\"min\": 0, \"max\": 27, \"label\": \"x\", \"severity\": \"URGENT\"}]}", "$.bands[0].severity");
        }

        @Test
        void decimalBandsFollowTheTotalsResolution() {
            String ok = "{\"method\": \"AVERAGE\", \"items\": [\"a\"], \"range\": {\"min\": 0, \"max\": 10}, \"decimals\": 1, "
                    + "\"bands\": [{\"min\": 0, \"max\": 3.9, \"label\": \"low\"}, {\"min\": 4.0, \"max\": 10, \"label\": \"high\"}]}";
            assertThat(Scorer.score(ScoringSpec.parse(ok), answers("a", "3.9")).band().label()).isEqualTo("low");
            assertThat(Scorer.score(ScoringSpec.parse(ok), answers("a", "4")).band().label()).isEqualTo("high");
            refused(ok.replace("3.9", "3.95"), "$.bands[0].max");
        }

        @Test
        void flagRulesArePathedByItem() {
            String spec = "{\"method\": \"SUM\", \"items\": [\"q9\"], \"range\": {\"min\": 0, \"max\": 3}}";
            assertThatThrownBy(() -> ScoringSpec.parse(spec, Map.of("q9", "{\"op\": \"above\", \"value\": 0, \"severity\": \"CRITICAL\", \"label\": \"x\"}")))
                    .isInstanceOfSatisfying(InvalidScoringSpecException.class, e -> assertThat(e.path()).isEqualTo("q9.flag_rule$.op"));
            assertThatThrownBy(() -> ScoringSpec.parse(spec, Map.of("q9", "{\"op\": \"gt\", \"value\": 0, \"label\": \"x\"}")))
                    .isInstanceOfSatisfying(InvalidScoringSpecException.class, e -> assertThat(e.path()).isEqualTo("q9.flag_rule$.severity"));
            assertThatThrownBy(() -> ScoringSpec.parse(spec, Map.of("q9", "{\"op\": \"gt\", \"value\": \"zero\", \"severity\": \"LOW\", \"label\": \"x\"}")))
                    .isInstanceOfSatisfying(InvalidScoringSpecException.class, e -> assertThat(e.path()).isEqualTo("q9.flag_rule$.value"));
        }
    }
}
