package org.vigil.patients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Care-program settings: a JSON object of at most 16 KiB, nested at most 8 levels. */
class ProgramSettingsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void objectsWithinTheBoundsAreAccepted() {
        assertThat(ProgramSettings.problem(null)).isEmpty();
        assertThat(ProgramSettings.problem(JSON.readTree("{}"))).isEmpty();
        assertThat(ProgramSettings.problem(JSON.readTree("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":{\"h\":1}}}}}}}}")))
                .as("8 levels").isEmpty();
        assertThat(ProgramSettings.problem(JSON.readTree("{\"x\":\"" + "y".repeat(16 * 1024 - 10) + "\"}"))).isEmpty();
    }

    @Test
    void otherShapesAndOversizedObjectsAreRefused() {
        assertThat(ProgramSettings.problem(JSON.readTree("[1,2]"))).contains("must be a JSON object");
        assertThat(ProgramSettings.problem(JSON.readTree("\"text\""))).contains("must be a JSON object");
        assertThat(ProgramSettings.problem(JSON.readTree("{\"x\":\"" + "y".repeat(16 * 1024) + "\"}")))
                .contains("must be at most 16384 bytes of JSON");
        assertThat(ProgramSettings.problem(JSON.readTree("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":{\"h\":[1]}}}}}}}}")))
                .contains("must be nested at most 8 levels deep");
    }
}
