package org.vigil.library.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.vigil.library.ValueType;

/**
 * A metric definition as edited. {@code alternativeUnits} convert to the canonical {@code unit}:
 * canonical = value × factor + offset (offset for temperature scales). Ranges: the normal range
 * drives charts and default thresholds; a value outside the plausible range is refused at
 * ingestion as a device or entry error. Categorical and ordinal metrics list their options.
 */
record MetricRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z][a-z0-9_]*$",
                message = "must be lower case letters, digits and underscores, starting with a letter") String key,
        @NotBlank @Size(max = 200) String displayName,
        @Size(max = 2000) String description,
        @Size(max = 100) String category,
        @NotNull ValueType valueType,
        @Size(max = 32) String unit,
        @Size(max = 10) List<@NotNull @Valid AlternativeUnit> alternativeUnits,
        BigDecimal normalMin, BigDecimal normalMax, BigDecimal plausibleMin, BigDecimal plausibleMax,
        @Min(0) @Max(6) Integer decimalPrecision,
        @Pattern(regexp = "^[0-9]{1,6}-[0-9]$", message = "must be a LOINC code such as 8480-6") String loincCode,
        @Pattern(regexp = "^[0-9]{6,18}$", message = "must be a SNOMED CT concept id (6 to 18 digits)") String snomedCode,
        @Size(max = 50) List<@NotNull @Valid Option> options,
        @Valid Panel panel,
        Boolean isActive) {

    /** The panel the metric is a component of: blood pressure (85354-9) has systolic and diastolic. */
    record Panel(@NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z][a-z0-9_]*$",
                    message = "must be lower case letters, digits and underscores, starting with a letter") String key,
            @Pattern(regexp = "^[0-9]{1,6}-[0-9]$", message = "must be a LOINC code such as 85354-9") String loincCode,
            @NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z][a-zA-Z0-9]*$",
                    message = "must be a name such as systolic") String component) {
    }

    record AlternativeUnit(@NotBlank @Size(max = 32) String unit,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") BigDecimal factor,
            BigDecimal offset) {
    }

    record Option(@NotBlank @Size(max = 64) String value, @NotBlank @Size(max = 200) String label, BigDecimal score) {
    }
}
