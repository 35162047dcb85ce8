package org.vigil.library.internal;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** An assessment template with its items, as the API returns it. */
record TemplateView(String id, String organizationId, String sourceTemplateId, String key, String name, String description,
        String category, String loincCode, JsonNode scoring, String copyrightInfo, boolean isStandardized,
        boolean isActive, List<Item> items, Instant updatedAt) {

    record Item(String id, String metricDefinitionId, String metricKey, String metricName, int displayOrder,
            boolean isRequired, String helpText, String defaultValue, JsonNode flagRule) {
    }
}
