package org.vigil.shared.concurrent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;

/**
 * Does the work of callers who arrive while the same work (same key) is running together, in one
 * call, instead of one after the other: under a burst, each caller would otherwise pay a whole
 * transaction of its own (round trips, a WAL flush, the look-ups) for one small item.
 *
 * <p>Leader and followers, no thread of its own and no added wait: a caller with no work of its key
 * running does its item at once (it leads); callers arriving meanwhile queue; when the leader is
 * done, the first of them leads the next round and takes every item queued by then (at most
 * {@code maxItems}); optionally further rounds may start beside the running one once enough callers
 * wait ({@code rounds}, {@code nextRoundAt}). Each caller returns only when its own item is done, with
 * its own result, or throws its own failure: when a round of several items fails as a whole, each
 * of its items is done alone, so one bad item fails alone. The work runs on the leader's thread, so
 * whatever it reads from the thread (security context, request) must be the same for all callers of
 * a key — put it in the key.
 *
 * @param <K> what callers must share to be done together (e.g. organization and user)
 * @param <T> one caller's item
 * @param <R> one item's result
 */
public final class Coalescer<K, T, R> {

    private enum State {
        WAITING, LEAD, DONE, FAILED
    }

    private static final class Call<T, R> {
        final T item;
        /** Written under the queue's lock; read by its waiting caller without it (then result and failure). */
        volatile State state = State.WAITING;
        R result;
        RuntimeException failure;
        /** The caller's thread while it waits, woken for its turn or its outcome alone. */
        Thread waiter;

        Call(T item) {
            this.item = item;
        }
    }

    private static final class Queue<T, R> {
        final ArrayDeque<Call<T, R>> pending = new ArrayDeque<>();
        int running;
    }

    private final Map<K, Queue<T, R>> queues = new ConcurrentHashMap<>();
    private final BiFunction<K, List<T>, List<R>> work;
    private final int maxItems;
    private final int rounds;
    private final int nextRoundAt;

    /**
     * One round of a key at a time.
     *
     * @param work     does the items of one key together and returns their results in the same
     *                 order (one per item)
     * @param maxItems at most this many items in one call of {@code work}
     */
    public Coalescer(BiFunction<K, List<T>, List<R>> work, int maxItems) {
        this(work, maxItems, 1, 1);
    }

    /**
     * Up to {@code rounds} rounds of a key at once: while one runs, callers queue as usual, and a
     * caller who arrives when another round would have {@code nextRoundAt} items (its own and those
     * waiting) leads that round at once, instead of all waiting for the running round to end. For
     * work whose rounds may safely overlap, when a round spends part of its time waiting (a commit,
     * round trips) that the next one could use; {@code nextRoundAt} keeps the rounds full enough
     * that sharing still pays.
     */
    public Coalescer(BiFunction<K, List<T>, List<R>> work, int maxItems, int rounds, int nextRoundAt) {
        if (maxItems < 1 || rounds < 1 || nextRoundAt < 1) {
            throw new IllegalArgumentException("maxItems, rounds and nextRoundAt must be at least 1");
        }
        this.work = Objects.requireNonNull(work, "work");
        this.maxItems = maxItems;
        this.rounds = rounds;
        this.nextRoundAt = nextRoundAt;
    }

    /** Does the item (alone or with others of the key) and returns its result; throws what its work threw. */
    public R submit(K key, T item) {
        Queue<T, R> queue = queues.computeIfAbsent(key, k -> new Queue<>());
        Call<T, R> mine = new Call<>(item);
        synchronized (queue) {
            if (queue.running == 0 || queue.running < rounds && queue.pending.size() + 1 >= nextRoundAt) {
                queue.running++;
                mine.state = State.LEAD;
            } else {
                mine.waiter = Thread.currentThread();
                queue.pending.add(mine);
                queue.notifyAll(); // for awaitWaiting (the only waiters on the lock itself)
            }
        }
        if (mine.state == State.WAITING) {
            awaitTurn(mine);
        }
        if (mine.state == State.LEAD) {
            lead(key, queue, mine);
        }
        if (mine.state == State.FAILED) {
            throw mine.failure;
        }
        return mine.result;
    }

