package org.vigil.monitoring.internal;

import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A stored assessment with the score, band and flags computed on the server. */
record AssessmentView(String id, String patientId, String templateId, String enrollmentId, JsonNode responses,
        BigDecimal score, String scoreBand, JsonNode scoreDetails, Instant completedAt, String submittedById) {
}
