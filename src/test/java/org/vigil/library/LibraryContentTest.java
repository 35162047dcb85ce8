package org.vigil.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vigil.library.internal.LibraryContent;
import org.vigil.library.internal.LibraryContent.AlternativeUnit;
import org.vigil.library.internal.LibraryContent.Metric;
import org.vigil.library.internal.LibraryContent.Preset;
import org.vigil.library.internal.LibraryContent.Rule;
import org.vigil.library.internal.LibraryContent.Template;
import org.vigil.library.scoring.ScoringSpec;

/** The shipped standardized library, checked without a database. */
class LibraryContentTest {

    static final LibraryContent SHIPPED = LibraryContent.shipped();

    static Metric metric(String key) {
        return SHIPPED.metrics().stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void meetsTheMinimums() {
        assertThat(SHIPPED.metrics()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(SHIPPED.templates()).extracting(Template::code)
                .contains("phq9", "phq2", "gad7", "gad2", "peg", "pain_nrs");
        assertThat(SHIPPED.presets()).hasSizeGreaterThanOrEqualTo(8);
        Set<String> icd10 = SHIPPED.presets().stream().flatMap(p -> p.diagnoses().stream())
                .map(LibraryContent.Diagnosis::icd10).collect(Collectors.toSet());
        assertThat(icd10).contains("I10", "E11.9", "I50.9", "J44.9", "M54.50", "M17.9", "F32.9", "F33.9", "F41.1");
        assertThat(SHIPPED.presets()).allSatisfy(p -> {
            assertThat(p.templates()).isNotEmpty();
            assertThat(p.rules()).isNotEmpty();
        });
    }

    @Test
    void theVitalSignsCarryTheirLoincCodesAndUcumUnits() {
        Map<String, String> expected = new LinkedHashMap<>();
        // domain doc §3.2
        expected.put("bp_systolic", "8480-6 mm[Hg]");
        expected.put("bp_diastolic", "8462-4 mm[Hg]");
        expected.put("heart_rate", "8867-4 /min");
        expected.put("spo2", "59408-5 %");
        expected.put("respiratory_rate", "9279-1 /min");
        expected.put("body_temperature", "8310-5 Cel");
        expected.put("weight", "29463-7 kg");
        expected.put("body_height", "8302-2 cm");
        expected.put("bmi", "39156-5 kg/m2");
        expected.put("blood_glucose", "41653-7 mg/dL");
        expected.put("pain_nrs", "72514-3 {score}");
        expected.put("phq9_total", "44261-6 {score}");
        expected.put("gad7_total", "70274-6 {score}");
        expected.forEach((key, codeAndUnit) ->
                assertThat(metric(key).loinc() + " " + metric(key).unit()).as(key).isEqualTo(codeAndUnit));
    }

    @Test
    void everyLoincCodeHasAValidCheckDigit() {
        List<String> codes = new java.util.ArrayList<>();
        SHIPPED.metrics().stream().map(Metric::loinc).filter(java.util.Objects::nonNull).forEach(codes::add);
        SHIPPED.templates().stream().map(Template::loinc).filter(java.util.Objects::nonNull).forEach(codes::add);
        assertThat(codes).hasSizeGreaterThan(30).allSatisfy(code -> {
            assertThat(code).matches("^\\d{1,5}-\\d$");
            assertThat(LoincCheckDigit.isValid(code)).as(code).isTrue();
        });
    }

    @Test
    void everyMetricKeyReferencedAnywhereIsAShippedMetric() {
        Set<String> keys = SHIPPED.metrics().stream().map(Metric::key).collect(Collectors.toSet());
        Set<String> referenced = new HashSet<>();
        for (Template template : SHIPPED.templates()) {
            template.items().forEach(item -> referenced.add(item.metric()));
            if (template.scoringJson() != null) {
                ScoringSpec spec = ScoringSpec.parse(template.scoringJson());
                referenced.addAll(spec.items());
                if (spec.totalMetric() != null) {
                    referenced.add(spec.totalMetric());
                }
            }
        }
        for (Rule rule : SHIPPED.rules()) {
            assertThat(rule.metricKeys().size() + rule.assessmentCodes().size()).as(rule.code()).isPositive();
            referenced.addAll(rule.metricKeys());
        }
        assertThat(keys).containsAll(referenced);
        Set<String> templateCodes = SHIPPED.templates().stream().map(Template::code).collect(Collectors.toSet());
        assertThat(templateCodes).containsAll(SHIPPED.rules().stream().flatMap(r -> r.assessmentCodes().stream()).toList());
        // the keys the predecessor's rules used and that never matched a metric do not reappear
        assertThat(referenced).doesNotContain("systolic_blood_pressure", "diastolic_blood_pressure", "pain_scale_0_10",
                "glucose_level", "oxygen_saturation");
    }

    @Test
    void aRuleNamingAMetricThatDoesNotExistIsRefused() {
        Map<String, String> files = new LinkedHashMap<>(LibraryContent.shippedFiles());
        files.put("alert-rules.json", files.get("alert-rules.json")
                .replace("\"metric\": \"bp_systolic\"", "\"metric\": \"systolic_blood_pressure\""));
        assertThat(files.get("alert-rules.json")).contains("systolic_blood_pressure");
        assertThatThrownBy(() -> LibraryContent.parse(files))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conditions.any[0].metric: unknown metric \"systolic_blood_pressure\"");
    }

    @Test
    void everyRuleCitesItsEvidenceAndHasAValidPriority() {
        assertThat(SHIPPED.rules()).hasSizeGreaterThanOrEqualTo(8).allSatisfy(rule -> {
            assertThat(rule.clinicalEvidence()).isNotBlank();
            assertThat(rule.priority()).isBetween(0, 10);
            assertThat(rule.cooldownMinutes()).isNotNegative();
        });
        Rule crisis = SHIPPED.rules().stream().filter(r -> r.code().equals("bp_hypertensive_crisis")).findFirst().orElseThrow();
        assertThat(crisis.clinicalEvidence()).contains("ACC/AHA 2017");
        assertThat(crisis.conditionsJson()).contains("\"value\":180").contains("\"value\":120");
    }

    @Test
    void presetsFollowTheSeedRules() {
        for (Preset preset : SHIPPED.presets()) {
            assertThat(preset.diagnoses()).filteredOn(LibraryContent.Diagnosis::primary).hasSize(1);
            assertThat(preset.diagnoses()).allSatisfy(d -> assertThat(d.label()).isNotBlank());
            assertThat(preset.templates()).allSatisfy(t -> assertThat(t.frequency()).matches("\\d+"));
        }
    }

    @Test
    void noLicensedInstrumentShips() {
        // domain doc §5: PROMIS and BPI need permission or fees; KCCQ and MMAS-8 are licensed too
        assertThat(SHIPPED.templates()).extracting(Template::name).noneMatch(name ->
                name.matches("(?i).*(PROMIS|BPI|Brief Pain Inventory|KCCQ|Kansas City|MMAS|Morisky).*"));
    }

    @Test
    void alternativeUnitsConvertExactly() {
        AlternativeUnit fahrenheit = alternative("body_temperature", "[degF]");
        assertThat(fahrenheit.toCanonical(new BigDecimal("98.6"), 1)).isEqualByComparingTo("37.0");
        assertThat(fahrenheit.toCanonical(new BigDecimal("212"), 1)).isEqualByComparingTo("100.0");
        assertThat(fahrenheit.toCanonical(new BigDecimal("32"), 1)).isEqualByComparingTo("0.0");
        assertThat(fahrenheit.toCanonical(new BigDecimal("-40"), 1)).isEqualByComparingTo("-40.0");
        assertThat(alternative("weight", "[lb_av]").toCanonical(new BigDecimal("154.3236"), 1)).isEqualByComparingTo("70.0");
        assertThat(alternative("weight", "[lb_av]").toCanonical(new BigDecimal("1"), 8)).isEqualByComparingTo("0.45359237");
        assertThat(alternative("weight", "g").toCanonical(new BigDecimal("72500"), 1)).isEqualByComparingTo("72.5");
        assertThat(alternative("blood_glucose", "mmol/L").toCanonical(new BigDecimal("5.5"), 0)).isEqualByComparingTo("99");
        assertThat(alternative("blood_glucose", "mmol/L").toCanonical(new BigDecimal("3.0"), 0)).isEqualByComparingTo("54");
        assertThat(alternative("body_height", "[in_i]").toCanonical(new BigDecimal("70"), 1)).isEqualByComparingTo("177.8");
        assertThat(alternative("sleep_duration", "min").toCanonical(new BigDecimal("450"), 1)).isEqualByComparingTo("7.5");
    }

    static AlternativeUnit alternative(String metric, String unit) {
        return metric(metric).alternativeUnits().stream().filter(a -> a.unit().equals(unit)).findFirst().orElseThrow();
    }

    @Test
    void theHashChangesWithTheContentAndOnlyThen() {
        assertThat(LibraryContent.shipped().hash()).isEqualTo(SHIPPED.hash());
        Map<String, String> files = new LinkedHashMap<>(LibraryContent.shippedFiles());
        files.put("metrics.json", files.get("metrics.json").replace("\"Heart rate\"", "\"Pulse rate\""));
        LibraryContent changed = LibraryContent.parse(files);
        assertThat(changed.hash()).isNotEqualTo(SHIPPED.hash());
        for (int i = 0; i < SHIPPED.metrics().size(); i++) {
            Metric before = SHIPPED.metrics().get(i);
            Metric after = changed.metrics().get(i);
            assertThat(after.hash().equals(before.hash())).as(before.key()).isEqualTo(!before.key().equals("heart_rate"));
        }
    }
}
