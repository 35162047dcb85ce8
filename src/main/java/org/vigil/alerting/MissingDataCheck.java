package org.vigil.alerting;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.alerting.internal.MissingDataEvaluator;
import org.vigil.tenancy.PlatformScope;

/**
 * The missing-data check: evaluates every rule with a {@code missing_data} leaf for every patient
 * with an ACTIVE enrollment, at the application clock's now. The scheduled job (one node of a
 * cluster at a time, see {@code MissingDataJob}) runs {@link #runOnce()}; tests call
 * {@link #check(String)} for their organization after moving the clock.
 */
@Component
public class MissingDataCheck {

    private static final Logger log = LoggerFactory.getLogger(MissingDataCheck.class);

    private final PlatformScope platform;
    private final JdbcTemplate jdbc;
    private final MissingDataEvaluator evaluator;

    MissingDataCheck(PlatformScope platform, JdbcTemplate jdbc, MissingDataEvaluator evaluator) {
        this.platform = platform;
        this.jdbc = jdbc;
        this.evaluator = evaluator;
    }

    /** Every organization with active enrollments, one tenant transaction each. Returns alerts opened or updated. */
    public int runOnce() {
        List<String> organizations = platform.call(null, "missing-data check: organizations with active enrollments",
                () -> jdbc.queryForList("SELECT DISTINCT organization_id FROM enrollments WHERE status = 'ACTIVE'",
                        String.class));
        int raised = 0;
        for (String organizationId : organizations) {
            try {
                raised += check(organizationId);
            } catch (RuntimeException e) {
                log.warn("Missing-data check failed for organization {}: {}", organizationId,
                        e.getClass().getSimpleName());
            }
        }
        return raised;
    }

    /** One organization's check. Returns the number of alerts opened or updated. */
    public int check(String organizationId) {
        return evaluator.check(organizationId);
    }
}
