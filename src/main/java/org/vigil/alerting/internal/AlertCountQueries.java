package org.vigil.alerting.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.alerting.AlertCounts;
import org.vigil.library.AlertSeverity;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/** {@link AlertCounts} in one grouped query over the organization's open alerts. */
@Component
class AlertCountQueries implements AlertCounts {

    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;
    private final AlertRows alerts;
    private final Clock clock;

    AlertCountQueries(TenantScope tenantScope, JdbcTemplate jdbc, AlertRows alerts, Clock clock) {
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public Counts of(TenantPrincipal caller) {
        Instant now = clock.instant();
        Timestamp claimValidAfter = Timestamp.from(now.minus(alerts.claimTimeout()));
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Map<String, Long> bySeverity = new LinkedHashMap<>();
            for (int i = AlertSeverity.values().length - 1; i >= 0; i--) {
                bySeverity.put(AlertSeverity.values()[i].name(), 0L);
            }
            long[] totals = new long[4];
            jdbc.query("""
                    SELECT severity, count(*),
                           count(*) FILTER (WHERE claimed_by_id IS NULL OR claimed_at <= ?),
                           count(*) FILTER (WHERE sla_breach_time <= ?),
                           count(*) FILTER (WHERE claimed_by_id = ? AND claimed_at > ?)
                      FROM alerts WHERE organization_id = ? AND status IN ('PENDING', 'ACKNOWLEDGED')
                     GROUP BY severity""", rs -> {
                bySeverity.put(rs.getString(1), rs.getLong(2));
                for (int i = 0; i < 4; i++) {
                    totals[i] += rs.getLong(i + 2);
                }
            }, claimValidAfter, Timestamp.from(now), caller.userId(), claimValidAfter, caller.organizationId());
            return new Counts(bySeverity, totals[0], totals[1], totals[2], totals[3]);
        });
    }
}
