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

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.billing.engine.Facts.Contact;
import org.vigil.billing.engine.Readiness.Status;
import org.vigil.billing.engine.Readiness.WarningCode;

/** Codes that are never billed together (domain §1.9 as kept by verified §C rules 6, 10, 12–14, 16, 18, 20, 23). */
class ExclusivityTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final LocalDate MAR_1 = MARCH.atDay(1);
    static final LocalDate CLOSED = LocalDate.of(2026, 4, 5);

    @Test
    void devices99454And99445() {
        Readiness.Enrollment r = patient().with(enrollment("e1", "CMS_RPM_2026", MAR_1).deviceDays(MAR_1, 16)).only(MARCH, CLOSED);
        assertThat(code(r, "99454").status()).isEqualTo(Status.MET);
        assertThat(code(r, "99445").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(code(r, "99445").reason()).contains("99454 is billed for this period instead");
    }

    @Test
    void rtmBandsPerBodySystem() {
        Readiness.Enrollment r = patient().diagnoses("M54.50").with(enrollment("e1", "CMS_RTM_2026", MAR_1).deviceDays(MAR_1, 16))
                .only(MARCH, CLOSED);
        assertThat(code(r, "98977").status()).isEqualTo(Status.MET);
        assertThat(code(r, "98985").status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void management99457And99470() {
        Readiness.Enrollment r = patient().with(enrollment("e1", "CMS_RPM_2026", MAR_1)
                .minutes(RN, MAR_1, 25, Contact.LIVE_AUDIO_VIDEO)).only(MARCH, CLOSED);
        assertThat(code(r, "99457").status()).isEqualTo(Status.MET);
        assertThat(code(r, "99470").status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void management98980And98979() {
        Readiness.Enrollment r = patient().diagnoses("M54.50").with(enrollment("e1", "CMS_RTM_2026", MAR_1)
                .minutes(PT, MAR_1, 25, Contact.LIVE_AUDIO_VIDEO)).only(MARCH, CLOSED);
        assertThat(code(r, "98980").status()).isEqualTo(Status.MET);
        assertThat(code(r, "98979").status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void code99091IsNotReportedWith99457() {
        Readiness.Enrollment r = patient().with(enrollment("e1", "CMS_RPM_2026", MAR_1).deviceDays(MAR_1, 20)
                .minutes(MD, MAR_1.plusDays(2), 40, Contact.LIVE_AUDIO_VIDEO)).only(MARCH, CLOSED);
        assertThat(code(r, "99457").status()).isEqualTo(Status.MET);
        assertThat(code(r, "99091").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(code(r, "99091").reason()).contains("99457 is billed in Mar 2026");
    }

    @Test
    void oneCcmFamilyPerMonth() {
        Readiness.Enrollment r = patient().diagnoses("I10", "E11.9").with(enrollment("e1", "CMS_CCM", MAR_1)
                .minutes(RN, MAR_1, 20, Contact.NONE).minutes(MD, MAR_1.plusDays(1), 30, Contact.NONE)).only(MARCH, CLOSED);
        List<String> met = met(r);
        assertThat(met).hasSize(1).containsAnyOf("99490", "99491");
        // 2026: 99491 has no national amount, so the priced 99490 is chosen; the other family says why.
        assertThat(met).containsExactly("99490");
        assertThat(code(r, "99491").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(code(r, "99491").reason()).contains("One CCM family per patient-month: 99490");
    }

    @Test
    void ccmAndPcmBySamePractitionerAreNotBothBilledButByDifferentOnesAre() {
        Given.EnrollmentBuilder ccm = enrollment("ccm", "CMS_CCM", MAR_1).minutes(RN, MAR_1, 25, Contact.NONE);
        Given.EnrollmentBuilder pcm = enrollment("pcm", "CMS_PCM", MAR_1.plusDays(1)).minutes(RN, MAR_1, 35, Contact.NONE);
        List<Readiness.Enrollment> same = patient().diagnoses("I10", "E11.9").with(ccm, pcm).evaluate(MARCH, CLOSED);
        assertThat(met(same.get(0))).containsExactly("99490");
        assertThat(met(same.get(1))).isEmpty();
        assertThat(code(same.get(1), "99426").status()).isEqualTo(Status.BLOCKED);
        assertThat(code(same.get(1), "99426").reason()).contains("CCM and PCM are not billed by the same practitioner");

        List<Readiness.Enrollment> different = patient().diagnoses("I10", "E11.9").with(ccm, pcm.clinician(NP))
                .evaluate(MARCH, CLOSED);
        assertThat(met(different.get(0))).containsExactly("99490");
        assertThat(met(different.get(1))).containsExactly("99426");
    }

    @Test
    void apcmAndCcmBySamePractitioner() {
        Given.EnrollmentBuilder apcm = enrollment("apcm", "CMS_APCM", MAR_1);
        Given.EnrollmentBuilder ccm = enrollment("ccm", "CMS_CCM", MAR_1.plusDays(3)).minutes(RN, MAR_1, 25, Contact.NONE);
        List<Readiness.Enrollment> r = patient().diagnoses("I10", "E11.9").with(apcm, ccm).evaluate(MARCH, CLOSED);
        assertThat(met(r.get(0))).containsExactly("G0557");
        assertThat(met(r.get(1))).isEmpty();
        assertThat(code(r.get(1), "99490").reason()).contains("APCM bundles CCM and PCM");
    }

    @Test
    void rpmAndRtmAreNotBilledForTheSamePatientInTheSamePeriod() {
        Given.EnrollmentBuilder rpm = enrollment("rpm", "CMS_RPM_2026", MAR_1).deviceDays(MAR_1, 20);
        Given.EnrollmentBuilder rtm = enrollment("rtm", "CMS_RTM_2026", MAR_1.plusDays(1)).clinician(PT).deviceDays(MAR_1, 20);
        List<Readiness.Enrollment> r = patient().diagnoses("J44.9").with(rpm, rtm).evaluate(MARCH, CLOSED);
        assertThat(code(r.get(0), "99454").status()).isEqualTo(Status.MET);
        assertThat(code(r.get(1), "98976").status()).isEqualTo(Status.BLOCKED);
        assertThat(code(r.get(1), "98976").reason()).contains("RPM and RTM are not billed for the same patient");
        assertThat(r.get(1).warnings()).anyMatch(w -> w.code() == WarningCode.MULTIPLE_DEVICE_CODES);
        assertThat(r.get(1).expectedAmount()).isZero();
    }

    @Test
    void onePractitionerPerPatientAndPeriod() {
        Given.EnrollmentBuilder first = enrollment("a", "CMS_RPM_2026", MAR_1).deviceDays(MAR_1, 20);
        Given.EnrollmentBuilder second = enrollment("b", "CMS_RPM_2026", MAR_1.plusDays(2)).clinician(NP).deviceDays(MAR_1, 20);
        List<Readiness.Enrollment> r = patient().with(first, second).evaluate(MARCH, CLOSED);
        assertThat(code(r.get(0), "99454").status()).isEqualTo(Status.MET);
        assertThat(code(r.get(1), "99454").status()).isEqualTo(Status.BLOCKED);
        assertThat(code(r.get(1), "99454").reason()).contains("Only one practitioner bills RPM");
    }
}
