package org.vigil.shared.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** Items queued while the work of their key runs are done together; each caller gets its own result. */
class CoalescerTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void eachCallerGetsTheResultOfItsOwnItemAndAtMostMaxItemsAreDoneTogether() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<List<Integer>> rounds = Collections.synchronizedList(new ArrayList<>());
        Coalescer<String, Integer, String> coalescer = new Coalescer<>((key, items) -> {
            rounds.add(items);
            if (rounds.size() == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            return items.stream().map(i -> key + ":" + (i * 10)).toList();
        }, 3);
        Future<String> first = threads.submit(() -> coalescer.submit("k", 1));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> queued = new ArrayList<>();
        for (int i = 2; i <= 6; i++) {
            int item = i;
            queued.add(threads.submit(() -> coalescer.submit("k", item)));
        }
        assertThat(coalescer.awaitWaiting("k", 5, java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(coalescer.waiting("k")).isEqualTo(5);
        releaseFirst.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("k:10");
        for (int i = 0; i < queued.size(); i++) {
            assertThat(queued.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("k:" + ((i + 2) * 10));
        }
        // 1 alone, then 3 together (maxItems), then the 2 left
        assertThat(rounds).extracting(List::size).containsExactly(1, 3, 2);
        assertThat(coalescer.waiting("k")).isZero();
    }

    @Test
    void withTwoRoundsASecondStartsOnlyWhenItWouldHaveNextRoundAtItems() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        List<List<Integer>> rounds = Collections.synchronizedList(new ArrayList<>());
        Coalescer<String, Integer, Integer> coalescer = new Coalescer<>((key, items) -> {
            rounds.add(items);
            (rounds.size() == 1 ? firstStarted : secondStarted).countDown();
            await(release);
            return items;
        }, 10, 2, 3);
        Future<Integer> first = threads.submit(() -> coalescer.submit("k", 1));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Integer> second = threads.submit(() -> coalescer.submit("k", 2));
        assertThat(coalescer.awaitWaiting("k", 1, java.time.Duration.ofSeconds(10))).isTrue();
        // 2 waits alone: a round of 2 items is below nextRoundAt (3), so it keeps waiting
        assertThat(secondStarted.getCount()).isOne();
        // 4 arrives: with 2 and 3 waiting, a round of 3 items starts beside the first
        Future<Integer> third = threads.submit(() -> coalescer.submit("k", 3));
        assertThat(coalescer.awaitWaiting("k", 2, java.time.Duration.ofSeconds(10))).isTrue();
        Future<Integer> fourth = threads.submit(() -> coalescer.submit("k", 4));
        assertThat(secondStarted.await(10, TimeUnit.SECONDS)).as("a second round runs while the first does").isTrue();
        // both rounds run: 5 waits, a third round is not started whatever waits
        Future<Integer> fifth = threads.submit(() -> coalescer.submit("k", 5));
        Future<Integer> sixth = threads.submit(() -> coalescer.submit("k", 6));
        Future<Integer> seventh = threads.submit(() -> coalescer.submit("k", 7));
        assertThat(coalescer.awaitWaiting("k", 3, java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(rounds).hasSize(2);
        release.countDown();
        assertThat(List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS),
                third.get(10, TimeUnit.SECONDS), fourth.get(10, TimeUnit.SECONDS), fifth.get(10, TimeUnit.SECONDS),
                sixth.get(10, TimeUnit.SECONDS), seventh.get(10, TimeUnit.SECONDS))).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(rounds.get(0)).containsExactly(1);
        assertThat(rounds.get(1)).containsExactly(4, 2, 3);
        // the rest in rounds as the running ones end; every item done once
        assertThat(rounds.stream().flatMap(List::stream).sorted().toList()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(coalescer.waiting("k")).isZero();
    }

    @Test
    void aWrongNumberOfResultsIsNotHandedOutButEachItemIsDoneAlone() {
        List<List<Integer>> rounds = new ArrayList<>();
        Coalescer<String, Integer, Integer> coalescer = new Coalescer<>((key, items) -> {
            rounds.add(items);
            return List.of(items.get(0));
        }, 10);
        assertThat(coalescer.submit("k", 7)).isEqualTo(7);
        assertThat(rounds).hasSize(1);
    }

    @Test
    void aFailureReachesItsCallerAndTheKeyIsFreeAgain() {
        Coalescer<String, Integer, Integer> coalescer = new Coalescer<>((key, items) -> {
            if (items.contains(0)) {
                throw new ArithmeticException("/ by zero");
            }
            return items.stream().map(i -> 100 / i).toList();
        }, 10);
        assertThatThrownBy(() -> coalescer.submit("k", 0)).isInstanceOf(ArithmeticException.class);
        assertThat(coalescer.submit("k", 4)).isEqualTo(25);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
