package org.vigil.alerting.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import jakarta.persistence.EntityManager;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.vigil.alerting.AlertEvaluation;
import org.vigil.monitoring.ReadingsStoredInTransaction;

/**
 * Evaluates readings sent one at a time inside the transaction that stores them (a synchronous
 * listener): the alerts commit with the readings or not at all, with no event publication to
 * write, mark and delete and no second transaction — under single-reading POSTs that is most of a
 * request's database work and all but one of its WAL flushes. The evaluation runs behind a
 * savepoint: if it fails, its writes are rolled back to the savepoint (the readings stay) and the
 * readings' {@code ReadingsRecorded} is published in the transaction instead, so the registry holds
 * it and they are evaluated after commit like a batch's (also while evaluation is paused).
 */
@Component
class InlineEvaluation {

    private static final Logger log = LoggerFactory.getLogger(InlineEvaluation.class);

    private final RuleEvaluation evaluation;
    private final AlertEvaluation control;
    private final ApplicationEventPublisher events;
    private final DataSource dataSource;
    private final EntityManager entityManager;

    InlineEvaluation(RuleEvaluation evaluation, AlertEvaluation control, ApplicationEventPublisher events,
            DataSource dataSource, EntityManager entityManager) {
        this.evaluation = evaluation;
        this.control = control;
        this.events = events;
        this.dataSource = dataSource;
        this.entityManager = entityManager;
    }

    @EventListener
    void on(ReadingsStoredInTransaction stored) {
        if (control.isPaused()) {
            events.publishEvent(stored.readings());
            return;
        }
        // What the transaction wrote through JPA so far (the audit entry) goes to the database
        // before the savepoint, so that rolling back to it cannot undo a write JPA thinks is done.
        entityManager.flush();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            events.publishEvent(stored.readings());
            return;
        }
        try {
            evaluation.onReadingsInTransaction(stored.readings(), stored.activeEnrollments());
            connection.releaseSavepoint(savepoint);
        } catch (RuntimeException | SQLException e) {
            // ids and types only: no values in logs
            log.warn("Evaluation inside the ingestion transaction failed ({}); the readings are evaluated after commit",
                    e.getClass().getSimpleName());
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollback) {
                // the transaction cannot go on: fail it, the client is told and may resend
                throw new IllegalStateException("could not roll back the failed evaluation", rollback);
            }
            events.publishEvent(stored.readings());
        }
    }
}
