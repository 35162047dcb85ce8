package org.vigil.carework.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.vigil.carework.ViewType;
import tools.jackson.databind.JsonNode;

/** A saved view as the API returns it; {@code owned}: the caller's own (only the owner may change it). */
record SavedViewView(String id, String userId, boolean owned, String name, String description, ViewType viewType,
        @Schema(type = "object") JsonNode filters, @Schema(type = "object") JsonNode displayConfig,
        boolean isShared, boolean isDefault, int usageCount, Instant lastUsedAt, Instant createdAt,
        Instant updatedAt, long version) {
}
