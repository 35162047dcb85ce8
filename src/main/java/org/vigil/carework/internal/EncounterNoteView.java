package org.vigil.carework.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.vigil.carework.EncounterType;
import tools.jackson.databind.JsonNode;

/** An encounter note as the API returns it; {@code isLocked} once attested. */
record EncounterNoteView(String id, String patientId, String clinicianId, String alertId, EncounterType encounterType,
        String subjective, String objective, String assessment, String plan, String additionalNotes,
        @Schema(type = "object") JsonNode vitalsSnapshot, boolean isLocked, String attestedById, Instant attestedAt,
        Instant createdAt, Instant updatedAt, long version) {
}
