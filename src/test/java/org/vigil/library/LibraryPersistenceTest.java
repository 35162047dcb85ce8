package org.vigil.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.vigil.library.internal.AlertRule;
import org.vigil.library.internal.AlertRuleRepository;
import org.vigil.library.internal.AssessmentTemplate;
import org.vigil.library.internal.AssessmentTemplateItem;
import org.vigil.library.internal.AssessmentTemplateItemRepository;
import org.vigil.library.internal.AssessmentTemplateRepository;
import org.vigil.library.internal.ConditionPreset;
import org.vigil.library.internal.ConditionPresetAlertRule;
import org.vigil.library.internal.ConditionPresetAlertRuleRepository;
import org.vigil.library.internal.ConditionPresetDiagnosis;
import org.vigil.library.internal.ConditionPresetDiagnosisRepository;
import org.vigil.library.internal.ConditionPresetRepository;
import org.vigil.library.internal.ConditionPresetTemplate;
import org.vigil.library.internal.ConditionPresetTemplateRepository;
import org.vigil.library.internal.Drug;
import org.vigil.library.internal.DrugRepository;
import org.vigil.library.internal.MetricDefinition;
import org.vigil.library.internal.MetricDefinitionRepository;
import org.vigil.shared.Ids;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.PlatformScope;
import org.vigil.tenancy.TenantScope;

/** The clinical library round-trips through JPA: standardized rows for everyone, copies per organization. */
@VigilIntegrationTest
class LibraryPersistenceTest {

    static final String OPTIONS = "[{\"value\": 0, \"label\": \"Not at all\", \"score\": 0}, "
            + "{\"value\": 3, \"label\": \"Nearly every day\", \"score\": 3}]";
    static final String CONDITIONS = "{\"all\": [{\"metric\": \"systolic_bp\", \"operator\": \">=\", \"value\": 180}]}";

    @Autowired TenantScope tenant;
    @Autowired PlatformScope platform;
    @Autowired TestData data;
    @Autowired MetricDefinitionRepository metrics;
    @Autowired AssessmentTemplateRepository templates;
    @Autowired AssessmentTemplateItemRepository items;
    @Autowired AlertRuleRepository rules;
    @Autowired ConditionPresetRepository presets;
    @Autowired ConditionPresetDiagnosisRepository diagnoses;
    @Autowired ConditionPresetTemplateRepository presetTemplates;
    @Autowired ConditionPresetAlertRuleRepository presetRules;
    @Autowired DrugRepository drugs;

    record Saved(String metric, String template, String item, String rule, String preset, String diagnosis,
            String presetTemplate, String presetRule, String drug) {
    }

