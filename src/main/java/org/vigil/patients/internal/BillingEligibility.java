package org.vigil.patients.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An enrollment's billing eligibility, in the seed's documented shape (database-schema-reference.md,
 * Enrollment): {@code eligible} (required), {@code insurance.type} (e.g. "Medicare Part B"),
 * {@code chronicConditions} (ICD-10-CM codes such as I10 or E11.9; labels belong to the patient's
 * diagnoses) and {@code consent}. Stored exactly in this shape, absent parts left out; unknown keys
 * are dropped.
 */
@Schema(name = "BillingEligibility")
@JsonInclude(JsonInclude.Include.NON_NULL)
record BillingEligibility(
        @Schema(example = "true", requiredMode = Schema.RequiredMode.REQUIRED) @NotNull Boolean eligible,
        @Valid Insurance insurance,
        @Schema(example = "[\"I10\", \"E11.9\"]") @Size(max = 50)
        List<@NotNull @Pattern(regexp = ICD10, message = "must be an ICD-10-CM code such as I10 or E11.9") String> chronicConditions,
        @Schema(example = "true", description = "Documented consent to the program, including cost sharing") Boolean consent) {

    /** Letter, digit, letter-or-digit, then optionally a dot and one to four letters or digits. */
    static final String ICD10 = "^[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$";

    @Schema(name = "BillingEligibilityInsurance")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Insurance(@Schema(example = "Medicare Part B") @NotBlank @Size(max = 100) String type) {
    }
}
