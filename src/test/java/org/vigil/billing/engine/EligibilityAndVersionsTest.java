package org.vigil.billing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.billing.engine.Given.RN;
import static org.vigil.billing.engine.Given.code;
import static org.vigil.billing.engine.Given.enrollment;
import static org.vigil.billing.engine.Given.met;
import static org.vigil.billing.engine.Given.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.billing.engine.Facts.Consent;
import org.vigil.billing.engine.Facts.Contact;
import org.vigil.billing.engine.Readiness.RuleResult;
import org.vigil.billing.engine.Readiness.Status;
import org.vigil.billing.engine.Readiness.WarningCode;

/** Eligibility rules (seed eligibilityRules), program versions by date of service, rate tables and warnings. */
class EligibilityAndVersionsTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final LocalDate MAR_1 = MARCH.atDay(1);
    static final LocalDate CLOSED = LocalDate.of(2026, 4, 5);

    static Given.EnrollmentBuilder rpm() {
        return enrollment("e1", "CMS_RPM_2026", MAR_1).deviceDays(MAR_1, 20).minutes(RN, MAR_1, 25, Contact.LIVE_AUDIO_VIDEO);
    }

    static RuleResult failed(Readiness.Enrollment r) {
        return r.eligibility().stream().filter(x -> !x.passed()).findFirst().orElseThrow();
    }

    @Test
    void eligibleWhenEveryRulePasses() {
        Readiness.Enrollment r = patient().with(rpm()).only(MARCH, CLOSED);
        assertThat(r.eligible()).isTrue();
        assertThat(r.eligibility()).extracting(RuleResult::ruleType)
                .containsExactly("INSURANCE", "DIAGNOSIS", "CONSENT", "PRACTITIONER");
        assertThat(met(r)).containsExactly("99453", "99454", "99457");
        assertThat(r.expectedAmount()).isEqualByComparingTo(new BigDecimal("21.71").add(new BigDecimal("47.43"))
                .add(new BigDecimal("51.77")));
    }

    @Test
    void insuranceRuleSaysWhichPayerFailed() {
        Readiness.Enrollment r = patient().insurance("COMMERCIAL", false).with(rpm()).only(MARCH, CLOSED);
        assertThat(failed(r).ruleType()).isEqualTo("INSURANCE");
        assertThat(failed(r).detail()).contains("COMMERCIAL is not one of MEDICARE_ADVANTAGE, MEDICARE_PART_B");
        assertThat(r.codes()).filteredOn(c -> c.status() == Status.MET).isEmpty();
        assertThat(code(r, "99454").status()).isEqualTo(Status.BLOCKED);
        assertThat(code(r, "99454").reason()).contains("Medicare Part B or Medicare Advantage");
        assertThat(r.expectedAmount()).isZero();
    }

    @Test
    void seedPayerAndPlanNamesAreUnderstood() {
        Catalog.EligibilityRule seed = CatalogJson.eligibilityRules(CatalogJson.tree("""
                [{"ruleType": "INSURANCE", "description": "Medicare Part B Coverage",
                  "logic": {"payers": ["Medicare", "Medicare Advantage"], "plans": ["Part B"]}}]""")).get(0);
        assertThat(seed.payers()).containsExactly("Medicare", "Medicare Advantage");
        assertThat(seed.plans()).containsExactly("Part B");
    }

    @Test
    void diagnosisMinCountAndCategoryMatch() {
        Readiness.Enrollment none = patient().diagnoses().with(rpm()).only(MARCH, CLOSED);
        assertThat(failed(none).ruleType()).isEqualTo("DIAGNOSIS");
        assertThat(failed(none).detail()).isEqualTo("0 current diagnoses; 1 required");

        Given.EnrollmentBuilder rtm = enrollment("e1", "CMS_RTM_2026", MAR_1).deviceDays(MAR_1, 20);
        Readiness.Enrollment hypertension = patient().diagnoses("I10").with(rtm).only(MARCH, CLOSED);
        assertThat(failed(hypertension).detail()).contains("No current diagnosis in RESPIRATORY, MUSCULOSKELETAL");
        Readiness.Enrollment copd = patient().diagnoses("J44.9").with(rtm).only(MARCH, CLOSED);
        assertThat(copd.eligible()).isTrue();

        Given.EnrollmentBuilder ccm = enrollment("e1", "CMS_CCM", MAR_1).minutes(RN, MAR_1, 25, Contact.NONE);
        assertThat(failed(patient().diagnoses("I10").with(ccm).only(MARCH, CLOSED)).detail())
                .isEqualTo("1 current diagnosis; 2 required");
    }

    @Test
    void consentMustBeInEffectAndAcknowledgeCostSharing() {
        Readiness.Enrollment missing = patient().consents().with(rpm()).only(MARCH, CLOSED);
        assertThat(failed(missing).detail()).contains("PROGRAM (REMOTE_PATIENT_MONITORING)");

        Consent noCostSharing = new Consent("PROGRAM", "REMOTE_PATIENT_MONITORING", LocalDate.of(2025, 1, 1), null, false);
        assertThat(failed(patient().consents(noCostSharing).with(rpm()).only(MARCH, CLOSED)).detail()).contains("cost-sharing");

        Consent revoked = new Consent("PROGRAM", "REMOTE_PATIENT_MONITORING", LocalDate.of(2025, 1, 1), MARCH.atDay(10), true);
        assertThat(failed(patient().consents(revoked).with(rpm()).only(MARCH, CLOSED)).ruleType()).isEqualTo("CONSENT");

        Consent ccmOnly = new Consent("PROGRAM", "CHRONIC_CARE_MANAGEMENT", LocalDate.of(2025, 1, 1), null, true);
        assertThat(failed(patient().consents(ccmOnly).with(rpm()).only(MARCH, CLOSED)).ruleType()).isEqualTo("CONSENT");
    }

    @Test
    void customRulesNeedStaffConfirmation() {
        Given.EnrollmentBuilder ccm = enrollment("e1", "CMS_CCM", MAR_1).attested(false).minutes(RN, MAR_1, 25, Contact.NONE);
        Readiness.Enrollment r = patient().diagnoses("I10", "E11.9").with(ccm).only(MARCH, CLOSED);
        assertThat(failed(r).ruleType()).isEqualTo("CUSTOM");
        assertThat(code(r, "99490").status()).isEqualTo(Status.BLOCKED);
    }

    @Test
    void theBillingPractitionerMustBeAbleToBill() {
        Readiness.Enrollment r = patient().with(rpm().clinician(RN)).only(MARCH, CLOSED);
        assertThat(failed(r).ruleType()).isEqualTo("PRACTITIONER");
        assertThat(failed(r).detail()).contains("CLINICAL_STAFF").contains("assign a physician");
    }

    @Test
    void theProgramVersionFollowsTheDateOfServiceAcross1January2026() {
        // Anchored 2 Dec 2025: the period ends 31 Dec 2025 (2025 rules: 5 days bill nothing).
        Given.EnrollmentBuilder dec2 = enrollment("e1", "CMS_RPM_2025", LocalDate.of(2025, 12, 1))
                .deviceDays(LocalDate.of(2025, 12, 2), 5);
        Readiness.Enrollment before = patient().with(dec2).only(YearMonth.of(2025, 12), LocalDate.of(2026, 2, 1));
        assertThat(code(before, "99454").status()).isEqualTo(Status.NOT_MET);
        assertThat(code(before, "99454").programCode()).isEqualTo("CMS_RPM_2025");
        assertThat(before.codes()).noneMatch(c -> c.code().equals("99445"));
        assertThat(code(before, "99453").status()).isEqualTo(Status.NOT_MET);

        // Anchored 3 Dec 2025: the period ends 1 Jan 2026 (2026 rules: 5 days → 99445, set-up after 2 days).
        Given.EnrollmentBuilder dec3 = enrollment("e1", "CMS_RPM_2025", LocalDate.of(2025, 12, 1))
                .deviceDays(LocalDate.of(2025, 12, 3), 5);
        Readiness.Enrollment after = patient().with(dec3).only(YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1));
        LocalDate jan1 = LocalDate.of(2026, 1, 1);
        assertThat(code(after, "99445", jan1).status()).isEqualTo(Status.MET);
        assertThat(code(after, "99445", jan1).programCode()).isEqualTo("CMS_RPM_2026");
        assertThat(code(after, "99445", jan1).rateTable()).isEqualTo("CMS_PFS_2026_NATIONAL");
        assertThat(code(after, "99453", jan1).status()).isEqualTo(Status.MET);
        // January also bills the next period (2–31 Jan), which had no data; set-up is not billed again.
        assertThat(code(after, "99445", LocalDate.of(2026, 1, 31)).status()).isEqualTo(Status.NOT_MET);
        assertThat(code(after, "99453", LocalDate.of(2026, 1, 31)).status()).isEqualTo(Status.NOT_APPLICABLE);

        // Management: 15 minutes bill nothing on 31 Dec 2025 and 99470 in January 2026.
        Given.EnrollmentBuilder time = enrollment("e1", "CMS_RPM_2025", LocalDate.of(2025, 11, 1))
                .minutes(RN, LocalDate.of(2025, 12, 31), 15, Contact.LIVE_AUDIO_VIDEO)
                .minutes(RN, LocalDate.of(2026, 1, 1), 15, Contact.LIVE_AUDIO_VIDEO);
        assertThat(met(patient().with(time).only(YearMonth.of(2025, 12), LocalDate.of(2026, 2, 1)))).isEmpty();
        assertThat(met(patient().with(time).only(YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1)))).containsExactly("99470");
    }

    @Test
    void anOrganizationsOwnRatesReplaceTheNationalOnesAndACorrectionSupersedes() {
        Catalog.RateTable own = new Catalog.RateTable("own", "ACME_2026", "org", LocalDate.of(2026, 1, 1), null, null,
                Map.of("99454", new Catalog.Rate("99454", new BigDecimal("55.00"), true, null)));
        Catalog.RateTable correction = new Catalog.RateTable("f2", "CMS_PFS_2026_F2", null, LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 1, 1), "CMS_PFS_2026_NATIONAL",
                Map.of("99457", new Catalog.Rate("99457", new BigDecimal("52.11"), true, null)));
        List<Catalog.RateTable> tables = new java.util.ArrayList<>(Given.CATALOG.rateTables());
        tables.add(own);
        tables.add(correction);
        Catalog catalog = new Catalog(Given.CATALOG.programs(), tables);
        Facts.Patient p = patient().with(rpm()).build();
        Readiness.Enrollment r = new BillingEngine(catalog, BillingPolicy.defaults(), "org").evaluate(p, MARCH, CLOSED).get(0);
        assertThat(code(r, "99454").amount()).isEqualByComparingTo("55.00");
        assertThat(code(r, "99454").rateTable()).isEqualTo("ACME_2026");
        assertThat(code(r, "99457").amount()).isEqualByComparingTo("52.11");
        assertThat(code(r, "99457").rateTable()).isEqualTo("CMS_PFS_2026_F2");
        assertThat(code(r, "99453").rateTable()).isEqualTo("CMS_PFS_2026_NATIONAL");
        // Another organization's rates do not apply.
        Readiness.Enrollment other = new BillingEngine(catalog, BillingPolicy.defaults(), "other").evaluate(p, MARCH, CLOSED).get(0);
        assertThat(code(other, "99454").rateTable()).isEqualTo("CMS_PFS_2026_NATIONAL");
    }

    @Test
    void oigWarnings() {
        Given.EnrollmentBuilder deviceOnly = enrollment("e1", "CMS_RPM_2026", MAR_1).deviceDays(MAR_1, 20).noVisit();
        Readiness.Enrollment r = patient().with(deviceOnly).only(MARCH, CLOSED);
        assertThat(r.warnings()).extracting(Readiness.Warning::code).contains(WarningCode.DEVICE_WITHOUT_MANAGEMENT,
                WarningCode.NO_INTERACTIVE_CONTACT, WarningCode.NO_PRIOR_VISIT, WarningCode.UNVERIFIED_AMOUNT);
        Readiness.Enrollment managed = patient().with(rpm()).only(MARCH, CLOSED);
        assertThat(managed.warnings()).extracting(Readiness.Warning::code).doesNotContain(WarningCode.DEVICE_WITHOUT_MANAGEMENT,
                WarningCode.NO_INTERACTIVE_CONTACT, WarningCode.NO_PRIOR_VISIT);
    }

    @Test
    void apcmLevels() {
        Given.EnrollmentBuilder apcm = enrollment("e1", "CMS_APCM", MAR_1);
        assertThat(met(patient().diagnoses("I10").with(apcm).only(MARCH, CLOSED))).containsExactly("G0556");
        assertThat(met(patient().diagnoses("I10", "E11.9").with(apcm).only(MARCH, CLOSED))).containsExactly("G0557");
        assertThat(met(patient().diagnoses("I10", "E11.9").insurance("MEDICARE_PART_B", true).with(apcm).only(MARCH, CLOSED)))
                .containsExactly("G0558");
    }

    @Test
    void theShippedCatalogHasEveryCodeOfTheIssue() {
        assertThat(Given.CATALOG.programs()).extracting(Catalog.Program::code).containsExactly("CMS_RPM_2025", "CMS_RPM_2026",
                "CMS_RTM_2025", "CMS_RTM_2026", "CMS_CCM", "CMS_PCM", "CMS_BHI", "CMS_APCM");
        List<String> codes = Given.CATALOG.programs().stream().flatMap(p -> p.codes().stream()).map(Catalog.CodeRule::code)
                .distinct().sorted().toList();
        assertThat(codes).containsExactlyInAnyOrder("99453", "99454", "99445", "99457", "99458", "99470", "99091", "98975",
                "98976", "98977", "98978", "98984", "98985", "98986", "98979", "98980", "98981", "99490", "99439", "99491",
                "99437", "99487", "99489", "99424", "99425", "99426", "99427", "99484", "G0556", "G0557", "G0558");
        for (Catalog.RateTable t : Given.CATALOG.rateTables()) {
            assertThat(t.rates().keySet()).as(t.code()).allMatch(codes::contains);
        }
        assertThat(Given.CATALOG.program("CMS_RPM_2025").orElseThrow().code("99445")).isEmpty();
    }
}
