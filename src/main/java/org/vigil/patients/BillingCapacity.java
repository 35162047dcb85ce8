package org.vigil.patients;

/**
 * In what capacity a clinician's time can be billed, derived from their credentials.
 * <ul>
 * <li>{@code PHYSICIAN} (MD, DO) and {@code NON_PHYSICIAN_PRACTITIONER} (NP, PA, CNS, CNM: the
 * "other qualified health care professional" of the CPT descriptors) may bill the codes that count
 * only the billing practitioner's personal time: 99091 (billing-rules-verified.md row 7), 99491 and
 * 99437 (row 8), 99424/99425 (§C rule 19).</li>
 * <li>{@code THERAPIST} (PT, OT, SLP) bills remote therapeutic monitoring directly (row 7, §C rule
 * 15) but not the physician/QHP care-management codes.</li>
 * <li>{@code CLINICAL_STAFF} (RN, LPN, MA…) furnishes time that counts toward the clinical-staff
 * codes (99457/99458/99470, 99490/99439, 99487/99489, 99426/99427) incident-to under general
 * supervision (rows 7–8), never toward the personal-time codes.</li>
 * </ul>
 */
public enum BillingCapacity {
    PHYSICIAN(true, true),
    NON_PHYSICIAN_PRACTITIONER(true, true),
    THERAPIST(false, true),
    CLINICAL_STAFF(false, false);

    private final boolean physicianOrQhp;
    private final boolean billsRtmDirectly;

    BillingCapacity(boolean physicianOrQhp, boolean billsRtmDirectly) {
        this.physicianOrQhp = physicianOrQhp;
        this.billsRtmDirectly = billsRtmDirectly;
    }

    /** May bill the physician/QHP personal-time codes (99091, 99491, 99437, 99424, 99425). */
    public boolean physicianOrQhp() {
        return physicianOrQhp;
    }

    /** May bill RTM (98975–98986) in their own name. */
    public boolean billsRtmDirectly() {
        return billsRtmDirectly;
    }
}
