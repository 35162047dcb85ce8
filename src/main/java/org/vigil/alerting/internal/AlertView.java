package org.vigil.alerting.internal;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An alert as the triage queue shows it. {@code claimedById} is the user holding an unexpired
 * claim (null when unclaimed or expired; {@code claimExpiresAt} says until when the claim holds);
 * {@code slaBreached}: open and past {@code slaBreachTime}.
 */
public record AlertView(String id, String patientId, String ruleId, String clinicianId, String enrollmentId,
        String status, String severity, int priority, String message, JsonNode details, Double riskScore,
        Integer priorityRank, Instant slaBreachTime, boolean slaBreached, String claimedById, Instant claimedAt,
        Instant claimExpiresAt, Instant triggeredAt, Instant lastTriggeredAt, int triggerCount, Instant acknowledgedAt,
        Instant resolvedAt, String resolvedById, String resolutionNotes, String actionTaken, Instant snoozedUntil,
        int escalationLevel, Instant escalatedAt, long version) {
}
