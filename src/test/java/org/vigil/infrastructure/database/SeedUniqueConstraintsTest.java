package org.vigil.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.shared.Ids;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.PlatformScope;

/** One test per unique constraint of the seed: a duplicate is refused by the database itself. */
@VigilIntegrationTest
class SeedUniqueConstraintsTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformScope platform;

    private void platformUpdate(String sql, Object... arguments) {
        platform.run(null, "unique constraint test", () -> jdbc.update(sql, arguments));
    }

    @Test
    void userEmailIsUniqueCaseInsensitively() {
        String email = Ids.newId() + "@example.test";
        platformUpdate("INSERT INTO users (id, email) VALUES (?, ?)", Ids.newId(), email);
        assertThatThrownBy(() -> platformUpdate("INSERT INTO users (id, email) VALUES (?, ?)", Ids.newId(), email))
                .isInstanceOf(DuplicateKeyException.class);
        // Stored lower-cased, so "Ann@X" and "ann@x" cannot both exist.
        assertThatThrownBy(() -> platformUpdate("INSERT INTO users (id, email) VALUES (?, ?)", Ids.newId(), email.toUpperCase()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void organizationDomainIsUnique() {
        String domain = Ids.newId() + ".clinic.test";
        platformUpdate("INSERT INTO organizations (id, name, type, domain) VALUES (?, 'A', 'CLINIC', ?)", Ids.newId(), domain);
        assertThatThrownBy(() -> platformUpdate(
                "INSERT INTO organizations (id, name, type, domain) VALUES (?, 'B', 'CLINIC', ?)", Ids.newId(), domain))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void medicalRecordNumberIsUniquePerOrganizationNotGlobally() {
        String clinicA = data.organization();
        String clinicB = data.organization();
        data.patient(clinicA, "MRN-1001");
        assertThatThrownBy(() -> data.patient(clinicA, "MRN-1001")).isInstanceOf(DuplicateKeyException.class);
        assertThatCode(() -> data.patient(clinicB, "MRN-1001")).doesNotThrowAnyException();
    }

    @Test
    void templateItemIsUniquePerTemplateAndMetric() {
        String template = data.template(null);
        String metric = data.metric(null);
        String sql = "INSERT INTO assessment_template_items (id, template_id, metric_definition_id) VALUES (?, ?, ?)";
        platformUpdate(sql, Ids.newId(), template, metric);
        assertThatThrownBy(() -> platformUpdate(sql, Ids.newId(), template, metric)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void presetDiagnosisIsUniquePerPresetAndIcd10() {
        String preset = data.conditionPreset(null);
        String sql = "INSERT INTO condition_preset_diagnoses (id, condition_preset_id, icd10, label) VALUES (?, ?, 'I10', 'Essential hypertension')";
        platformUpdate(sql, Ids.newId(), preset);
        assertThatThrownBy(() -> platformUpdate(sql, Ids.newId(), preset)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void presetTemplateIsUniquePerPresetAndTemplate() {
        String preset = data.conditionPreset(null);
        String template = data.template(null);
        String sql = "INSERT INTO condition_preset_templates (id, condition_preset_id, template_id, frequency) VALUES (?, ?, ?, '7')";
        platformUpdate(sql, Ids.newId(), preset, template);
        assertThatThrownBy(() -> platformUpdate(sql, Ids.newId(), preset, template)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void presetAlertRuleIsUniquePerPresetAndRule() {
        String preset = data.conditionPreset(null);
        String rule = data.alertRule(null);
        String sql = "INSERT INTO condition_preset_alert_rules (id, condition_preset_id, alert_rule_id, priority) VALUES (?, ?, ?, 5)";
        platformUpdate(sql, Ids.newId(), preset, rule);
        assertThatThrownBy(() -> platformUpdate(sql, Ids.newId(), preset, rule)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void billingProgramCodeIsUnique() {
        String code = "CMS_RPM_" + Ids.newId();
        String sql = "INSERT INTO billing_programs (id, name, code, program_type, effective_date, eligibility_rules) "
                + "VALUES (?, 'CMS RPM', ?, 'RPM', now(), '[]'::jsonb)";
        platformUpdate(sql, Ids.newId(), code);
        assertThatThrownBy(() -> platformUpdate(sql, Ids.newId(), code)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void cptCodeIsUniquePerBillingProgram() {
        String program = data.billingProgram();
        String otherProgram = data.billingProgram();
        String sql = "INSERT INTO cpt_codes (id, billing_program_id, code, category, description) "
                + "VALUES (?, ?, '99454', 'DATA_COLLECTION', 'Device supply, 16+ days')";
        platformUpdate(sql, Ids.newId(), program);
        assertThatThrownBy(() -> platformUpdate(sql, Ids.newId(), program)).isInstanceOf(DuplicateKeyException.class);
        assertThatCode(() -> platformUpdate(sql, Ids.newId(), otherProgram)).doesNotThrowAnyException();
    }

    @Test
    void standardizedLibraryKeysAreUniqueDespiteNullOrganization() {
        // PostgreSQL treats NULLs as distinct by default; NULLS NOT DISTINCT closes that hole.
        String sql = "INSERT INTO metric_definitions (id, key, display_name, value_type, is_standardized) "
                + "VALUES (?, ?, 'Heart rate', 'NUMERIC', true)";
        String key = "hr_" + Ids.newId();
        platformUpdate(sql, Ids.newId(), key);
        assertThatThrownBy(() -> platformUpdate(sql, Ids.newId(), key)).isInstanceOf(DuplicateKeyException.class);
    }
}
