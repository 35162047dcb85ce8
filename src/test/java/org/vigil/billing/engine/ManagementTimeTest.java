package org.vigil.billing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.billing.engine.Given.MD;
import static org.vigil.billing.engine.Given.NP;
import static org.vigil.billing.engine.Given.PT;
import static org.vigil.billing.engine.Given.RN;
import static org.vigil.billing.engine.Given.code;
import static org.vigil.billing.engine.Given.enrollment;
import static org.vigil.billing.engine.Given.met;
import static org.vigil.billing.engine.Given.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.billing.engine.Facts.Clinician;
import org.vigil.billing.engine.Facts.Contact;
import org.vigil.billing.engine.Readiness.Status;

/** Calendar-month time codes at their minute boundaries (verified rows 3–9, §C rules 9–12, 14, 18–19). */
class ManagementTimeTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final LocalDate MAR_1 = MARCH.atDay(1);
    static final LocalDate CLOSED = LocalDate.of(2026, 4, 5);

    /** {@code minutes} of {@code by}'s time in March 2026, the first 5 of them a live call when {@code contact}. */
    static Readiness.Enrollment month(String program, Clinician by, int minutes, boolean contact, String... diagnoses) {
        return month(program, MD, by, minutes, contact, diagnoses);
    }

    static Readiness.Enrollment month(String program, Clinician billing, Clinician by, int minutes, boolean contact,
            String... diagnoses) {
        Given.EnrollmentBuilder e = enrollment("e1", program, LocalDate.of(2026, 1, 1)).clinician(billing)
                .deviceDays(LocalDate.of(2026, 1, 1), 2);
        int call = Math.min(5, minutes);
        e.minutes(by, MARCH.atDay(3), call, contact ? Contact.LIVE_AUDIO_VIDEO : Contact.NONE);
        if (minutes > call) {
            e.minutes(by, MARCH.atDay(20), minutes - call, Contact.NONE);
        }
        Given.PatientBuilder p = patient();
        if (diagnoses.length > 0) {
            p.diagnoses(diagnoses);
        }
        return p.with(e).only(MARCH, CLOSED);
    }

    static List<String> metTimeCodes(Readiness.Enrollment r) {
        return met(r).stream().filter(c -> !c.matches("(99453|99445|99454|98975|98976|98977|98978|98984|98985|98986).*"))
                .toList();
    }

    static List<String> list(String expected) {
        return expected.isBlank() ? List.of() : Arrays.asList(expected.trim().split(" "));
    }

    @ParameterizedTest(name = "RPM 2026, {0} minutes, contact {1} -> [{2}]")
    @CsvSource({
            "9,  true,  ''",
            "10, true,  99470",
            "19, true,  99470",
            "20, true,  99457",
            "39, true,  99457",
            "40, true,  99457 99458",
            "59, true,  99457 99458",
            "60, true,  99457 99458x2",
            "80, true,  99457 99458x2",
            "10, false, ''",
            "20, false, ''",
            "60, false, ''"})
    void rpm2026(int minutes, boolean contact, String expected) {
        assertThat(metTimeCodes(month("CMS_RPM_2026", RN, minutes, contact))).containsExactlyElementsOf(list(expected));
    }

    @ParameterizedTest(name = "RPM 2025, {0} minutes -> [{1}]")
    @CsvSource({"9, ''", "10, ''", "19, ''", "20, 99457", "40, 99457 99458", "80, 99457 99458x2"})
    void rpm2025HasNo10MinuteCode(int minutes, String expected) {
        Given.EnrollmentBuilder e = enrollment("e1", "CMS_RPM_2025", LocalDate.of(2025, 1, 1))
                .minutes(RN, LocalDate.of(2025, 3, 3), minutes, Contact.LIVE_AUDIO_VIDEO);
        Readiness.Enrollment r = patient().with(e).only(YearMonth.of(2025, 3), LocalDate.of(2025, 4, 5));
        assertThat(metTimeCodes(r)).containsExactlyElementsOf(list(expected));
    }

    @ParameterizedTest(name = "RTM 2026, {0} minutes, contact {1} -> [{2}]")
    @CsvSource({
            "9,  true,  ''",
            "10, true,  98979",
            "19, true,  98979",
            "20, true,  98980",
            "39, true,  98980",
            "40, true,  98980 98981",
            "59, true,  98980 98981",
            "60, true,  98980 98981x2",
            "80, true,  98980 98981x2",
            "20, false, ''"})
    void rtm2026(int minutes, boolean contact, String expected) {
        assertThat(metTimeCodes(month("CMS_RTM_2026", PT, minutes, contact, "M54.50"))).containsExactlyElementsOf(list(expected));
    }

    @Test
    void theShortfallSaysHowManyMoreMinutesAndTheContactStillNeeded() {
        Given.EnrollmentBuilder e = enrollment("e1", "CMS_RPM_2026", LocalDate.of(2026, 1, 1))
                .minutes(RN, LocalDate.of(2026, 12, 3), 13, Contact.LIVE_AUDIO_VIDEO);
        Readiness.Enrollment r = patient().with(e).only(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 10));
        assertThat(code(r, "99457").shortfall()).isEqualTo("7 more minutes by 31 Dec");
        assertThat(code(r, "99457").deadline()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(code(r, "99470").status()).isEqualTo(Status.MET);
        assertThat(code(r, "99470").provisional()).isTrue();

        Given.EnrollmentBuilder silent = enrollment("e1", "CMS_RPM_2026", LocalDate.of(2026, 1, 1))
                .minutes(RN, LocalDate.of(2026, 12, 3), 25, Contact.NONE);
        Readiness.Enrollment noContact = patient().with(silent).only(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 10));
        assertThat(code(noContact, "99457").shortfall())
                .isEqualTo("a live phone or video contact with the patient or caregiver by 31 Dec");
    }

    @Test
    void secureMessagingCountsOnlyWhenTheOrganizationsPolicyAllowsIt() {
        Given.EnrollmentBuilder e = enrollment("e1", "CMS_RPM_2026", LocalDate.of(2026, 1, 1))
                .minutes(RN, MARCH.atDay(3), 25, Contact.SECURE_MESSAGE);
        Given.PatientBuilder p = patient().with(e);
        assertThat(code(p.evaluate(MARCH, CLOSED).get(0), "99457").status()).isEqualTo(Status.NOT_MET);
        assertThat(code(p.evaluate(MARCH, CLOSED, BillingPolicy.defaults().withSecureMessaging(true)).get(0), "99457").status())
                .isEqualTo(Status.MET);
    }

    @Test
    void addOnCapsAreConfigurable() {
        Given.EnrollmentBuilder e = enrollment("e1", "CMS_RPM_2026", LocalDate.of(2026, 1, 1))
                .minutes(RN, MARCH.atDay(3), 100, Contact.LIVE_AUDIO_VIDEO);
        Given.PatientBuilder p = patient().with(e);
        Readiness.Enrollment byDefault = p.evaluate(MARCH, CLOSED).get(0);
        assertThat(code(byDefault, "99458").units()).isEqualTo(2);
        assertThat(code(byDefault, "99458").reason()).contains("capped at 2 units").contains("MUE unresolved");
        assertThat(code(byDefault, "99458").amount()).isEqualByComparingTo(new BigDecimal("82.84"));
        Readiness.Enrollment three = p.evaluate(MARCH, CLOSED, BillingPolicy.defaults().withAddOnCap("99458", 3)).get(0);
        assertThat(code(three, "99458").units()).isEqualTo(3);
        assertThat(code(three, "99458").amount()).isEqualByComparingTo(new BigDecimal("124.26"));
        Readiness.Enrollment one = p.evaluate(MARCH, CLOSED, BillingPolicy.defaults().withAddOnCap("99458", 1)).get(0);
        assertThat(code(one, "99458").units()).isEqualTo(1);
        assertThat(code(one, "99458").reason()).contains("organization policy");
    }

    @Test
    void minutesOfCliniciansWithoutQualifyingCredentialsDoNotCount() {
        Clinician unknown = new Clinician("x", Facts.Performer.UNKNOWN, null);
        Given.EnrollmentBuilder e = enrollment("e1", "CMS_RPM_2026", LocalDate.of(2026, 1, 1))
                .minutes(unknown, MARCH.atDay(3), 30, Contact.LIVE_AUDIO_VIDEO);
        Readiness.Enrollment r = patient().with(e).only(MARCH, CLOSED);
        assertThat(code(r, "99457").status()).isEqualTo(Status.NOT_MET);
        assertThat(r.warnings()).anyMatch(w -> w.code() == Readiness.WarningCode.UNCOUNTED_MINUTES);
    }

    @ParameterizedTest(name = "CCM clinical staff, {0} minutes -> [{1}]")
    @CsvSource({"19, ''", "20, 99490", "39, 99490", "40, 99439 99490", "59, 99439 99490", "60, 99439x2 99490",
            "80, 99439x2 99490"})
    void ccmStaffTime(int minutes, String expected) {
        assertThat(metTimeCodes(month("CMS_CCM", RN, minutes, false, "I10", "E11.9"))).containsExactlyElementsOf(list(expected));
    }

    @ParameterizedTest(name = "CCM physician personal, {0} minutes -> [{1}]")
    @CsvSource({"29, ''", "30, 99491", "59, 99491", "60, 99437 99491", "90, 99437x2 99491"})
    void ccmPersonalTimeCountsOnlyTheBillingPractitionersOwnMinutes(int minutes, String expected) {
        // The physician's minutes count toward 99491/99437 only: 99490 is clinical staff time (CPT descriptor).
        Readiness.Enrollment r = month("CMS_CCM", MD, minutes, false, "I10", "E11.9");
        assertThat(metTimeCodes(r)).containsExactlyElementsOf(list(expected));
        // Another physician's minutes are not the billing practitioner's own.
        Clinician other = new Clinician("md-2", Facts.Performer.PHYSICIAN, "1003000126");
        Readiness.Enrollment notOwn = month("CMS_CCM", other, minutes, false, "I10", "E11.9");
        assertThat(code(notOwn, "99491").status()).isNotEqualTo(Status.MET);
    }

    @Test
    void complexCcmNeedsItsDocumentationAndThenWinsAt90Minutes() {
        Readiness.Enrollment undocumented = month("CMS_CCM", RN, 90, false, "I10", "E11.9");
        assertThat(code(undocumented, "99487").status()).isEqualTo(Status.BLOCKED);
        assertThat(code(undocumented, "99487").reason()).contains("MODERATE_OR_HIGH_MDM");
        assertThat(metTimeCodes(undocumented)).containsExactly("99439x2", "99490");

        Given.EnrollmentBuilder e = enrollment("e1", "CMS_CCM", LocalDate.of(2026, 1, 1))
                .attest("MODERATE_OR_HIGH_MDM", "CARE_PLAN_ESTABLISHED_OR_REVISED")
                .minutes(RN, MARCH.atDay(3), 90, Contact.NONE);
        Readiness.Enrollment complex = patient().diagnoses("I10", "E11.9").with(e).only(MARCH, CLOSED);
        assertThat(metTimeCodes(complex)).containsExactly("99487", "99489");
        assertThat(code(complex, "99490").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(code(complex, "99490").reason()).contains("One CCM family per patient-month: 99487");
        assertThat(code(complex, "99439").status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @ParameterizedTest(name = "PCM clinical staff, {0} minutes -> [{1}]")
    @CsvSource({"29, ''", "30, 99426", "59, 99426", "60, 99426 99427", "90, 99426 99427x2"})
    void pcmStaffTime(int minutes, String expected) {
        assertThat(metTimeCodes(month("CMS_PCM", RN, minutes, false))).containsExactlyElementsOf(list(expected));
    }

    @Test
    void pcmPersonalTime() {
        assertThat(metTimeCodes(month("CMS_PCM", NP, NP, 30, false))).containsExactly("99424");
        assertThat(metTimeCodes(month("CMS_PCM", NP, NP, 60, false))).containsExactly("99424", "99425");
        // Another practitioner's minutes are not the billing practitioner's own.
        assertThat(metTimeCodes(month("CMS_PCM", MD, NP, 60, false))).isEmpty();
    }

    @ParameterizedTest(name = "BHI, {0} minutes -> [{1}]")
    @CsvSource({"19, ''", "20, 99484"})
    void bhi(int minutes, String expected) {
        Readiness.Enrollment r = month("CMS_BHI", RN, minutes, false, "F33.1");
        assertThat(metTimeCodes(r)).containsExactlyElementsOf(list(expected));
    }

    @Test
    void rpm99091CountsThePhysiciansOwn30MinutesPer30Days() {
        LocalDate start = LocalDate.of(2026, 3, 1);
        Given.EnrollmentBuilder e = enrollment("e1", "CMS_RPM_2026", start).deviceDays(start, 20)
                .minutes(MD, LocalDate.of(2026, 3, 10), 30, Contact.NONE);
        Readiness.Enrollment r = patient().with(e).only(MARCH, CLOSED);
        assertThat(code(r, "99091").status()).isEqualTo(Status.MET);
        assertThat(code(r, "99091").dateOfService()).isEqualTo(LocalDate.of(2026, 3, 30));
        Given.EnrollmentBuilder staff = enrollment("e1", "CMS_RPM_2026", start).deviceDays(start, 20)
                .minutes(RN, LocalDate.of(2026, 3, 10), 30, Contact.NONE);
        assertThat(code(patient().with(staff).only(MARCH, CLOSED), "99091").status()).isEqualTo(Status.NOT_MET);
    }
}
