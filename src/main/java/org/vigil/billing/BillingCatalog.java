package org.vigil.billing;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.vigil.billing.internal.BillingProgramRepository;
import org.vigil.billing.internal.CptCode;
import org.vigil.billing.internal.CptCodeRepository;

/**
 * Read access to the global billing-program catalog for other modules. Call it inside the caller's
 * tenant scope ({@code TenantScope}); every tenant may read the catalog.
 */
@Service
public class BillingCatalog {

    private final BillingProgramRepository programs;
    private final CptCodeRepository cptCodes;

    BillingCatalog(BillingProgramRepository programs, CptCodeRepository cptCodes) {
        this.programs = programs;
        this.cptCodes = cptCodes;
    }

    public Optional<BillingProgramInfo> find(String billingProgramId) {
        if (billingProgramId == null) {
            return Optional.empty();
        }
        return programs.findById(billingProgramId).map(program -> {
            List<String> codes = cptCodes.findByBillingProgramId(program.getId()).stream().map(CptCode::getCode).toList();
            return new BillingProgramInfo(program.getId(), program.getCode(), program.getName(),
                    program.getProgramType(), program.isActive(), program.getEffectiveDate(),
                    program.getExpirationDate(), RemoteMonitoring.of(program.getProgramType(), program.getCode(), codes));
        });
    }

    /** The active programs of the catalog (for choosing one), with their remote-monitoring families, by name. */
    public List<BillingProgramInfo> active() {
        return programs.findAll(org.springframework.data.domain.Sort.by("name")).stream()
                .filter(program -> program.isActive())
                .map(program -> find(program.getId()).orElseThrow())
                .toList();
    }
}
