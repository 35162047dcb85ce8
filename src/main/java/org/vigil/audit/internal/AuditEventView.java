package org.vigil.audit.internal;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One audit log entry as the search returns it. */
record AuditEventView(String id, Instant createdAt, String userId, String action, String resourceType,
        String resourceId, String patientId, String outcome, String ipAddress, String userAgent, boolean hipaaRelevant,
        JsonNode details) {
}
