package org.vigil.patients.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.vigil.patients.CareProgramType;
import tools.jackson.databind.JsonNode;

/**
 * Every editable field of a care program, for create and replace; left-out optional fields are
 * cleared ({@code settings} becomes {}). The active flag changes only through
 * {@code /deactivate} and {@code /reactivate}.
 */
@Schema(name = "CareProgramRequest")
record CareProgramRequest(
        @Schema(example = "Hypertension RPM", description = "Unique in the organization (compared without case)")
        @NotBlank @Size(max = 200) String name,
        @Schema(example = "REMOTE_PATIENT_MONITORING") @NotNull CareProgramType type,
        @Schema(example = "Home blood-pressure monitoring for uncontrolled hypertension") @Size(max = 4000) String description,
        @Schema(type = "object", example = "{\"goal\": \"BP under 130/80\"}",
                description = "A JSON object of at most 16 KiB, nested at most 8 levels; no key is interpreted by the server yet")
        JsonNode settings) {
}
