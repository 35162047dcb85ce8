package org.vigil.alerting.internal;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.vigil.alerting.AlertEvaluation;
import org.vigil.monitoring.ReadingsRecorded;

/**
 * Evaluates the rules after readings, or a completed questionnaire, are committed. A transactional (after-commit) listener, so
 * Spring Modulith's event publication registry recorded the event in the readings' own transaction
 * and marks it complete only when this method returns: an evaluation lost to a crash, an error or a
 * pause is resubmitted (on restart, with {@code republish-outstanding-events-on-restart}, or by
 * {@link AlertEvaluation#resume()}). Not {@code @ApplicationModuleListener}: that opens a
 * transaction of its own, and the evaluation must run in the organization's tenant scope (which
 * starts its own, row-level-secured transaction).
 */
@Component
class ReadingsListener {

    private final RuleEvaluation evaluation;
    private final AlertEvaluation control;
    private final EvaluationBatcher batcher;

    ReadingsListener(RuleEvaluation evaluation, AlertEvaluation control) {
        this.evaluation = evaluation;
        this.control = control;
        this.batcher = new EvaluationBatcher(evaluation::onReadings);
    }

    @Async
    @TransactionalEventListener
    void on(ReadingsRecorded event) {
        control.requireRunning();
        // evaluated together with the organization's other events queued meanwhile
        batcher.evaluate(event);
    }

    /** A completed questionnaire: the rules on its score and items (PHQ-9 item 9 > 0 …). */
    @Async
    @TransactionalEventListener
    void on(org.vigil.monitoring.AssessmentCompleted event) {
        control.requireRunning();
        evaluation.onAssessment(event);
    }
}
