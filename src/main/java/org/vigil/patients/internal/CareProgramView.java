package org.vigil.patients.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.vigil.patients.CareProgramType;
import tools.jackson.databind.JsonNode;

/** A care program as the API shows it. */
@Schema(name = "CareProgram")
record CareProgramView(String id, String name, CareProgramType type, String description,
        @Schema(type = "object") JsonNode settings, boolean isActive, long version, Instant createdAt, Instant updatedAt) {
}
