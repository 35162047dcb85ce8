package org.vigil.library.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.vigil.library.AlertSeverity;
import tools.jackson.databind.JsonNode;

/**
 * An organization's alert rule as edited. {@code conditions} is written in the condition language
 * (docs/condition-language.md) and validated on save, with the path of each error; every metric it
 * names must exist in the organization's library.
 */
record RuleRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @Size(max = 100) String category,
        @NotNull AlertSeverity severity,
        @Min(0) @Max(10) Integer priority,
        @NotNull JsonNode conditions,
        Map<String, Object> actions,
        @Min(0) @Max(43_200) Integer cooldownMinutes,
        @Size(max = 2000) String clinicalEvidence,
        Boolean isActive) {
}
