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
 * An organization's assessment template as edited, with its items (the seed's
 * AssessmentTemplateItem: metric, display order, required, help text, default value) replaced as a
 * whole, its scoring specification and each item's flag rule.
 */
record TemplateRequest(
        @Size(max = 64) @Pattern(regexp = "^[a-z][a-z0-9_]*$",
                message = "must be lower case letters, digits and underscores, starting with a letter") String key,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @Size(max = 100) String category,
        @Pattern(regexp = "^[0-9]{1,6}-[0-9]$", message = "must be a LOINC code such as 44249-1") String loincCode,
        Map<String, Object> scoring,
        @Size(max = 2000) String copyrightInfo,
        Boolean isActive,
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Item> items) {

    record Item(@NotBlank @Size(max = 64) String metricDefinitionId, @Min(0) @Max(1000) Integer displayOrder,
            Boolean isRequired, @Size(max = 1000) String helpText, @Size(max = 200) String defaultValue,
            Map<String, Object> flagRule) {
    }
}
