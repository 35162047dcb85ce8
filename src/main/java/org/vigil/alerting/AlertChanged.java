package org.vigil.alerting;

import java.time.Instant;

/**
 * Something happened to an alert that open triage screens should know: {@code type} is RAISED,
 * UPDATED (a new trigger of an open alert), CLAIMED, UNCLAIMED, ACKNOWLEDGED, RESOLVED, DISMISSED,
 * SNOOZED or ESCALATED. Ids and states only, no patient data. Published in process; the live
 * stream forwards it to the organization's screens after the change committed.
 */
public record AlertChanged(String organizationId, String alertId, String type, String status, String severity,
        String claimedById, int escalationLevel, Instant at) {
}
