package org.vigil.billing.engine;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.vigil.billing.engine.Catalog.CodeRule;
import org.vigil.billing.engine.Catalog.Program;
import org.vigil.billing.engine.Catalog.RuleKind;
import org.vigil.billing.engine.Readiness.CodeResult;
import org.vigil.billing.engine.Readiness.Status;

/** The APCM level codes of an enrollment's month: the first level that fits is met, the others do not apply. */
final class ApcmLevel {

    private final EnrollmentMonth s;
    private final CodeResults results;

    ApcmLevel(EnrollmentMonth s, CodeResults results) {
        this.s = s;
        this.results = results;
    }

    /** APCM level by chronic conditions and QMB status (verified row 10, §C rule 21). */
    List<CodeResult> codes(Program v) {
        Facts.Patient patient = s.patient();
        int conditions = s.currentDiagnoses().size();
        boolean qmb = patient.insurance() != null && patient.insurance().qualifiedMedicareBeneficiary();
        List<CodeResult> out = new ArrayList<>();
        YearMonth m = s.month();
        String level = null;
        for (CodeRule c : v.codes()) {
            if (c.rule() != RuleKind.APCM_LEVEL) {
                continue;
            }
            boolean fits = conditions >= c.minConditions() && (c.maxConditions() == null || conditions <= c.maxConditions())
                    && (c.qmb() == null || c.qmb() == qmb);
            if (fits && level == null) {
                level = c.code();
            }
        }
        for (CodeRule c : v.codes()) {
            if (c.rule() != RuleKind.APCM_LEVEL) {
                continue;
            }
            String facts = conditions + " current chronic condition" + (conditions == 1 ? "" : "s") + (qmb ? ", QMB" : ", not QMB");
            out.add(c.code().equals(level)
                    ? results.monthCode(c, v, m, Status.MET, facts + " (" + c.source() + ")", null, 1)
                    : results.monthCode(c, v, m, Status.NOT_APPLICABLE, facts + ": the level is " + level + " (" + c.source() + ")",
                            null, 0));
        }
        return out;
    }
}
