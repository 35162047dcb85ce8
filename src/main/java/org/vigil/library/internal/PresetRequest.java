package org.vigil.library.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * An organization's condition preset as edited: its fields and, replaced as a whole, its
 * diagnoses, assessment templates (with frequency in days as a String, "7" = weekly, per the seed)
 * and alert rules (with priority).
 */
record PresetRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @Size(max = 100) String category,
        Map<String, Object> clinicalGuidelines,
        Boolean isActive,
        @NotNull @Size(max = 50) List<@NotNull @Valid Diagnosis> diagnoses,
        @NotNull @Size(max = 50) List<@NotNull @Valid Template> templates,
        @NotNull @Size(max = 100) List<@NotNull @Valid Rule> alertRules) {

    record Diagnosis(@NotBlank @Size(max = 10) String icd10, @Size(max = 20) @Pattern(regexp = "^[0-9]{6,18}$",
            message = "must be a SNOMED CT concept id (6 to 18 digits)") String snomed,
            @NotBlank @Size(max = 300) String label, Boolean isPrimary) {
    }

    record Template(@NotBlank @Size(max = 64) String templateId,
            @NotBlank @Pattern(regexp = "^[1-9][0-9]{0,2}$", message = "must be a number of days from 1 to 999, as a string")
            String frequency,
            Boolean isRequired, @Min(0) @Max(1000) Integer displayOrder) {
    }

    record Rule(@NotBlank @Size(max = 64) String alertRuleId, @NotNull @Min(0) @Max(10) Integer priority,
            Boolean isEnabled) {
    }
}
