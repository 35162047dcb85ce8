package org.vigil.billing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.billing.BillingRisk;
import org.vigil.billing.engine.Readiness;
import org.vigil.tenancy.OrganizationZones;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/** {@link BillingRisk} from the same evaluation as the readiness endpoints (set-based facts, pure engine). */
@Component
class BillingRiskCounts implements BillingRisk {

    private final TenantScope tenant;
    private final BillingReadiness readiness;
    private final OrganizationZones zones;
    private final RecordAccessAudit audit;
    private final Clock clock;

    BillingRiskCounts(TenantScope tenant, BillingReadiness readiness, OrganizationZones zones, RecordAccessAudit audit,
            Clock clock) {
        this.tenant = tenant;
        this.readiness = readiness;
        this.zones = zones;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Risk thisMonth(TenantPrincipal caller) {
        return tenant.call(caller.organizationId(), caller.userId(), () -> {
            YearMonth month = YearMonth.now(clock.withZone(zones.zoneOf(caller.organizationId())));
            BillingReadiness.Evaluation ev = readiness.evaluate(caller.organizationId(), month, null);
            Set<String> patientsAtRisk = new HashSet<>();
            long enrollmentsAtRisk = 0;
            long enrollmentsNotMet = 0;
            LocalDate next = null;
            for (Readiness.Enrollment e : ev.results()) {
                List<Readiness.CodeResult> atRisk = e.atRisk();
                if (!atRisk.isEmpty()) {
                    enrollmentsAtRisk++;
                    patientsAtRisk.add(e.patientId());
                    for (Readiness.CodeResult c : atRisk) {
                        next = next == null || c.deadline().isBefore(next) ? c.deadline() : next;
                    }
                }
                if (e.codes().stream().anyMatch(c -> c.status() == Readiness.Status.NOT_MET && !atRisk.contains(c))) {
                    enrollmentsNotMet++;
                }
            }
            audit.searched(BillingReadiness.READINESS, ev.patientIds(), Set.of("month", "dashboard"), null);
            return new Risk(month.toString(), ev.today(), patientsAtRisk.size(), enrollmentsAtRisk, enrollmentsNotMet,
                    next, ev.results().size());
        });
    }
}
