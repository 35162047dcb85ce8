package org.vigil.alerting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.monitoring.ReadingsRecorded;
import org.vigil.monitoring.ReadingsRecorded.PatientReadings;

/** The batching rule of the alert evaluation: events queued while one runs are evaluated together, each caller learns its own outcome. */
class EvaluationBatcherTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static ReadingsRecorded event(String org, String patient, String metric, Instant latest) {
        return new ReadingsRecorded(org, List.of(new PatientReadings(patient, List.of(metric), latest)));
    }

    @Test
    void aLoneEventIsEvaluatedAtOnceAndAlone() {
        List<ReadingsRecorded> seen = new ArrayList<>();
        new EvaluationBatcher(seen::add).evaluate(event("o1", "p1", "bp_systolic", T));
        assertThat(seen).containsExactly(event("o1", "p1", "bp_systolic", T));
    }

    @Test
    void eventsQueuedWhileAnEvaluationRunsAreEvaluatedTogetherAfterIt() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<ReadingsRecorded> seen = Collections.synchronizedList(new ArrayList<>());
        EvaluationBatcher batcher = new EvaluationBatcher(e -> {
            seen.add(e);
            if (seen.size() == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
        });
        Future<?> first = threads.submit(() -> batcher.evaluate(event("o1", "p1", "bp_systolic", T)));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<?>> queued = new ArrayList<>();
        queued.add(threads.submit(() -> batcher.evaluate(event("o1", "p2", "bp_systolic", T))));
        queued.add(threads.submit(() -> batcher.evaluate(event("o1", "p2", "weight", T.plusSeconds(60)))));
        queued.add(threads.submit(() -> batcher.evaluate(event("o1", "p3", "heart_rate", T))));
        waitUntilQueued(batcher, queued);
        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<?> f : queued) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertThat(seen).hasSize(2);
        ReadingsRecorded merged = seen.get(1);
        // the queued events' order is the threads' arrival order: compare metric keys as sets
        assertThat(merged.patients()).extracting(PatientReadings::patientId, p -> java.util.Set.copyOf(p.metricKeys()),
                PatientReadings::latestRecordedAt).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("p2", java.util.Set.of("bp_systolic", "weight"), T.plusSeconds(60)),
                        org.assertj.core.groups.Tuple.tuple("p3", java.util.Set.of("heart_rate"), T));
    }

    @Test
    void whenAMergedEvaluationFailsEachEventIsEvaluatedAloneAndOnlyTheBadOneFails() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<ReadingsRecorded> seen = Collections.synchronizedList(new ArrayList<>());
        EvaluationBatcher batcher = new EvaluationBatcher(e -> {
            seen.add(e);
            if (seen.size() == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            if (e.patients().stream().anyMatch(p -> p.patientId().equals("bad"))) {
                throw new IllegalStateException("cannot evaluate");
            }
        });
        Future<?> first = threads.submit(() -> batcher.evaluate(event("o1", "p1", "bp_systolic", T)));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> good = threads.submit(() -> batcher.evaluate(event("o1", "p2", "bp_systolic", T)));
        Future<?> bad = threads.submit(() -> batcher.evaluate(event("o1", "bad", "bp_systolic", T)));
        waitUntilQueued(batcher, List.of(good, bad));
        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        good.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        // first alone, then the merged pair (failed), then each of the pair alone
        assertThat(seen).hasSize(4);
        assertThat(seen.subList(2, 4)).extracting(e -> e.patients().get(0).patientId())
                .containsExactlyInAnyOrder("p2", "bad");
    }

    @Test
    void organizationsAreNotMerged() {
        List<ReadingsRecorded> seen = new ArrayList<>();
        EvaluationBatcher batcher = new EvaluationBatcher(seen::add);
        batcher.evaluate(event("o1", "p1", "bp_systolic", T));
        batcher.evaluate(event("o2", "p1", "bp_systolic", T));
        assertThat(seen).extracting(ReadingsRecorded::organizationId).containsExactly("o1", "o2");
    }

    @Test
    void aFailingLoneEventThrowsToItsCallerAndTheNextEventIsStillEvaluated() {
        List<ReadingsRecorded> seen = new ArrayList<>();
        EvaluationBatcher batcher = new EvaluationBatcher(e -> {
            if (e.patients().get(0).patientId().equals("bad")) {
                throw new IllegalArgumentException("no");
            }
            seen.add(e);
        });
        assertThatThrownBy(() -> batcher.evaluate(event("o1", "bad", "bp_systolic", T)))
                .isInstanceOf(IllegalArgumentException.class);
        batcher.evaluate(event("o1", "p1", "bp_systolic", T));
        assertThat(seen).hasSize(1);
        assertThat(batcher.waiting("o1")).isZero();
    }

    /** The callers are parked in the batcher's queue, not finished. */
    private static void waitUntilQueued(EvaluationBatcher batcher, List<Future<?>> futures) throws InterruptedException {
        assertThat(batcher.awaitWaiting("o1", futures.size(), java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(batcher.waiting("o1")).isEqualTo(futures.size());
        assertThat(futures).noneMatch(Future::isDone);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
