package org.vigil.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.vigil.audit.AuditedResource;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.library.AlertRuleCatalog;
import org.vigil.library.MetricCatalog;
import org.vigil.library.MetricCatalog.MetricInfo;
import org.vigil.monitoring.ObservationSource;
import org.vigil.monitoring.ReadingsRecorded;
import org.vigil.monitoring.ReadingsStoredInTransaction;
import org.vigil.patients.EnrollmentDirectory;
import org.vigil.patients.EnrollmentDirectory.ActiveEnrollment;
import org.vigil.shared.Ids;
import org.vigil.shared.concurrent.Coalescer;
import org.vigil.shared.web.ApiProblem.FieldError;
import org.vigil.tenancy.LiveSession;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;

/**
 * Ingestion of readings: each reading is validated and normalized on its own (a bad one is
 * rejected with its reasons, the others are stored), the batch is stored in one transaction with
 * one statement (see {@link ObservationStore}), a resent reading is recognised by its reading key
 * (patient, metric, recordedAt, source, sourceIdentifier) and answered with the stored id, and one
 * {@link ReadingsRecorded} event is published in the same transaction for the alert evaluation
 * after commit — or, for readings sent one at a time, {@link ReadingsStoredInTransaction}, evaluated
 * inside the transaction.
 */
@Service
class Ingestion {

    static final AuditedResource OBSERVATION = AuditedResource.phi("Observation");
    static final int MAX_BATCH = 5000;

    enum Status {
        STORED, DUPLICATE, REJECTED
    }

    /** What became of one reading: its position in the request, the stored (or existing) id, or why it was refused. */
    record Outcome(int index, Status status, String id, List<FieldError> errors) {
    }

    private final TenantScope tenantScope;
    private final MetricCatalog metrics;
    private final EnrollmentDirectory enrollments;
    private final AlertRuleCatalog rules;
    private final ObservationStore store;
    private final RecordAccessAudit audit;
    private final ApplicationEventPublisher events;
    private final ReadingForm readingForm;
    private final Clock clock;

    /**
     * Who sent a single reading: readings of the same sender may be stored together (the audit
     * names them); {@code session}, when the caller's check waits for the transaction, is confirmed
     * once for all of them.
     */
    private record Sender(String organizationId, String userId, String address, String agent, LiveSession session) {
    }

    /** At most this many single readings in one transaction. */
    static final int MAX_COALESCED = 500;
    /**
     * Two transactions of one sender's readings may run at once, the second only with at least 4
     * readings: while one transaction waits (round trips, its commit) the next uses the processors,
     * and overlapping transactions are safe (duplicates meet on the unique reading key; evaluations
     * of one patient take turns by {@code PatientEvaluationLocks}). Measured at 16 concurrent
     * senders' requests (100 patients): one at a time 1,471/s, two (4) 1,850/s, two (6) 1,671/s,
     * three (4) 1,592/s — more overlap splits the readings into more transactions than it gains.
     */
    private static final int ROUNDS = 2;
    private static final int NEXT_ROUND_AT = 4;

    private final Coalescer<Sender, JsonNode, Outcome> singles = new Coalescer<>(
            (sender, readings) -> ingest(sender.organizationId(), sender.userId(), readings, null, true,
                    sender.session()).stream()
                    // each reading was a request of its own: its index in that request is 0
                    .map(o -> new Outcome(0, o.status(), o.id(), o.errors())).toList(),
            MAX_COALESCED, ROUNDS, NEXT_ROUND_AT);

    Ingestion(TenantScope tenantScope, MetricCatalog metrics, EnrollmentDirectory enrollments, AlertRuleCatalog rules,
            ObservationStore store, RecordAccessAudit audit, ApplicationEventPublisher events, ReadingForm readingForm,
            Clock clock) {
        this.tenantScope = tenantScope;
        this.metrics = metrics;
        this.enrollments = enrollments;
        this.rules = rules;
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.readingForm = readingForm;
        this.clock = clock;
    }

