package org.vigil.tenancy;

import java.time.Duration;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.tenancy.internal.OrganizationSettingsReader;

/**
 * How long an organization gives itself to act on an alert of each severity (its settings'
 * {@code slaMinutes}; defaults CRITICAL 30, HIGH 120, MEDIUM 480, LOW 1440 minutes). Call inside
 * the organization's {@link TenantScope}.
 */
@Component
public class AlertSlas {

    private final JdbcTemplate jdbc;
    private final OrganizationSettingsReader reader;

    AlertSlas(JdbcTemplate jdbc, OrganizationSettingsReader reader) {
        this.jdbc = jdbc;
        this.reader = reader;
    }

    /** Minutes per severity name (LOW, MEDIUM, HIGH, CRITICAL), every severity present. */
    public Map<String, Integer> minutesOf(String organizationId) {
        String stored = jdbc.query("SELECT settings::text FROM organizations WHERE id = ?", (rs, n) -> rs.getString(1),
                organizationId).stream().findFirst().orElse(null);
        return reader.slaMinutes(stored);
    }

    public Duration of(String organizationId, String severity) {
        return Duration.ofMinutes(minutesOf(organizationId).get(severity));
    }
}
