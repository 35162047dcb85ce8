package org.vigil.alerting.internal;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.vigil.tenancy.TenantScope;

/**
 * Keeps {@code priority_rank} (the organization's open alerts numbered in triage order) after
 * evaluations that run inside a request's transaction. Re-ranking updates every open alert of the
 * organization under its rank lock (13 ms with 2,000 open alerts, measured by the ingestion
 * benchmark): done in each single-reading POST, or right after each, every request that writes an
 * alert waited for the previous one's. So it runs after the commit, at most once per
 * {@link #DELAY} per organization, on a thread of its own, in a transaction of its own: every
 * commit within the delay is ranked by the one run. The rank is derived data: the triage queue
 * orders by the same expression itself, and any later re-rank (the next evaluation that writes
 * alerts, a triage action) repairs one lost to a crash. When Vigil stops, re-ranks still waiting
 * for their delay run at once, while the database pool is still open.
 */
@Component
class RankKeeper {

    static final Duration DELAY = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(RankKeeper.class);

    private final Consumer<String> reranking;
    private final Duration delay;
    private final Map<String, Boolean> scheduled = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "vigil-alert-rank");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    RankKeeper(TenantScope tenantScope, AlertWriter writer) {
        this(organizationId -> tenantScope.run(organizationId, () -> writer.rerank(organizationId)), DELAY);
    }

    /**
     * {@code reranking}: re-ranks one organization's open alerts in a transaction of its own,
     * {@code delay} after a commit that asked for it.
     */
    RankKeeper(Consumer<String> reranking, Duration delay) {
        this.reranking = reranking;
        this.delay = delay;
        // at shutdown the waiting re-ranks are run by stop(), not after it, when the pool is closed
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Re-ranks the organization's open alerts soon after the running transaction commits. */
    void rerankAfterCommit(String organizationId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (scheduled.putIfAbsent(organizationId, Boolean.TRUE) == null) {
                    try {
                        timer.schedule(() -> rerank(organizationId), delay.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (RejectedExecutionException stopped) {
                        // Vigil is stopping: the next re-rank (see above) repairs this one
                        scheduled.remove(organizationId);
                    }
                }
            }
        });
    }

    private void rerank(String organizationId) {
        // cleared first: a commit during the re-rank schedules the next one
        scheduled.remove(organizationId);
        try {
            reranking.accept(organizationId);
        } catch (RuntimeException e) {
            // derived data: the next re-rank repairs it
            log.warn("Re-ranking the open alerts failed ({})", e.getClass().getSimpleName());
        }
    }

    /**
     * Runs the re-ranks still waiting for their delay now, before the database pool closes (a
     * delayed one run after it failed); a running one is let finish first.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        timer.shutdown();
        if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("A re-rank of open alerts was still running when Vigil stopped");
            return;
        }
        for (String organizationId : List.copyOf(scheduled.keySet())) {
            rerank(organizationId);
        }
    }
}
