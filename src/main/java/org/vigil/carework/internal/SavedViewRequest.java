package org.vigil.carework.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.vigil.carework.ViewType;
import tools.jackson.databind.JsonNode;

/** Every editable field of a saved view, for create and replace; left-out optional fields are cleared. */
@Schema(name = "SavedViewRequest")
record SavedViewRequest(
        @Schema(example = "My overdue high-priority tasks", description = "Unique among the caller's views")
        @NotBlank @Size(max = 100) String name,
        @Size(max = 500) String description,
        @Schema(example = "TASK_LIST") @NotNull ViewType viewType,
        @Schema(type = "object", example = "{\"assignedTo\": \"me\", \"overdue\": true}",
                description = "The list's filters: a JSON object of at most 8 KiB, nested at most 8 levels")
        JsonNode filters,
        @Schema(type = "object", example = "{\"columns\": [\"title\", \"dueDate\"], \"sort\": \"dueDate\"}",
                description = "How the list is shown: a JSON object of at most 8 KiB, nested at most 8 levels")
        JsonNode displayConfig,
        @Schema(description = "Visible (read-only) to every member of the organization; default false")
        Boolean isShared,
        @Schema(description = "The caller's default view of this type; setting it clears the previous default")
        Boolean isDefault) {

    static final int MAX_JSON_BYTES = 8 * 1024;
}
