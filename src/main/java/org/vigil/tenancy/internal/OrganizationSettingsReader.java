package org.vigil.tenancy.internal;

import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads the typed settings for the tenancy module's public services (see {@code AlertSlas}). */
@Component
public class OrganizationSettingsReader {

    private final SettingsJson settingsJson;

    OrganizationSettingsReader(SettingsJson settingsJson) {
        this.settingsJson = settingsJson;
    }

    /** SLA minutes per severity, defaults filled in. */
    public Map<String, Integer> slaMinutes(String storedSettings) {
        return settingsJson.read(null, storedSettings).slaMinutes();
    }
}
