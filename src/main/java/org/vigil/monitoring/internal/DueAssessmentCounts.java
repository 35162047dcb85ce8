package org.vigil.monitoring.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.monitoring.DueAssessments;
import org.vigil.tenancy.OrganizationZones;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/** {@link DueAssessments} in one query (index scheduled_assessments (organization_id, status, due_at)). */
@Component
class DueAssessmentCounts implements DueAssessments {

    private final TenantScope tenantScope;
    private final OrganizationZones zones;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DueAssessmentCounts(TenantScope tenantScope, OrganizationZones zones, JdbcTemplate jdbc, Clock clock) {
        this.tenantScope = tenantScope;
        this.zones = zones;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Due today(TenantPrincipal caller) {
        Instant now = clock.instant();
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            ZoneId zone = zones.zoneOf(caller.organizationId());
            Instant endOfToday = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
            return jdbc.queryForObject("""
                    SELECT count(*) FILTER (WHERE due_at < ?), count(*) FILTER (WHERE due_at >= ?),
                           count(DISTINCT patient_id)
                      FROM scheduled_assessments
                     WHERE organization_id = ? AND status IN ('PENDING', 'IN_PROGRESS', 'OVERDUE') AND due_at < ?""",
                    (rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3)), Timestamp.from(now),
                    Timestamp.from(now), caller.organizationId(), Timestamp.from(endOfToday));
        });
    }
}
