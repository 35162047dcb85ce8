package org.vigil.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Free-form JSON the server stores without interpreting (a care program's settings, a note's vitals
 * snapshot, a saved view's filters): it must be a JSON object of bounded size and nesting, so no
 * client can park megabytes or pathological nesting in a row.
 */
public final class BoundedJson {

    public static final int MAX_DEPTH = 8;

    private BoundedJson() {
    }

    /** Why {@code value} is refused, or empty when it is acceptable (null counts as absent). */
    public static Optional<String> problem(JsonNode value, int maxBytes) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            return Optional.of("must be a JSON object");
        }
        if (value.toString().getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            return Optional.of("must be at most " + maxBytes + " bytes of JSON");
        }
        if (depth(value) > MAX_DEPTH) {
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
