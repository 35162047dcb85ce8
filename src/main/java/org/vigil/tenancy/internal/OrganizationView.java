package org.vigil.tenancy.internal;

import java.time.Instant;
import org.vigil.tenancy.OrganizationType;

/** An organization as the platform administration sees it. */
record OrganizationView(String id, String name, OrganizationType type, String domain, String email, String phone,
        String address, String website, String timeZone, boolean active, OrganizationSettings settings, long version,
        Instant createdAt) {

    static OrganizationView of(Organization organization, SettingsJson settingsJson) {
        return new OrganizationView(organization.getId(), organization.getName(), organization.getType(),
                organization.getDomain(), organization.getEmail(), organization.getPhone(), organization.getAddress(),
                organization.getWebsite(), organization.getTimeZone(), organization.isActive(),
                settingsJson.read(organization.getTimeZone(), organization.getSettings()), organization.getVersion(),
                organization.getCreatedAt());
    }
}
