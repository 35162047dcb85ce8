package org.vigil.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.vigil.billing.internal.BillingProgram;
import org.vigil.billing.internal.BillingProgramRepository;
import org.vigil.billing.internal.CptCode;
import org.vigil.billing.internal.CptCodeRepository;
import org.vigil.shared.Ids;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.PlatformScope;
import org.vigil.tenancy.TenantScope;

/** The billing catalog round-trips through JPA: maintained by the platform, read by every tenant. */
@VigilIntegrationTest
class BillingPersistenceTest {

    static final String ELIGIBILITY_RULES = """
            [
              {"ruleType": "INSURANCE", "description": "Medicare Part B Coverage",
               "logic": {"payers": ["Medicare", "Medicare Advantage"], "plans": ["Part B"]}},
              {"ruleType": "DIAGNOSIS", "description": "Chronic Condition Requirement",
               "logic": {"operator": "MIN_COUNT", "minCount": 1}},
              {"ruleType": "CONSENT", "description": "Informed Consent",
               "logic": {"consentTypes": ["TREATMENT", "BILLING"]}}
            ]""";
    static final String REQUIREMENTS = "{\"minDays\": 16, \"consecutiveDays\": false, \"notes\": \"Per 30-day period\"}";
    static final Instant EFFECTIVE = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired TenantScope tenant;
    @Autowired PlatformScope platform;
    @Autowired TestData data;
    @Autowired BillingProgramRepository programs;
    @Autowired CptCodeRepository cptCodes;

    @Test
    void theCatalogIsWrittenByThePlatformAndReadByTenants() throws Exception {
        String code = "CMS_RPM_" + Ids.newId();
        String[] ids = platform.call(null, "maintain billing catalog", () -> {
            BillingProgram program = new BillingProgram("CMS Remote Patient Monitoring 2026", code, "RPM",
                    EFFECTIVE, ELIGIBILITY_RULES);
            program.setPayer("CMS");
            program.setExpirationDate(Instant.parse("2027-01-01T00:00:00Z"));
            programs.save(program);
            CptCode cpt = new CptCode(program.getId(), "99454", CptCategory.DATA_COLLECTION,
                    "Device supply with daily recordings, each 30 days");
            cpt.setRequirements(REQUIREMENTS);
            cpt.setReimbursementAmount(new BigDecimal("47.87"));
            cpt.setBillingFrequency("MONTHLY");
            cptCodes.save(cpt);
            return new String[] {program.getId(), cpt.getId()};
        });

        String clinic = data.organization();
        BillingProgram program = tenant.call(clinic, () -> programs.findById(ids[0]).orElseThrow());
        assertThat(program.getCode()).isEqualTo(code);
        assertThat(program.getProgramType()).isEqualTo("RPM");
        assertThat(program.getPayer()).isEqualTo("CMS");
        assertThat(program.getEffectiveDate()).isEqualTo(EFFECTIVE);
        assertThat(program.getExpirationDate()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(program.isActive()).isTrue();
        JSONAssert.assertEquals(ELIGIBILITY_RULES, program.getEligibilityRules(), true);

        CptCode cpt = tenant.call(clinic, () -> cptCodes.findById(ids[1]).orElseThrow());
        assertThat(cpt.getBillingProgramId()).isEqualTo(ids[0]);
        assertThat(cpt.getCode()).isEqualTo("99454");
        assertThat(cpt.getCategory()).isEqualTo(CptCategory.DATA_COLLECTION);
        assertThat(cpt.getReimbursementAmount()).isEqualTo(new BigDecimal("47.87"));
        assertThat(cpt.getBillingFrequency()).isEqualTo("MONTHLY");
        JSONAssert.assertEquals(REQUIREMENTS, cpt.getRequirements(), true);

        // Every organization reads the same catalog.
        assertThat(tenant.call(data.organization(), () -> cptCodes.findById(ids[1]))).isPresent();
    }

    @Test
    void aTenantCannotChangeTheCatalog() {
        String clinic = data.organization();
        String programId = data.billingProgram();
        assertThatThrownBy(() -> tenant.run(clinic, () -> cptCodes.saveAndFlush(
                new CptCode(programId, "99457", CptCategory.CLINICAL_TIME, "Treatment management, first 20 minutes"))))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("permission denied");
        BillingProgram program = tenant.call(clinic, () -> programs.findById(programId).orElseThrow());
        program.setPayer("Self-declared payer");
        assertThatThrownBy(() -> tenant.run(clinic, () -> programs.saveAndFlush(program)))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("permission denied");
        assertThat(platform.call(null, "verify test", () -> programs.findById(programId).orElseThrow().getPayer())).isNull();
    }
}
