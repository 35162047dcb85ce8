package org.vigil.alerting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The re-rank after a commit: once per delay per organization, and never after Vigil stopped (a
 * re-rank run after the database pool closed failed; the waiting ones now run while stopping).
 */
class RankKeeperTest {

    private final List<String> reranked = new CopyOnWriteArrayList<>();

    /** What a transaction that wrote alerts does: asks for a re-rank, then commits. */
    private static void commitAskingForRerank(RankKeeper keeper, String... organizationIds) {
        TransactionSynchronizationManager.initSynchronization();
        try {
            for (String organizationId : organizationIds) {
                keeper.rerankAfterCommit(organizationId);
            }
            TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void commitsWithinTheDelayAreRankedByOneRunPerOrganization() throws Exception {
        CountDownLatch runs = new CountDownLatch(2);
        RankKeeper keeper = new RankKeeper(organizationId -> {
            reranked.add(organizationId);
            runs.countDown();
        }, Duration.ofSeconds(1));

        commitAskingForRerank(keeper, "o1");
        commitAskingForRerank(keeper, "o1", "o2");
        assertThat(reranked).as("nothing before the delay").isEmpty();

        assertThat(runs.await(10, TimeUnit.SECONDS)).as("both organizations re-ranked after the delay").isTrue();
        keeper.stop();
        assertThat(reranked).containsExactlyInAnyOrder("o1", "o2");
    }

    @Test
    void reRanksWaitingWhenVigilStopsRunWhileItStopsAndNoneAfter() throws Exception {
        // a delay no test waits for: whatever runs, runs because of stop()
        RankKeeper keeper = new RankKeeper(reranked::add, Duration.ofHours(1));
        commitAskingForRerank(keeper, "o1", "o2");

        keeper.stop();

        assertThat(reranked).as("run by stop(), before the pool closes").containsExactlyInAnyOrder("o1", "o2");
        // the timer has terminated: a commit now schedules nothing that could run later
        commitAskingForRerank(keeper, "o3");
        assertThat(reranked).as("none after stop()").containsExactlyInAnyOrder("o1", "o2");
    }
}
