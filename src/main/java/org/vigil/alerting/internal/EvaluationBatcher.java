package org.vigil.alerting.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.vigil.monitoring.ReadingsRecorded;
import org.vigil.shared.concurrent.Coalescer;

/**
 * Evaluates the readings events of one organization that arrive while an evaluation of that
 * organization is running together, in one evaluation (one transaction, one history query for all
 * their patients, one re-ranking), instead of one after the other — under a burst of single-reading
 * POSTs each request otherwise pays a whole evaluation of its own. A {@link Coalescer} by
 * organization: each caller (the readings listener, one thread per publication) returns only when
 * its own event was evaluated and throws when that failed, so Spring Modulith marks a publication
 * complete only after its readings were really evaluated; a merged evaluation that fails is
 * repeated event by event, so one bad event cannot hold up the others. A lone event is evaluated
 * at once.
 */
final class EvaluationBatcher {

    static final int MAX_EVENTS = 256;

    private final Coalescer<String, ReadingsRecorded, Void> coalescer;

    /** {@code evaluation} evaluates one (possibly merged) event in its own transaction. */
    EvaluationBatcher(Consumer<ReadingsRecorded> evaluation) {
        this.coalescer = new Coalescer<>((organizationId, events) -> {
            evaluation.accept(events.size() == 1 ? events.get(0) : merge(events));
            return Collections.nCopies(events.size(), null);
        }, MAX_EVENTS);
    }

    /** Returns when the event was evaluated (alone or with others); throws what its evaluation threw. */
    void evaluate(ReadingsRecorded event) {
        coalescer.submit(event.organizationId(), event);
    }

    /** How many events of the organization wait for the running evaluation (for tests). */
    int waiting(String organizationId) {
        return coalescer.waiting(organizationId);
    }

    /** Blocks until {@code count} events of the organization wait, at most {@code timeout} (for tests). */
    boolean awaitWaiting(String organizationId, int count, java.time.Duration timeout) throws InterruptedException {
        return coalescer.awaitWaiting(organizationId, count, timeout);
    }

    /** One event for several: per patient the union of the metrics recorded and the latest reading time. */
    static ReadingsRecorded merge(List<ReadingsRecorded> events) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        Map<String, Instant> latest = new LinkedHashMap<>();
        for (ReadingsRecorded event : events) {
            for (ReadingsRecorded.PatientReadings p : event.patients()) {
                keys.computeIfAbsent(p.patientId(), k -> new LinkedHashSet<>()).addAll(p.metricKeys());
                if (p.latestRecordedAt() != null) {
                    latest.merge(p.patientId(), p.latestRecordedAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        List<ReadingsRecorded.PatientReadings> patients = new ArrayList<>();
        keys.forEach((patientId, metricKeys) -> patients.add(new ReadingsRecorded.PatientReadings(patientId,
                List.copyOf(metricKeys), latest.get(patientId))));
        return new ReadingsRecorded(events.get(0).organizationId(), patients);
    }
}