    /** How many callers of the key wait for the running work (for tests and metrics). */
    public int waiting(K key) {
        Queue<T, R> queue = queues.get(key);
        if (queue == null) {
            return 0;
        }
        synchronized (queue) {
            return queue.pending.size();
        }
    }

    /**
     * Blocks until at least {@code count} callers of the key wait for the running work, at most
     * {@code timeout} (for tests: no polling); returns whether they do.
     */
    public boolean awaitWaiting(K key, int count, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Queue<T, R> queue = queues.get(key);
        while (queue == null) {
            // the work of the key has not started yet: nobody can be waiting for it
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.onSpinWait();
            queue = queues.get(key);
        }
        synchronized (queue) {
            long left;
            while (queue.pending.size() < count && (left = deadline - System.nanoTime()) > 0) {
                queue.wait(Math.max(1, left / 1_000_000));
            }
            return queue.pending.size() >= count;
        }
    }

    /**
     * Parks until the call's state changes: each waiting caller is woken alone, for its turn to
     * lead or its outcome, not with every other waiter of the key (a {@code notifyAll} on each
     * arrival and each round's end woke them all, to find most with nothing to do).
     */
    private static <T, R> void awaitTurn(Call<T, R> mine) {
        boolean interrupted = false;
        while (mine.state == State.WAITING) {
            LockSupport.park(mine);
            if (Thread.interrupted()) {
                // the item is queued and will be done; its caller must wait for its outcome
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void lead(K key, Queue<T, R> queue, Call<T, R> mine) {
        List<Call<T, R>> round = new ArrayList<>();
        round.add(mine);
        synchronized (queue) {
            while (!queue.pending.isEmpty() && round.size() < maxItems) {
                round.add(queue.pending.poll());
            }
        }
        boolean completed = false;
        Call<T, R> next = null;
        try {
            run(key, round);
            completed = true;
        } finally {
            synchronized (queue) {
                for (Call<T, R> call : round) {
                    if (!completed) {
                        // the work threw past its own handling (an Error): report no success
                        call.failure = new IllegalStateException("the work did not complete");
                        call.state = State.FAILED;
                    } else if (call.state != State.FAILED) {
                        call.state = State.DONE;
                    }
                }
                next = queue.pending.poll();
                if (next != null) {
                    next.state = State.LEAD; // the round's place passes to the next caller
                } else if (--queue.running == 0) {
                    // idle: forget the key (a caller still holding this queue leads on it alone)
                    queues.remove(key, queue);
                }
                queue.notifyAll(); // for awaitWaiting
            }
            for (Call<T, R> call : round) {
                if (call != mine) {
                    LockSupport.unpark(call.waiter);
                }
            }
            if (next != null) {
                LockSupport.unpark(next.waiter);
            }
        }
    }

    private void run(K key, List<Call<T, R>> round) {
        if (round.size() > 1) {
            List<T> items = new ArrayList<>(round.size());
            round.forEach(call -> items.add(call.item));
            List<R> results;
            try {
                results = work.apply(key, items);
            } catch (RuntimeException together) {
                results = null;
            }
            if (results != null && results.size() == round.size()) {
                for (int i = 0; i < round.size(); i++) {
                    round.get(i).result = results.get(i);
                }
                return;
            }
        }
        // alone: a single item, or each item of a round that failed together
        for (Call<T, R> call : round) {
            try {
                List<R> results = work.apply(key, List.of(call.item));
                call.result = results.isEmpty() ? null : results.get(0);
            } catch (RuntimeException e) {
                call.failure = e;
                call.state = State.FAILED;
            }
        }
    }
}
