package org.vigil.monitoring;

import java.time.Instant;

/**
 * A questionnaire was completed and scored (published in the storing transaction; the event
 * publication registry keeps it until the rules that look at questionnaires have been evaluated).
 * Ids and the template's key only.
 */
public record AssessmentCompleted(String organizationId, String patientId, String templateKey, Instant completedAt) {
}
