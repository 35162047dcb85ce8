package org.vigil.patients.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.vigil.patients.CareProgramType;
import org.vigil.patients.ConsentMethod;
import org.vigil.patients.ConsentType;

/**
 * A consent as documented: what (type; for PROGRAM, which kind of program), when, how, and whether
 * the Part B cost-sharing was disclosed and acknowledged (CMS requires it for the care-management
 * codes, billing-and-clinical-codes.md: "Patient consent must disclose the cost-sharing").
 */
record ConsentRequest(@NotNull ConsentType type, CareProgramType programType,
        @NotNull @PastOrPresent LocalDate consentedOn, @NotNull ConsentMethod method,
        @NotNull Boolean costSharingAcknowledged) {
}
