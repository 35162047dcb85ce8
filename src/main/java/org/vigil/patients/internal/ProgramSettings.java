package org.vigil.patients.internal;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A care program's {@code settings}: a JSON object of at most {@value #MAX_BYTES} bytes (as compact
 * JSON) nested at most {@value #MAX_DEPTH} levels deep. No key has a meaning to the server yet; they
 * are stored and returned as given (the monitoring issue will give keys such as an assessment
 * frequency their meaning and validation).
 */
final class ProgramSettings {

    static final int MAX_BYTES = 16 * 1024;
    static final int MAX_DEPTH = org.vigil.shared.web.BoundedJson.MAX_DEPTH;

    private ProgramSettings() {
    }

    /** Why {@code settings} is refused, or empty when it is acceptable (null means "{}"). */
    static Optional<String> problem(JsonNode settings) {
        return org.vigil.shared.web.BoundedJson.problem(settings, MAX_BYTES);
    }
}
