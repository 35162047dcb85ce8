package org.vigil.tenancy;

import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.tenancy.internal.OrganizationSettingsReader;

/**
 * The branding of an organization's pages (its settings' {@code branding}): the banner logo and
 * the primary colour, both validated when saved and re-checked when read, so what is returned can
 * be written into a page or a stylesheet as it is.
 */
@Component
public class OrganizationBranding {

    /**
     * {@code logoUrl}: a data:image URL or null; {@code primaryColor} #rrggbb or null, with
     * {@code textColor} (#fff or #1b1f23) for text on it; {@code version} of the organization's
     * settings (changes whenever they do).
     */
    public record Look(String logoUrl, String primaryColor, String textColor, long version) {
    }

    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;
    private final OrganizationSettingsReader reader;

    OrganizationBranding(TenantScope tenantScope, JdbcTemplate jdbc, OrganizationSettingsReader reader) {
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
        this.reader = reader;
    }

    /** The organization's look as the member sees it (read in their tenant scope); none when unreadable. */
    public Look of(String organizationId, String userId) {
        return tenantScope.call(organizationId, userId, () -> jdbc.query(
                "SELECT settings::text AS settings, version FROM organizations WHERE id = ?", (rs, n) -> {
                    String[] branding = reader.branding(rs.getString("settings"));
                    return new Look(branding[0], branding[1], branding[2], rs.getLong("version"));
                }, organizationId).stream().findFirst().orElse(new Look(null, null, null, 0)));
    }
}