    /**
     * One reading sent on its own (a single-reading POST). Readings of the same sender (member,
     * address, user agent) that arrive while one of theirs is being stored are stored together in
     * the next transaction ({@link Coalescer}, up to {@link #ROUNDS} of them at once): under a burst
     * of single POSTs each no longer pays a transaction, its look-ups, its WAL flush and an alert
     * evaluation of its own. The outcome is the reading's own, as if sent alone (two identical
     * readings together: the second is a duplicate of the first, as one after the other). Inside a
     * running transaction it is stored in it.
     * {@code session} (or null): the caller's session, confirmed by the transaction before anything
     * is stored ({@link TenantScope#call(String, String, LiveSession, java.util.function.Supplier)}).
     */
    Outcome ingestOne(String organizationId, String userId, LiveSession session, JsonNode reading) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return ingest(organizationId, userId, java.util.Collections.singletonList(reading), null, true, session)
                    .get(0);
        }
        String address = null;
        String agent = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            address = attributes.getRequest().getRemoteAddr();
            agent = attributes.getRequest().getHeader("User-Agent");
        }
        return singles.submit(new Sender(organizationId, userId, address, agent, session), reading);
    }

    /**
     * Validates, normalizes and stores the readings for the organization; {@code forced} (the
     * device webhook) overrides each reading's source.
     */
    List<Outcome> ingest(String organizationId, String userId, List<JsonNode> readings, ObservationSource forced) {
        return ingest(organizationId, userId, readings, forced, false, null);
    }

    /** {@link #ingest(String, String, List, ObservationSource)}, confirming the caller's {@code session} (or null) first. */
    List<Outcome> ingest(String organizationId, String userId, LiveSession session, List<JsonNode> readings) {
        return ingest(organizationId, userId, readings, null, false, session);
    }

    /** {@code inline}: single readings, evaluated in their own transaction ({@link ReadingsStoredInTransaction}). */
    private List<Outcome> ingest(String organizationId, String userId, List<JsonNode> readings,
            ObservationSource forced, boolean inline, LiveSession session) {
        Instant now = clock.instant();
        List<ReadingForm.Parsed> parsed = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            parsed.add(readingForm.parse(i, readings.get(i), now, forced));
        }
        // ids are drawn inside store(), so a transaction rolled back by a deadlock is repeated whole
        try {
            return org.vigil.shared.persistence.LockConflicts.retrying(() -> tenantScope.call(organizationId, userId,
                    session, () -> store(organizationId, parsed, now, inline)));
        } catch (ReadingsStoredInTransaction.NotEvaluated failed) {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                throw failed; // the outer transaction is the caller's to repeat
            }
            // rolled back whole: store them again, to be evaluated after commit (the registry holds the event)
            return org.vigil.shared.persistence.LockConflicts.retrying(() -> tenantScope.call(organizationId, userId,
                    session, () -> store(organizationId, parsed, now, false)));
        }
    }

    private List<Outcome> store(String organizationId, List<ReadingForm.Parsed> parsed, Instant now, boolean inline) {
        Set<String> keys = new HashSet<>();
        Set<String> loincs = new HashSet<>();
        Set<String> patientIds = new HashSet<>();
        for (ReadingForm.Parsed p : parsed) {
            if (p.metricKey() != null) {
                keys.add(p.metricKey());
            }
            if (p.loinc() != null) {
                loincs.add(p.loinc());
            }
            if (p.patientId() != null) {
                patientIds.add(p.patientId());
            }
        }
        Map<String, MetricInfo> metricsByName = metrics.byKeyOrLoinc(keys, loincs);
        EnrollmentDirectory.PatientsAndEnrollments found = enrollments.patientsWithActiveEnrollments(patientIds);
        Map<String, Boolean> activePatients = found.activeByPatient();
        Map<String, List<ActiveEnrollment>> enrollmentsByPatient = new HashMap<>();
        Set<String> presetIds = new HashSet<>();
        List<ActiveEnrollment> activeEnrollments = found.enrollments();
        for (ActiveEnrollment e : activeEnrollments) {
            enrollmentsByPatient.computeIfAbsent(e.patientId(), k -> new ArrayList<>()).add(e);
            if (e.conditionPresetId() != null) {
                presetIds.add(e.conditionPresetId());
            }
        }
        Map<String, Set<String>> presetMetrics = rules.metricKeysOfPresets(presetIds);

        Outcome[] outcomes = new Outcome[parsed.size()];
        List<ObservationStore.Row> rows = new ArrayList<>();
        List<Integer> rowIndex = new ArrayList<>();
        // the first of two identical readings in one batch is stored; the second duplicates it
        Map<String, Integer> firstOfKey = new HashMap<>();
        Map<Integer, Integer> sameAsEarlier = new HashMap<>();
        Map<String, String> metricKeyById = new HashMap<>();
        for (ReadingForm.Parsed p : parsed) {
            List<FieldError> errors = new ArrayList<>(p.errors());
            MetricInfo metric = null;
            if (p.patientId() != null) {
                Boolean active = activePatients.get(p.patientId());
                if (active == null) {
                    errors.add(new FieldError("patientId", "unknown patient"));
                } else if (!active) {
                    errors.add(new FieldError("patientId", "the patient is not active"));
                }
            }
            if (p.metricKey() != null || p.loinc() != null) {
                metric = p.metricKey() != null ? metricsByName.get("key:" + p.metricKey())
                        : metricsByName.get("loinc:" + p.loinc());
                if (metric == null || !metric.active()) {
                    errors.add(new FieldError(p.metricKey() != null ? "metric" : "loinc",
                            "no active metric with this " + (p.metricKey() != null ? "key" : "LOINC code")
                                    + " exists for the organization"));
                    metric = null;
                }
            }
            String valueJson = null;
            if (metric != null) {
                valueJson = readingForm.normalize(p.node(), metric, errors);
            }
            if (!errors.isEmpty()) {
                outcomes[p.index()] = new Outcome(p.index(), Status.REJECTED, null, List.copyOf(errors));
                continue;
            }
            String enrollmentId = attribute(enrollmentsByPatient.get(p.patientId()), presetMetrics, metric.key(),
                    p.recordedAt());
            ObservationStore.Row row = new ObservationStore.Row(Ids.newId(), p.patientId(), enrollmentId, metric.id(),
                    valueJson, metric.unit(), p.source().name(), p.sourceIdentifier(),
                    p.context() == null ? null : p.context().name(), p.notes(), p.recordedAt());
            metricKeyById.put(metric.id(), metric.key());
            String key = p.patientId() + '\u0000' + metric.id() + '\u0000' + p.recordedAt() + '\u0000'
                    + p.source() + '\u0000' + p.sourceIdentifier();
            Integer earlier = firstOfKey.putIfAbsent(key, p.index());
            if (earlier != null) {
                sameAsEarlier.put(p.index(), earlier);
                continue;
            }
            rows.add(row);
            rowIndex.add(p.index());
        }

        Set<String> inserted = store.insert(organizationId, now, rows);
        List<ObservationStore.Row> notInserted = new ArrayList<>();
        List<Integer> notInsertedIndex = new ArrayList<>();
        Map<String, List<String>> createdByPatient = new TreeMap<>();
        Map<String, ReadingsAccumulator> touched = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ObservationStore.Row row = rows.get(i);
            int index = rowIndex.get(i);
            if (inserted.contains(row.id())) {
                outcomes[index] = new Outcome(index, Status.STORED, row.id(), List.of());
                createdByPatient.computeIfAbsent(row.patientId(), k -> new ArrayList<>()).add(row.id());
                touched.computeIfAbsent(row.patientId(), k -> new ReadingsAccumulator())
                        .add(metricKeyById.get(row.metricId()), row.recordedAt());
            } else {
                notInserted.add(row);
                notInsertedIndex.add(index);
            }
        }
        Map<Integer, String> existing = store.existing(notInserted);
        for (int i = 0; i < notInserted.size(); i++) {
            int index = notInsertedIndex.get(i);
            outcomes[index] = new Outcome(index, Status.DUPLICATE, existing.get(i), List.of());
        }
        sameAsEarlier.forEach((index, earlier) -> outcomes[index] = new Outcome(index, Status.DUPLICATE,
                outcomes[earlier].id(), List.of()));

        audit.createdAll(OBSERVATION, createdByPatient);
        if (!touched.isEmpty()) {
            List<ReadingsRecorded.PatientReadings> perPatient = new ArrayList<>();
            touched.forEach((patientId, acc) -> perPatient.add(new ReadingsRecorded.PatientReadings(patientId,
                    List.copyOf(acc.keys), acc.latest)));
            ReadingsRecorded recorded = new ReadingsRecorded(organizationId, perPatient);
            events.publishEvent(inline ? new ReadingsStoredInTransaction(recorded, activeEnrollments) : recorded);
        }
        return List.of(outcomes);
    }

    private static final class ReadingsAccumulator {
        final Set<String> keys = new LinkedHashSet<>();
        Instant latest;

        void add(String key, Instant at) {
            keys.add(key);
            if (latest == null || at.isAfter(latest)) {
                latest = at;
            }
        }
    }

    /**
     * The enrollment a reading belongs to: the one active enrollment (started by the reading's
     * time) that covers the metric, if exactly one does. An enrollment covers a metric when its
     * condition preset names it (in a rule or a questionnaire item); an enrollment without a preset
     * is not restricted to particular metrics and covers every metric.
     */
    static String attribute(List<ActiveEnrollment> active, Map<String, Set<String>> presetMetrics, String metricKey,
            Instant recordedAt) {
        if (active == null) {
            return null;
        }
        String found = null;
        for (ActiveEnrollment e : active) {
            if (e.startDate().isAfter(recordedAt)) {
                continue;
            }
            boolean covers = e.conditionPresetId() == null
                    || presetMetrics.getOrDefault(e.conditionPresetId(), Set.of()).contains(metricKey);
            if (covers) {
                if (found != null) {
                    return null;
                }
                found = e.id();
            }
        }
        return found;
    }
}
