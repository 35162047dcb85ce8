package org.vigil.audit.internal;

import tools.jackson.databind.json.JsonMapper;
import java.util.Map;

/** The {@code details} JSON of a platform-administration audit entry. */
final class PlatformAdministrationDetails {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlatformAdministrationDetails() {
    }

    static String json(String reason) {
        return JSON.writeValueAsString(Map.of("reason", reason));
    }
}
