package org.vigil.tenancy.internal;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.shared.web.ApiProblem;
import org.vigil.tenancy.OrganizationSettingsChanged;
import org.vigil.tenancy.TenantScope;

/**
 * Reads and replaces the settings of the caller's organization, with optimistic concurrency on
 * {@code organizations.version}: a replacement names the version it was based on and fails if
 * anyone changed the organization since.
 */
@Service
class OrganizationSettingsService {

    record Versioned(OrganizationSettings settings, long version) {
    }

    private record Row(String timeZone, String settings, long version) {
    }

    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;
    private final SettingsJson settingsJson;
    private final ApplicationEventPublisher events;

    OrganizationSettingsService(TenantScope tenantScope, JdbcTemplate jdbc, SettingsJson settingsJson,
            ApplicationEventPublisher events) {
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
        this.settingsJson = settingsJson;
        this.events = events;
    }

    Versioned read(String organizationId, String userId) {
        return tenantScope.call(organizationId, userId, () -> {
            Row row = row(organizationId, "");
            return new Versioned(settingsJson.read(row.timeZone(), row.settings()), row.version());
        });
    }

    Versioned replace(String organizationId, String userId, long expectedVersion, OrganizationSettings next) {
        return replace(organizationId, userId, expectedVersion, next, false);
    }

    /** As {@link #replace}, keeping the stored branding when {@code keepBranding} (a request without it). */
    Versioned replace(String organizationId, String userId, long expectedVersion, OrganizationSettings next,
            boolean keepBranding) {
        return tenantScope.call(organizationId, userId, () -> {
            Row row = row(organizationId, " FOR UPDATE");
            if (row.version() != expectedVersion) {
                throw IfMatch.stale();
            }
            OrganizationSettings current = settingsJson.read(row.timeZone(), row.settings());
            OrganizationSettings replacement = keepBranding ? next.withBranding(current.branding()) : next;
            List<String> changed = replacement.changedFrom(current);
            if (changed.isEmpty()) {
                return new Versioned(replacement, row.version());
            }
            jdbc.update("UPDATE organizations SET time_zone = ?, settings = ?::jsonb, version = version + 1 "
                    + "WHERE id = ? AND version = ?", replacement.timeZone(), settingsJson.write(row.settings(), replacement),
                    organizationId, expectedVersion);
            events.publishEvent(new OrganizationSettingsChanged(organizationId, userId, changed));
            return new Versioned(replacement, row.version() + 1);
        });
    }

    private Row row(String organizationId, String lock) {
        return jdbc.query("SELECT time_zone, settings::text AS settings, version FROM organizations WHERE id = ?" + lock,
                (rs, n) -> new Row(rs.getString("time_zone"), rs.getString("settings"), rs.getLong("version")),
                organizationId).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("organization"));
    }
}
