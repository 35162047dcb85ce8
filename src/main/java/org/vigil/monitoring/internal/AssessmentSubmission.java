package org.vigil.monitoring.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A completed questionnaire: the template, the answers keyed by item metric key (numbers for
 * numeric/ordinal items, option values for categorical ones, true/false for booleans), when it was
 * completed, and optionally the enrollment and the scheduled assessment it fulfils.
 */
record AssessmentSubmission(@NotBlank @Size(max = 64) String templateId,
        @NotNull @Size(min = 1, max = 200) Map<String, JsonNode> answers, Instant completedAt,
        @Size(max = 64) String enrollmentId, @Size(max = 64) String scheduledAssessmentId,
        @Size(max = 2000) String notes) {
}
