package org.vigil.library.internal;

import java.time.Instant;
import org.vigil.library.AlertSeverity;
import tools.jackson.databind.JsonNode;

/** An alert rule as the API returns it. */
record RuleView(String id, String organizationId, String sourceRuleId, String name, String description,
        String category, AlertSeverity severity, int priority, JsonNode conditions, JsonNode actions,
        int cooldownMinutes, String clinicalEvidence, boolean isStandardized, boolean isActive, Instant updatedAt) {
}
