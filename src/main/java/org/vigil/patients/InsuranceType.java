package org.vigil.patients;

/**
 * The payer category of a patient's insurance ({@code insuranceInfo.type}). Billing reads it:
 * the CMS care-management codes are Medicare Part B services (also billed under Medicare
 * Advantage plans that follow them).
 */
public enum InsuranceType {
    MEDICARE_PART_B,
    MEDICARE_ADVANTAGE,
    MEDICAID,
    COMMERCIAL,
    TRICARE,
    SELF_PAY,
    OTHER
}
