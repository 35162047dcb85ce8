package org.vigil.patients.internal;

import java.util.ArrayList;
import java.util.List;
import org.vigil.patients.InsuranceType;

/**
 * The billing-eligibility result the enrollment form shows and stores ({@link BillingEligibility}):
 * eligible when the patient documented consent (including the cost sharing), is covered by Medicare
 * (Part B, or a Medicare Advantage plan following it: the care-management codes are Part B
 * services) and has enough chronic conditions for the billing program (two for chronic care
 * management, one otherwise). Each unmet requirement is one readable reason.
 */
record EligibilityCheck(boolean eligible, List<String> reasons) {

    static EligibilityCheck of(String billingProgramType, InsuranceType insurance, int chronicConditions,
            boolean consent) {
        List<String> reasons = new ArrayList<>();
        if (!consent) {
            reasons.add("No documented consent to the program and its cost sharing.");
        }
        if (insurance == null) {
            reasons.add("No insurance type is given.");
        } else if (insurance != InsuranceType.MEDICARE_PART_B && insurance != InsuranceType.MEDICARE_ADVANTAGE) {
            reasons.add("The care-management codes are Medicare Part B services; " + label(insurance)
                    + " is not Medicare.");
        }
        int needed = "CCM".equals(billingProgramType) ? 2 : 1;
        if (chronicConditions < needed) {
            reasons.add(needed == 2 ? "Chronic care management needs at least two chronic conditions."
                    : "At least one chronic condition (from the patient's diagnoses) must be chosen.");
        }
        return new EligibilityCheck(reasons.isEmpty(), List.copyOf(reasons));
    }

    /** The wording stored in {@code insurance.type} (e.g. "Medicare Part B"). */
    static String label(InsuranceType insurance) {
        return switch (insurance) {
            case MEDICARE_PART_B -> "Medicare Part B";
            case MEDICARE_ADVANTAGE -> "Medicare Advantage";
            case MEDICAID -> "Medicaid";
            case COMMERCIAL -> "Commercial";
            case TRICARE -> "TRICARE";
            case SELF_PAY -> "Self-pay";
            case OTHER -> "Other";
        };
    }
}