    @Test
    void theStandardizedLibraryIsWrittenByThePlatformAndReadByEveryTenant() throws Exception {
        String unique = Ids.newId();
        Saved saved = platform.call(null, "maintain standard library", () -> {
            MetricDefinition metric = new MetricDefinition(null, "phq_item1_" + unique, "Little interest or pleasure", ValueType.ORDINAL);
            metric.setStandardized(true);
            metric.setLoincCode("44250-9");
            metric.setOptions(OPTIONS);
            metric.setNormalMin(new BigDecimal("0"));
            metric.setNormalMax(new BigDecimal("1.5"));
            metric.setPlausibleMin(new BigDecimal("0"));
            metric.setPlausibleMax(new BigDecimal("3"));
            metrics.save(metric);
            AssessmentTemplate template = new AssessmentTemplate(null, "PHQ-2 " + unique);
            template.setStandardized(true);
            template.setLoincCode("55757-9");
            template.setScoring("{\"method\": \"SUM\"}");
            templates.save(template);
            AssessmentTemplateItem item = new AssessmentTemplateItem(null, template.getId(), metric.getId());
            item.setDisplayOrder(1);
            item.setRequired(true);
            items.save(item);
            AlertRule rule = new AlertRule(null, "Hypertensive crisis " + unique, AlertSeverity.CRITICAL, CONDITIONS);
            rule.setStandardized(true);
            rule.setPriority(9);
            rules.save(rule);
            ConditionPreset preset = new ConditionPreset(null, "Hypertension " + unique);
            preset.setStandardized(true);
            preset.setCategory("Cardiovascular");
            presets.save(preset);
            ConditionPresetDiagnosis diagnosis = new ConditionPresetDiagnosis(null, preset.getId(), "I10", "Essential hypertension");
            diagnosis.setPrimary(true);
            diagnosis.setSnomed("38341003");
            diagnoses.save(diagnosis);
            ConditionPresetTemplate presetTemplate = new ConditionPresetTemplate(null, preset.getId(), template.getId());
            presetTemplate.setFrequency("7");
            presetTemplate.setRequired(true);
            presetTemplates.save(presetTemplate);
            ConditionPresetAlertRule presetRule = new ConditionPresetAlertRule(null, preset.getId(), rule.getId());
            presetRule.setPriority(8);
            presetRules.save(presetRule);
            Drug drug = new Drug(null, "Lisinopril " + unique);
            drug.setStandardized(true);
            drug.setStrength("10 mg");
            drug.setRxnormCode("314076");
            drugs.save(drug);
            return new Saved(metric.getId(), template.getId(), item.getId(), rule.getId(), preset.getId(),
                    diagnosis.getId(), presetTemplate.getId(), presetRule.getId(), drug.getId());
        });

        String clinic = data.organization();
        MetricDefinition metric = tenant.call(clinic, () -> metrics.findById(saved.metric()).orElseThrow());
        assertThat(metric.getOrganizationId()).isNull();
        assertThat(metric.isStandardized()).isTrue();
        assertThat(metric.getValueType()).isEqualTo(ValueType.ORDINAL);
        assertThat(metric.getLoincCode()).isEqualTo("44250-9");
        assertThat(metric.getNormalMax()).isEqualByComparingTo("1.5");
        assertThat(metric.getPlausibleMax()).isEqualByComparingTo("3");
        JSONAssert.assertEquals(OPTIONS, metric.getOptions(), true);
        JSONAssert.assertEquals("[]", metric.getAlternativeUnits(), true);

        AssessmentTemplateItem item = tenant.call(clinic, () -> items.findById(saved.item()).orElseThrow());
        assertThat(item.getTemplateId()).isEqualTo(saved.template());
        assertThat(item.getMetricDefinitionId()).isEqualTo(saved.metric());
        assertThat(item.isRequired()).isTrue();
        assertThat(tenant.call(clinic, () -> templates.findById(saved.template()).orElseThrow().getLoincCode()))
                .isEqualTo("55757-9");

        AlertRule rule = tenant.call(clinic, () -> rules.findById(saved.rule()).orElseThrow());
        assertThat(rule.getSeverity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(rule.getPriority()).isEqualTo(9);
        assertThat(rule.getCooldownMinutes()).isEqualTo(60);
        JSONAssert.assertEquals(CONDITIONS, rule.getConditions(), true);

        ConditionPresetDiagnosis diagnosis = tenant.call(clinic, () -> diagnoses.findById(saved.diagnosis()).orElseThrow());
        assertThat(diagnosis.getConditionPresetId()).isEqualTo(saved.preset());
        assertThat(diagnosis.getIcd10()).isEqualTo("I10");
        assertThat(diagnosis.isPrimary()).isTrue();
        ConditionPresetTemplate presetTemplate = tenant.call(clinic, () -> presetTemplates.findById(saved.presetTemplate()).orElseThrow());
        assertThat(presetTemplate.getFrequency()).isEqualTo("7");
        assertThat(presetTemplate.getTemplateId()).isEqualTo(saved.template());
        ConditionPresetAlertRule presetRule = tenant.call(clinic, () -> presetRules.findById(saved.presetRule()).orElseThrow());
        assertThat(presetRule.getAlertRuleId()).isEqualTo(saved.rule());
        assertThat(presetRule.getPriority()).isEqualTo(8);
        assertThat(presetRule.isEnabled()).isTrue();
        Drug drug = tenant.call(clinic, () -> drugs.findById(saved.drug()).orElseThrow());
        assertThat(drug.getStrength()).isEqualTo("10 mg");
        assertThat(drug.getRxnormCode()).isEqualTo("314076");
        assertThat(tenant.call(data.organization(), () -> presets.findById(saved.preset()))).isPresent();
    }

    @Test
    void anOrganizationsCopyOfAPresetIsPrivateToIt() {
        String standard = data.conditionPreset(null);
        String clinic = data.organization();
        String[] ids = tenant.call(clinic, () -> {
            ConditionPreset copy = new ConditionPreset(clinic, "Hypertension (our protocol)");
            copy.setSourcePresetId(standard);
            presets.save(copy);
            ConditionPresetDiagnosis diagnosis = new ConditionPresetDiagnosis(clinic, copy.getId(), "I11.9", "Hypertensive heart disease");
            diagnoses.save(diagnosis);
            return new String[] {copy.getId(), diagnosis.getId()};
        });

        ConditionPreset copy = tenant.call(clinic, () -> presets.findById(ids[0]).orElseThrow());
        assertThat(copy.getOrganizationId()).isEqualTo(clinic);
        assertThat(copy.getSourcePresetId()).isEqualTo(standard);
        assertThat(copy.isStandardized()).isFalse();
        ConditionPresetDiagnosis diagnosis = tenant.call(clinic, () -> diagnoses.findById(ids[1]).orElseThrow());
        assertThat(diagnosis.getOrganizationId()).isEqualTo(clinic);
        assertThat(diagnosis.getIcd10()).isEqualTo("I11.9");

        String otherClinic = data.organization();
        assertThat(tenant.call(otherClinic, () -> presets.findById(ids[0]))).isEmpty();
        assertThat(tenant.call(otherClinic, () -> diagnoses.findById(ids[1]))).isEmpty();
        assertThat(tenant.call(otherClinic, () -> presets.findById(standard))).isPresent();
    }

    @Test
    void aTenantCannotWriteAStandardizedRow() {
        String clinic = data.organization();
        assertThatThrownBy(() -> tenant.run(clinic, () -> presets.saveAndFlush(new ConditionPreset(null, "Fake standard " + Ids.newId()))))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("row-level security");
    }
}
