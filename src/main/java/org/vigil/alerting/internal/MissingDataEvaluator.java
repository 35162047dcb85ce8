package org.vigil.alerting.internal;

import org.springframework.stereotype.Component;

/** The alerting module's entry for the public {@code MissingDataCheck}. */
@Component
public class MissingDataEvaluator {

    private final RuleEvaluation evaluation;

    MissingDataEvaluator(RuleEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    public int check(String organizationId) {
        return evaluation.missingData(organizationId);
    }
}
