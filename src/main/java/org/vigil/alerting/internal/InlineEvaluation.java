package org.vigil.alerting.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vigil.alerting.AlertEvaluation;
import org.vigil.monitoring.ReadingsStoredInTransaction;

/**
 * Evaluates readings sent one at a time inside the transaction that stores them (a synchronous
 * listener): the alerts commit with the readings or not at all, with no event publication to
 * write, mark and delete and no second transaction — under single-reading POSTs that is most of a
 * request's database work and all but one of its WAL flushes. While evaluation is paused the
 * readings' {@code ReadingsRecorded} is published in the transaction instead, so the registry holds
 * it. If the evaluation fails it throws {@link ReadingsStoredInTransaction.NotEvaluated}: the whole
 * transaction is rolled back and ingestion stores the readings again with {@code ReadingsRecorded},
 * evaluated after commit like a batch's (rather than a savepoint around every evaluation: two
 * statements per transaction for a failure that should not happen).
 */
@Component
class InlineEvaluation {

    private static final Logger log = LoggerFactory.getLogger(InlineEvaluation.class);

    private final RuleEvaluation evaluation;
    private final AlertEvaluation control;
    private final ApplicationEventPublisher events;

    InlineEvaluation(RuleEvaluation evaluation, AlertEvaluation control, ApplicationEventPublisher events) {
        this.evaluation = evaluation;
        this.control = control;
        this.events = events;
    }

    @EventListener
    void on(ReadingsStoredInTransaction stored) {
        if (control.isPaused()) {
            events.publishEvent(stored.readings());
            return;
        }
        try {
            evaluation.onReadingsInTransaction(stored.readings(), stored.activeEnrollments());
        } catch (RuntimeException e) {
            // ids and types only: no values in logs
            log.warn("Evaluation inside the ingestion transaction failed ({}); the readings are stored again and "
                    + "evaluated after commit", e.getClass().getSimpleName());
            throw new ReadingsStoredInTransaction.NotEvaluated(e);
        }
    }
}
