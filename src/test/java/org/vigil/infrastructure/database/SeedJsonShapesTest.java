package org.vigil.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.shared.Ids;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.PlatformScope;
import org.vigil.tenancy.TenantScope;

/** The JSON shapes the seed documents are checked by the database, so no writer can store another. */
@VigilIntegrationTest
class SeedJsonShapesTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TenantScope tenant;
    @Autowired
    PlatformScope platform;

    @Test
    void enrollmentBillingEligibilityHasTheSeedShape() {
        String clinic = data.organization();
        String enrollment = data.enrollment(clinic, data.patient(clinic, "E-1"), data.clinician(clinic), data.careProgram(clinic));
        String sql = "UPDATE enrollments SET billing_eligibility = ?::jsonb WHERE id = ?";
        assertThatCode(() -> tenant.run(clinic, () -> jdbc.update(sql,
                "{\"eligible\": true, \"insurance\": {\"type\": \"Medicare Part B\"}, "
                        + "\"chronicConditions\": [\"Hypertension (I10)\", \"Diabetes (E11)\"], \"consent\": true}", enrollment)))
                .doesNotThrowAnyException();
        assertThatCode(() -> tenant.run(clinic, () -> jdbc.update(sql, "{\"eligible\": false}", enrollment)))
                .doesNotThrowAnyException();
        for (String wrong : new String[] {"[]", "{}", "{\"eligible\": \"yes\"}",
                "{\"eligible\": true, \"insurance\": \"Medicare\"}",
                "{\"eligible\": true, \"chronicConditions\": \"I10\"}",
                "{\"eligible\": true, \"consent\": 1}"}) {
            assertThatThrownBy(() -> tenant.run(clinic, () -> jdbc.update(sql, wrong, enrollment)))
                    .as(wrong).isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    @Test
    void billingProgramEligibilityRulesUseTheSeedRuleTypes() {
        String sql = "INSERT INTO billing_programs (id, name, code, program_type, effective_date, eligibility_rules) "
                + "VALUES (?, 'CMS RPM 2026', ?, 'RPM', '2026-01-01T00:00:00Z', ?::jsonb)";
        String seedExample = """
                [{"ruleType": "INSURANCE", "description": "Medicare Part B Coverage",
                  "logic": {"payers": ["Medicare", "Medicare Advantage"], "plans": ["Part B"]}},
                 {"ruleType": "DIAGNOSIS", "description": "Chronic Condition Requirement",
                  "logic": {"operator": "MIN_COUNT", "minCount": 1}},
                 {"ruleType": "CONSENT", "description": "Informed Consent",
                  "logic": {"consentTypes": ["TREATMENT", "BILLING"]}}]""";
        assertThatCode(() -> platform.run(null, "json shape test",
                () -> jdbc.update(sql, Ids.newId(), "P_" + Ids.newId(), seedExample))).doesNotThrowAnyException();
        assertThatThrownBy(() -> platform.run(null, "json shape test",
                () -> jdbc.update(sql, Ids.newId(), "P_" + Ids.newId(), "[{\"ruleType\": \"AGE\"}]")))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> platform.run(null, "json shape test",
                () -> jdbc.update(sql, Ids.newId(), "P_" + Ids.newId(), "{\"ruleType\": \"CONSENT\"}")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void updatedAtIsMaintainedByTheDatabaseToo() {
        String clinic = data.organization();
        String patient = data.patient(clinic, "U-1");
        java.time.Instant before = tenant.call(clinic, () -> jdbc.queryForObject(
                "SELECT updated_at FROM patients WHERE id = ?", java.time.Instant.class, patient));
        java.time.Instant after = tenant.call(clinic, () -> {
            jdbc.update("UPDATE patients SET phone = '+1-555-0199' WHERE id = ?", patient);
            return jdbc.queryForObject("SELECT updated_at FROM patients WHERE id = ?", java.time.Instant.class, patient);
        });
        org.assertj.core.api.Assertions.assertThat(after).isAfter(before);
    }
}
