package org.vigil.alerting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The re-rank after a commit: once per delay per organization, and never after Vigil stopped (a
 * re-rank run after the database pool closed failed; the waiting ones now run while stopping).
 */
class RankKeeperTest {

    private final List<String> reranked = new CopyOnWriteArrayList<>();
    private final RankKeeper keeper = new RankKeeper(reranked::add);

    /** What a transaction that wrote alerts does: asks for a re-rank, then commits. */
    private void commitAskingForRerank(String... organizationIds) {
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
        commitAskingForRerank("o1");
        commitAskingForRerank("o1", "o2");
        assertThat(reranked).as("nothing before the delay").isEmpty();

        Thread.sleep(RankKeeper.DELAY.toMillis() * 4);

        assertThat(reranked).containsExactlyInAnyOrder("o1", "o2");
        keeper.stop();
    }

    @Test
    void reRanksWaitingWhenVigilStopsRunWhileItStopsAndNoneAfter() throws Exception {
        commitAskingForRerank("o1", "o2");

        keeper.stop();

        assertThat(reranked).as("run by stop(), before the pool closes").containsExactlyInAnyOrder("o1", "o2");
        commitAskingForRerank("o3");
        Thread.sleep(RankKeeper.DELAY.toMillis() * 4);
        assertThat(reranked).as("none after stop()").containsExactlyInAnyOrder("o1", "o2");
    }
}
