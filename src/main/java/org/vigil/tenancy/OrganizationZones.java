package org.vigil.tenancy;

import java.time.ZoneId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The time zone an organization's days are counted in (its settings; America/New_York by default):
 * a reading's local date, a dose's day, a billing month all use it, never the server's zone. Call
 * inside the organization's {@link TenantScope}.
 */
@Component
public class OrganizationZones {

    private final JdbcTemplate jdbc;

    OrganizationZones(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ZoneId zoneOf(String organizationId) {
        return jdbc.query("SELECT time_zone FROM organizations WHERE id = ?", (rs, n) -> rs.getString(1), organizationId)
                .stream().findFirst().filter(zone -> zone != null && !zone.isBlank()).map(ZoneId::of)
                .orElse(ZoneId.of("America/New_York"));
    }
}
