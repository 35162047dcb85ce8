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

    /** The validated branding (logo data URL, #rrggbb colour, the text colour on it), parts null when unset. */
    public String[] branding(String storedSettings) {
        Branding branding = settingsJson.read(null, storedSettings).branding();
        return new String[] {branding.logoUrl(), branding.primaryColor(),
                branding.primaryColor() == null ? null : Branding.textOn(branding.primaryColor())};
    }
}
