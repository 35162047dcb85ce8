package org.vigil.patients.internal;

import java.nio.charset.StandardCharsets;
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
    static final int MAX_DEPTH = 8;

    private ProgramSettings() {
    }

    /** Why {@code settings} is refused, or empty when it is acceptable (null means "{}"). */
    static Optional<String> problem(JsonNode settings) {
        if (settings == null || settings.isNull()) {
            return Optional.empty();
        }
        if (!settings.isObject()) {
            return Optional.of("must be a JSON object");
        }
        if (settings.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes of JSON");
        }
        if (depth(settings) > MAX_DEPTH) {
            return Optional.of("must be nested at most " + MAX_DEPTH + " levels deep");
        }
        return Optional.empty();
    }

    private static int depth(JsonNode node) {
        if (!node.isContainer()) {
            return 0;
        }
        int deepest = 0;
        for (JsonNode child : node.values()) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest + 1;
    }
}
