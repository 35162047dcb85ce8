package org.vigil.patients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.patients.BillingCapacity;

/** Credentials come from a fixed vocabulary and decide who may bill personal-time codes. */
class CredentialsTest {

    @Test
    void physiciansAndQualifiedProfessionalsMayBillPersonalTimeCodes() {
        assertThat(Credentials.capacity("MD")).contains(BillingCapacity.PHYSICIAN);
        assertThat(Credentials.capacity("DO")).contains(BillingCapacity.PHYSICIAN);
        for (String qhp : new String[] {"NP", "PA", "PA-C", "CNS", "CNM", "APRN"}) {
            assertThat(Credentials.capacity(qhp)).as(qhp).contains(BillingCapacity.NON_PHYSICIAN_PRACTITIONER);
        }
        // 99091, 99491, 99424: physician/QHP personally (billing-rules-verified.md rows 7, 8; §C 19).
        assertThat(BillingCapacity.PHYSICIAN.physicianOrQhp()).isTrue();
        assertThat(BillingCapacity.NON_PHYSICIAN_PRACTITIONER.physicianOrQhp()).isTrue();
    }

    @Test
    void therapistsBillRtmButNotPhysicianTimeCodes() {
        for (String therapist : new String[] {"PT", "DPT", "OT", "OTR", "SLP"}) {
            assertThat(Credentials.capacity(therapist)).as(therapist).contains(BillingCapacity.THERAPIST);
        }
        assertThat(BillingCapacity.THERAPIST.physicianOrQhp()).isFalse();
        assertThat(BillingCapacity.THERAPIST.billsRtmDirectly()).isTrue();
    }

    @Test
    void nursesAndAssistantsAreClinicalStaff() {
        for (String staff : new String[] {"RN", "LPN", "LVN", "MA", "CMA", "PTA", "OTA", "PharmD", "RD", "LCSW", "CHW"}) {
            assertThat(Credentials.capacity(staff)).as(staff).contains(BillingCapacity.CLINICAL_STAFF);
        }
        assertThat(BillingCapacity.CLINICAL_STAFF.physicianOrQhp()).isFalse();
        assertThat(BillingCapacity.CLINICAL_STAFF.billsRtmDirectly()).isFalse();
    }

    @Test
    void theStrongestOfSeveralCredentialsCounts() {
        assertThat(Credentials.capacity("RN, NP")).contains(BillingCapacity.NON_PHYSICIAN_PRACTITIONER);
        assertThat(Credentials.capacity("PT, MD")).contains(BillingCapacity.PHYSICIAN);
        assertThat(Credentials.capacity("RN, PT")).contains(BillingCapacity.THERAPIST);
        assertThat(Credentials.capacity(null)).isEmpty();
        assertThat(Credentials.capacity("")).isEmpty();
    }

    @Test
    void onlyTheVocabularyIsAcceptedAndStoredInCanonicalSpelling() {
        assertThat(Credentials.canonical("np, rn")).contains("NP, RN");
        assertThat(Credentials.canonical("pharmd")).contains("PharmD");
        assertThat(Credentials.canonical("MD,MD")).contains("MD");
        assertThat(Credentials.canonical("  ")).contains("");
        assertThat(Credentials.canonical("MD, Wizard")).isEmpty();
        assertThat(Credentials.canonical("M.D.")).isEmpty();
        assertThat(Credentials.canonical("MD,")).as("an empty entry").isEmpty();
    }
}
