package org.vigil.carework.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.vigil.carework.EncounterType;
import tools.jackson.databind.JsonNode;

/**
 * Every editable field of an encounter note (SOAP), for create and replace; left-out fields are
 * cleared. The clinician is the caller's linked clinician profile, never taken from the body.
 */
@Schema(name = "EncounterNoteRequest")
record EncounterNoteRequest(
        @Schema(example = "RPM") @NotNull EncounterType encounterType,
        @Size(max = EncounterNoteRequest.MAX_SECTION) String subjective,
        @Size(max = EncounterNoteRequest.MAX_SECTION) String objective,
        @Size(max = EncounterNoteRequest.MAX_SECTION) String assessment,
        @Size(max = EncounterNoteRequest.MAX_SECTION) String plan,
        @Size(max = EncounterNoteRequest.MAX_SECTION) String additionalNotes,
        @Schema(description = "An alert of this patient the encounter was about") @Size(max = 64) String alertId,
        @Schema(type = "object", example = "{\"systolic\": 142, \"diastolic\": 91}",
                description = "The readings the note relies on: a JSON object of at most 16 KiB, nested at most 8 levels")
        JsonNode vitalsSnapshot) {

    static final int MAX_SECTION = 20_000;
    static final int MAX_VITALS_BYTES = 16 * 1024;
}
