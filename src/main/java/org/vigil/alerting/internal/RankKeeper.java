package org.vigil.alerting.internal;

import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.vigil.shared.concurrent.Coalescer;
import org.vigil.tenancy.TenantScope;

/**
 * Keeps {@code priority_rank} (the organization's open alerts numbered in triage order) after
 * evaluations that run inside a request's transaction: re-ranking updates every open alert of the
 * organization (13 ms with 2,000 open alerts, measured by the ingestion benchmark), too much for
 * each single-reading POST to wait for and to hold the organization's rank lock through its
 * commit. It runs after the commit instead, on another thread, in a transaction of its own;
 * re-rankings asked for while one runs are done once more together ({@link Coalescer}). The rank
 * is derived data: the triage queue orders by the same expression itself, and any later re-rank
 * (the next evaluation that writes alerts, a triage action) repairs one lost to a crash.
 */
@Component
class RankKeeper {

    private static final Logger log = LoggerFactory.getLogger(RankKeeper.class);

    private final Coalescer<String, Boolean, Boolean> reranks;
    private final TaskExecutor executor;

    RankKeeper(TenantScope tenantScope, AlertWriter writer,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.executor = executor;
        this.reranks = new Coalescer<>((organizationId, asks) -> {
            tenantScope.run(organizationId, () -> writer.rerank(organizationId));
            return Collections.nCopies(asks.size(), Boolean.TRUE);
        }, Integer.MAX_VALUE);
    }

    /** Re-ranks the organization's open alerts after the running transaction commits. */
    void rerankAfterCommit(String organizationId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                executor.execute(() -> {
                    try {
                        reranks.submit(organizationId, Boolean.TRUE);
                    } catch (RuntimeException e) {
                        // derived data: the next re-rank repairs it
                        log.warn("Re-ranking the open alerts failed ({})", e.getClass().getSimpleName());
                    }
                });
            }
        });
    }
}
