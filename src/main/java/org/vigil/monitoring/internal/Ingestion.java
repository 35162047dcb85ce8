package org.vigil.monitoring.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
import org.vigil.library.MetricCatalog.UnitConversion;
import org.vigil.library.ValueType;
import org.vigil.monitoring.ObservationContext;
import org.vigil.monitoring.ObservationSource;
import org.vigil.monitoring.ReadingsRecorded;
import org.vigil.monitoring.ReadingsStoredInTransaction;
import org.vigil.patients.EnrollmentDirectory;
import org.vigil.patients.EnrollmentDirectory.ActiveEnrollment;
import org.vigil.patients.PatientDirectory;
import org.vigil.shared.Ids;
import org.vigil.shared.concurrent.Coalescer;
import org.vigil.shared.web.ApiProblem.FieldError;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    private static final int MAX_TEXT = 2000;
    private static final int MAX_IDENTIFIER = 200;

    enum Status {
        STORED, DUPLICATE, REJECTED
    }

    /** What became of one reading: its position in the request, the stored (or existing) id, or why it was refused. */
    record Outcome(int index, Status status, String id, List<FieldError> errors) {
    }

    /** A reading as sent, parsed just enough to look things up. */
    private record Parsed(int index, JsonNode node, String patientId, String metricKey, String loinc,
            Instant recordedAt, ObservationSource source, String sourceIdentifier, ObservationContext context,
            String notes, List<FieldError> errors) {
    }

    private final TenantScope tenantScope;
    private final MetricCatalog metrics;
    private final PatientDirectory patients;
    private final EnrollmentDirectory enrollments;
    private final AlertRuleCatalog rules;
    private final ObservationStore store;
    private final RecordAccessAudit audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    /** Who sent a single reading: readings of the same sender may be stored together (the audit names them). */
    private record Sender(String organizationId, String userId, String address, String agent) {
    }

    /** At most this many single readings in one transaction. */
    static final int MAX_COALESCED = 500;

    private final Coalescer<Sender, JsonNode, Outcome> singles = new Coalescer<>(
            (sender, readings) -> ingest(sender.organizationId(), sender.userId(), readings, null, true).stream()
                    // each reading was a request of its own: its index in that request is 0
                    .map(o -> new Outcome(0, o.status(), o.id(), o.errors())).toList(),
            MAX_COALESCED);

    Ingestion(TenantScope tenantScope, MetricCatalog metrics, PatientDirectory patients,
            EnrollmentDirectory enrollments, AlertRuleCatalog rules, ObservationStore store, RecordAccessAudit audit,
            ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.tenantScope = tenantScope;
        this.metrics = metrics;
        this.patients = patients;
        this.enrollments = enrollments;
        this.rules = rules;
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * One reading sent on its own (a single-reading POST). Readings of the same sender (member,
     * address, user agent) that arrive while one of theirs is being stored are stored together in
     * the next transaction ({@link Coalescer}): under a burst of single POSTs each no longer pays a
     * transaction, its look-ups, its WAL flush and an alert evaluation of its own. The outcome is the
     * reading's own, as if sent alone (two identical readings together: the second is a duplicate
     * of the first, as one after the other). Inside a running transaction it is stored in it.
     */
    Outcome ingestOne(String organizationId, String userId, JsonNode reading) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return ingest(organizationId, userId, java.util.Collections.singletonList(reading), null, true).get(0);
        }
        String address = null;
        String agent = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            address = attributes.getRequest().getRemoteAddr();
            agent = attributes.getRequest().getHeader("User-Agent");
        }
        return singles.submit(new Sender(organizationId, userId, address, agent), reading);
    }

    /**
     * Validates, normalizes and stores the readings for the organization; {@code forced} (the
     * device webhook) overrides each reading's source.
     */
    List<Outcome> ingest(String organizationId, String userId, List<JsonNode> readings, ObservationSource forced) {
        return ingest(organizationId, userId, readings, forced, false);
    }

    /** {@code inline}: single readings, evaluated in their own transaction ({@link ReadingsStoredInTransaction}). */
    private List<Outcome> ingest(String organizationId, String userId, List<JsonNode> readings,
            ObservationSource forced, boolean inline) {
        Instant now = clock.instant();
        List<Parsed> parsed = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            parsed.add(parse(i, readings.get(i), now, forced));
        }
        // ids are drawn inside store(), so a transaction rolled back by a deadlock is repeated whole
        return org.vigil.shared.persistence.LockConflicts.retrying(
                () -> tenantScope.call(organizationId, userId, () -> store(organizationId, parsed, now, inline)));
    }

    private List<Outcome> store(String organizationId, List<Parsed> parsed, Instant now, boolean inline) {
        Set<String> keys = new HashSet<>();
        Set<String> loincs = new HashSet<>();
        Set<String> patientIds = new HashSet<>();
        for (Parsed p : parsed) {
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
        Map<String, Boolean> activePatients = new HashMap<>();
        patients.findAll(patientIds).forEach(p -> activePatients.put(p.id(), p.active()));
        Map<String, List<ActiveEnrollment>> enrollmentsByPatient = new HashMap<>();
        Set<String> presetIds = new HashSet<>();
        for (ActiveEnrollment e : enrollments.activeOf(activePatients.keySet())) {
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
        for (Parsed p : parsed) {
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
                valueJson = normalize(p.node(), metric, errors);
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

        createdByPatient.forEach((patientId, ids) -> audit.createdAll(OBSERVATION, ids, patientId));
        if (!touched.isEmpty()) {
            List<ReadingsRecorded.PatientReadings> perPatient = new ArrayList<>();
            touched.forEach((patientId, acc) -> perPatient.add(new ReadingsRecorded.PatientReadings(patientId,
                    List.copyOf(acc.keys), acc.latest)));
            ReadingsRecorded recorded = new ReadingsRecorded(organizationId, perPatient);
            events.publishEvent(inline ? new ReadingsStoredInTransaction(recorded) : recorded);
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

    private Parsed parse(int index, JsonNode node, Instant now, ObservationSource forced) {
        List<FieldError> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            errors.add(new FieldError("", "a reading must be a JSON object"));
            return new Parsed(index, node, null, null, null, null, null, null, null, null, errors);
        }
        Set<String> allowed = Set.of("patientId", "metric", "loinc", "value", "unit", "source", "sourceIdentifier",
                "context", "notes", "recordedAt");
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        }
        String patientId = text(node, "patientId", 64, true, errors);
        String metricKey = text(node, "metric", 64, false, errors);
        String loinc = text(node, "loinc", 32, false, errors);
        if (metricKey == null && loinc == null && errors.stream().noneMatch(e -> e.field().equals("metric")
                || e.field().equals("loinc"))) {
            errors.add(new FieldError("metric", "required: a metric key (or a LOINC code in 'loinc')"));
        } else if (metricKey != null && loinc != null) {
            errors.add(new FieldError("loinc", "give either metric or loinc, not both"));
        }
        if (!node.has("value") || node.get("value").isNull()) {
            errors.add(new FieldError("value", "required"));
        }
        Instant recordedAt = null;
        String at = text(node, "recordedAt", 64, true, errors);
        if (at != null) {
            try {
                recordedAt = Instant.parse(at);
                if (recordedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
                    errors.add(new FieldError("recordedAt", "is more than 5 minutes in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("recordedAt", "must be an ISO-8601 instant such as 2026-11-02T13:05:00Z"));
            }
        }
        ObservationSource source = ObservationSource.MANUAL;
        String sourceText = text(node, "source", 16, false, errors);
        if (sourceText != null) {
            try {
                source = ObservationSource.valueOf(sourceText);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("source", "must be one of MANUAL, DEVICE, API, IMPORT"));
            }
        }
        if (forced != null) {
            source = forced;
        }
        ObservationContext context = null;
        String contextText = text(node, "context", 32, false, errors);
        if (contextText != null) {
            try {
                context = ObservationContext.valueOf(contextText);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("context",
                        "must be one of WELLNESS, PROGRAM_ENROLLMENT, CLINICAL_MONITORING, ROUTINE_FOLLOWUP"));
            }
        }
        String sourceIdentifier = text(node, "sourceIdentifier", MAX_IDENTIFIER, false, errors);
        String notes = text(node, "notes", MAX_TEXT, false, errors);
        text(node, "unit", 32, false, errors);
        return new Parsed(index, node, patientId, metricKey, loinc, recordedAt, source, sourceIdentifier, context,
                notes, errors);
    }

    private static String text(JsonNode node, String field, int max, boolean required, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "required"));
            }
            return null;
        }
        if (!value.isString() || value.asString().isBlank()) {
            errors.add(new FieldError(field, "must be a non-blank string"));
            return null;
        }
        String s = value.asString().strip();
        if (s.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return s;
    }

    /**
     * The reading's value as stored: numbers converted to the metric's canonical unit (canonical =
     * value × factor + offset of the alternative unit sent), checked against the plausible range
     * and rounded to the metric's precision; booleans as JSON booleans; categorical and ordinal
     * answers as one of the metric's option values; text as a string.
     */
    String normalize(JsonNode reading, MetricInfo metric, List<FieldError> errors) {
        JsonNode value = reading.get("value");
        if (value == null || value.isNull()) {
            return null;
        }
        JsonNode unitNode = reading.get("unit");
        String unit = unitNode != null && unitNode.isString() ? unitNode.asString().strip() : null;
        ValueType type = metric.valueType();
        switch (type) {
            case NUMERIC, INTEGER -> {
                if (!value.isNumber()) {
                    errors.add(new FieldError("value", "must be a number"));
                    return null;
                }
                BigDecimal v = value.decimalValue();
                boolean converted = unit != null && !unit.equals(metric.unit());
                if (type == ValueType.INTEGER && !converted && v.stripTrailingZeros().scale() > 0) {
                    errors.add(new FieldError("value", "must be a whole number"));
                    return null;
                }
                if (converted) {
                    UnitConversion conversion = metric.alternativeUnits().stream()
                            .filter(c -> c.unit().equals(unit)).findFirst().orElse(null);
                    if (conversion == null) {
                        List<String> units = new ArrayList<>();
                        if (metric.unit() != null) {
                            units.add(metric.unit());
                        }
                        metric.alternativeUnits().forEach(c -> units.add(c.unit()));
                        errors.add(new FieldError("unit", units.isEmpty() ? "this metric has no unit"
                                : "must be one of " + String.join(", ", units)));
                        return null;
                    }
                    v = v.multiply(conversion.factor(), MathContext.DECIMAL64).add(conversion.offset());
                }
                int scale = metric.decimalPrecision() != null ? metric.decimalPrecision()
                        : type == ValueType.INTEGER ? 0 : 6;
                if (v.scale() > scale) {
                    v = v.setScale(scale, RoundingMode.HALF_UP);
                }
                String unitText = metric.unit() == null ? "" : " " + metric.unit();
                if (metric.plausibleMin() != null && v.compareTo(metric.plausibleMin()) < 0
                        || metric.plausibleMax() != null && v.compareTo(metric.plausibleMax()) > 0) {
                    errors.add(new FieldError("value", "outside the plausible range "
                            + range(metric.plausibleMin(), metric.plausibleMax()) + unitText
                            + " (a device or entry error)"));
                    return null;
                }
                BigDecimal plain = v.stripTrailingZeros();
                return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    errors.add(new FieldError("value", "must be true or false"));
                    return null;
                }
                return value.booleanValue() ? "true" : "false";
            }
            case CATEGORICAL, ORDINAL -> {
                String answer = value.isString() ? value.asString() : value.isNumber() ? value.asString() : null;
                if (answer == null || metric.options().stream().noneMatch(o -> o.value().equals(answer))) {
                    errors.add(new FieldError("value", "must be one of the metric's options"));
                    return null;
                }
                return json.writeValueAsString(answer);
            }
            default -> {
                if (!value.isString() || value.asString().length() > MAX_TEXT) {
                    errors.add(new FieldError("value", "must be a string of at most " + MAX_TEXT + " characters"));
                    return null;
                }
                return json.writeValueAsString(value.asString());
            }
        }
    }

    private static String range(BigDecimal min, BigDecimal max) {
        String lo = min == null ? "-∞" : min.stripTrailingZeros().toPlainString();
        String hi = max == null ? "∞" : max.stripTrailingZeros().toPlainString();
        return lo + "–" + hi;
    }
}
