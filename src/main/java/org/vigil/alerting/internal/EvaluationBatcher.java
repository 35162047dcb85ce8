package org.vigil.alerting.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.vigil.monitoring.ReadingsRecorded;

/**
 * Evaluates the readings events of one organization that arrive while an evaluation of that
 * organization is running together, in one evaluation (one transaction, one history query for all
 * their patients, one re-ranking), instead of one after the other — under a burst of single-reading
 * POSTs each request otherwise pays a whole evaluation of its own.
 *
 * <p>Leader and followers, no thread of its own: the caller (the readings listener, one thread per
 * publication) queues its event; if no evaluation of the organization is running it leads: it
 * takes every queued event (at most {@link #MAX_EVENTS}), evaluates them merged, and hands the lead
 * to the first event queued meanwhile. Every caller returns only when its own event was evaluated,
 * and throws when that evaluation failed, so Spring Modulith marks a publication complete only
 * after its readings were really evaluated (a failed one stays incomplete and is resubmitted).
 * When a merged evaluation fails, its events are evaluated one by one, so one bad event cannot
 * keep the others from being evaluated. No added wait: a lone event is evaluated at once.
 */
final class EvaluationBatcher {

    static final int MAX_EVENTS = 256;

    private enum State {
        WAITING, LEAD, DONE, FAILED
    }

    private static final class Item {
        final ReadingsRecorded event;
        State state = State.WAITING;
        RuntimeException failure;

        Item(ReadingsRecorded event) {
            this.event = event;
        }
    }

    private static final class Queue {
        final ArrayDeque<Item> pending = new ArrayDeque<>();
        boolean running;
    }

    private final Map<String, Queue> queues = new ConcurrentHashMap<>();
    private final Consumer<ReadingsRecorded> evaluation;

    /** {@code evaluation} evaluates one (possibly merged) event in its own transaction. */
    EvaluationBatcher(Consumer<ReadingsRecorded> evaluation) {
        this.evaluation = evaluation;
    }

    /** Returns when the event was evaluated (alone or with others); throws what its evaluation threw. */
    void evaluate(ReadingsRecorded event) {
        Queue queue = queues.computeIfAbsent(event.organizationId(), k -> new Queue());
        Item mine = new Item(event);
        synchronized (queue) {
            if (queue.running) {
                queue.pending.add(mine);
                awaitTurn(queue, mine);
            } else {
                queue.running = true;
                mine.state = State.LEAD;
            }
        }
        if (mine.state == State.LEAD) {
            lead(queue, mine);
        }
        if (mine.state == State.FAILED) {
            throw mine.failure;
        }
    }

    /** How many events of the organization wait for the running evaluation (for tests). */
    int waiting(String organizationId) {
        Queue queue = queues.get(organizationId);
        if (queue == null) {
            return 0;
        }
        synchronized (queue) {
            return queue.pending.size();
        }
    }

    private static void awaitTurn(Queue queue, Item mine) {
        boolean interrupted = false;
        while (mine.state == State.WAITING) {
            try {
                queue.wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void lead(Queue queue, Item mine) {
        List<Item> batch = new ArrayList<>();
        batch.add(mine);
        synchronized (queue) {
            while (!queue.pending.isEmpty() && batch.size() < MAX_EVENTS) {
                batch.add(queue.pending.poll());
            }
        }
        boolean completed = false;
        try {
            run(batch);
            completed = true;
        } finally {
            synchronized (queue) {
                for (Item item : batch) {
                    if (!completed) {
                        // run() threw past its own handling (an Error): report no success
                        item.failure = new IllegalStateException("the alert evaluation did not complete");
                        item.state = State.FAILED;
                    } else if (item.state != State.FAILED) {
                        item.state = State.DONE;
                    }
                }
                Item next = queue.pending.poll();
                if (next != null) {
                    next.state = State.LEAD;
                } else {
                    queue.running = false;
                }
                queue.notifyAll();
            }
        }
    }

    private void run(List<Item> batch) {
        if (batch.size() == 1) {
            evaluateAlone(batch.get(0));
            return;
        }
        try {
            evaluation.accept(merge(batch));
        } catch (RuntimeException merged) {
            // One by one: an event that cannot be evaluated fails alone.
            batch.forEach(this::evaluateAlone);
        }
    }

    private void evaluateAlone(Item item) {
        try {
            evaluation.accept(item.event);
        } catch (RuntimeException e) {
            item.failure = e;
            item.state = State.FAILED;
        }
    }

    /** One event for the batch: per patient the union of the metrics recorded and the latest reading time. */
    static ReadingsRecorded merge(List<Item> batch) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        Map<String, Instant> latest = new LinkedHashMap<>();
        for (Item item : batch) {
            for (ReadingsRecorded.PatientReadings p : item.event.patients()) {
                keys.computeIfAbsent(p.patientId(), k -> new LinkedHashSet<>()).addAll(p.metricKeys());
                if (p.latestRecordedAt() != null) {
                    latest.merge(p.patientId(), p.latestRecordedAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        List<ReadingsRecorded.PatientReadings> patients = new ArrayList<>();
        keys.forEach((patientId, metricKeys) -> patients.add(new ReadingsRecorded.PatientReadings(patientId,
                List.copyOf(metricKeys), latest.get(patientId))));
        return new ReadingsRecorded(batch.get(0).event.organizationId(), patients);
    }
}
