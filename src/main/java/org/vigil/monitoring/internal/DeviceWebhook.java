package org.vigil.monitoring.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.monitoring.ObservationSource;
import org.vigil.shared.Ids;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ApiProblem.FieldError;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A vendor platform's delivery of one device's readings, already authenticated
 * ({@link DeviceVendors}): the registry says which organization registered the device (a
 * key-hole function, {@code vigil_device_lookup}, since no organization is known yet), each reading
 * goes to the patient the device was assigned to at the reading's time, and the readings are
 * ingested in that organization with source DEVICE and the device as source identifier (so a
 * resent delivery is recognised and stores nothing new). A device no organization registered, an
 * inactive device, or readings outside every assignment are refused and recorded in
 * {@code device_refusals} (platform-level for an unknown device).
 */
@Service
class DeviceWebhook {

    static final int MAX_READINGS = 500;
    static final int MAX_SERIAL = 128;
    private static final Set<String> READING_FIELDS = Set.of("metric", "loinc", "value", "unit", "recordedAt",
            "context", "notes");

    enum Status {
        STORED, DUPLICATE, REJECTED, REFUSED
    }

    /** What became of one reading of the delivery (no ids: the vendor learns nothing about patients). */
    record ReadingOutcome(int index, Status status, List<FieldError> errors) {
    }

    record Result(int stored, int duplicates, int rejected, int refused, String refusalId,
            List<ReadingOutcome> results) {
    }

    private record Assignment(String patientId, Instant from, Instant until) {
        boolean covers(Instant at) {
            return !at.isBefore(from) && (until == null || at.isBefore(until));
        }
    }

    private record Device(String id, String organizationId, boolean active) {
    }

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final Ingestion ingestion;
    private final Clock clock;

    DeviceWebhook(JdbcTemplate jdbc, TenantScope tenantScope, Ingestion ingestion, Clock clock) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.ingestion = ingestion;
        this.clock = clock;
    }

    Result receive(String vendorName, JsonNode body) {
        String vendor = DeviceVendors.normalize(vendorName);
        if (body == null || !body.isObject()) {
            throw ApiProblem.invalid("", "the body must be a JSON object {serialNumber, readings}");
        }
        for (String name : body.propertyNames()) {
            if (!name.equals("serialNumber") && !name.equals("readings")) {
                throw ApiProblem.invalid(name, "unknown field");
            }
        }
        JsonNode serialNode = body.get("serialNumber");
        if (serialNode == null || !serialNode.isString() || serialNode.asString().isBlank()
                || serialNode.asString().length() > MAX_SERIAL) {
            throw ApiProblem.invalid("serialNumber", "required: the device's serial number or IMEI (at most "
                    + MAX_SERIAL + " characters)");
        }
        String serial = serialNode.asString().trim();
        JsonNode readings = body.get("readings");
        if (readings == null || !readings.isArray() || readings.isEmpty()) {
            throw ApiProblem.invalid("readings", "must be a non-empty array");
        }
        if (readings.size() > MAX_READINGS) {
            throw ApiProblem.invalid("readings", "at most " + MAX_READINGS + " readings per delivery");
        }
        Instant now = clock.instant();
        List<Instant> times = new ArrayList<>(readings.size());
        readings.forEach(r -> times.add(recordedAt(r)));

        // Before the organization is known: the key-hole, by exact (vendor, serial).
        Device device = jdbc.query("SELECT id, organization_id, is_active FROM vigil_device_lookup(?, ?)",
                (rs, n) -> new Device(rs.getString(1), rs.getString(2), rs.getBoolean(3)), vendor, serial)
                .stream().findFirst().orElse(null);
        if (device == null) {
            String refusal = jdbc.queryForObject("SELECT vigil_record_unknown_device_refusal(?, ?, ?, ?, ?, ?, ?)",
                    String.class, Ids.newId(), vendor, serial, readings.size(), timestamp(min(times)),
                    timestamp(max(times)), Timestamp.from(now));
            throw refused("Unknown device", "No organization has registered this device with this vendor; "
                    + "the delivery was recorded for the platform administrators.", refusal);
        }
        if (!device.active()) {
            String refusal = tenantScope.call(device.organizationId(), () -> recordRefusal(device, vendor, serial,
                    "DEVICE_INACTIVE", times, now));
            throw refused("Device inactive", "The device is registered but deactivated; the delivery was "
                    + "recorded for the organization's administrators.", refusal);
        }
        Result result = tenantScope.call(device.organizationId(), () -> place(device, vendor, serial, readings,
                times, now));
        if (result.refused() == readings.size()) {
            throw refused("Device not assigned", "The device was not assigned to a patient at the readings' "
                    + "times; the delivery was recorded for the organization's administrators.", result.refusalId());
        }
        return result;
    }

    private Result place(Device device, String vendor, String serial, JsonNode readings, List<Instant> times,
            Instant now) {
        List<Assignment> assignments = jdbc.query("SELECT patient_id, assigned_at, unassigned_at FROM device_assignments "
                + "WHERE device_id = ? ORDER BY assigned_at", (rs, n) -> new Assignment(rs.getString(1),
                rs.getTimestamp(2).toInstant(), rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()),
                device.id());
        ReadingOutcome[] outcomes = new ReadingOutcome[readings.size()];
        List<JsonNode> toIngest = new ArrayList<>();
        List<Integer> ingestIndex = new ArrayList<>();
        List<Instant> refusedTimes = new ArrayList<>();
        String sourceIdentifier = vendor + ":" + serial;
        for (int i = 0; i < readings.size(); i++) {
            JsonNode reading = readings.get(i);
            List<FieldError> errors = new ArrayList<>();
            if (reading == null || !reading.isObject()) {
                outcomes[i] = new ReadingOutcome(i, Status.REJECTED, List.of(new FieldError("",
                        "a reading must be a JSON object")));
                continue;
            }
            for (String name : reading.propertyNames()) {
                if (!READING_FIELDS.contains(name)) {
                    errors.add(new FieldError(name, "unknown field"));
                }
            }
            Instant at = times.get(i);
            if (at == null) {
                errors.add(new FieldError("recordedAt", "required: an ISO-8601 instant such as 2026-11-02T13:05:00Z"));
            }
            if (!errors.isEmpty()) {
                outcomes[i] = new ReadingOutcome(i, Status.REJECTED, List.copyOf(errors));
                continue;
            }
            Assignment assignment = assignments.stream().filter(a -> a.covers(at)).findFirst().orElse(null);
            if (assignment == null) {
                outcomes[i] = new ReadingOutcome(i, Status.REFUSED, List.of(new FieldError("recordedAt",
                        "the device was not assigned to a patient at this time")));
                refusedTimes.add(at);
                continue;
            }
            ObjectNode copy = ((ObjectNode) reading).deepCopy();
            copy.put("patientId", assignment.patientId());
            copy.put("sourceIdentifier", sourceIdentifier);
            toIngest.add(copy);
            ingestIndex.add(i);
        }
        String refusalId = refusedTimes.isEmpty() ? null
                : recordRefusal(device, vendor, serial, "NOT_ASSIGNED", refusedTimes, now);
        if (!toIngest.isEmpty()) {
            List<Ingestion.Outcome> ingested = ingestion.ingest(device.organizationId(), null, toIngest,
                    ObservationSource.DEVICE);
            for (int k = 0; k < ingested.size(); k++) {
                Ingestion.Outcome o = ingested.get(k);
                int index = ingestIndex.get(k);
                outcomes[index] = new ReadingOutcome(index, Status.valueOf(o.status().name()), o.errors());
            }
        }
        int stored = 0;
        int duplicates = 0;
        int rejected = 0;
        for (ReadingOutcome o : outcomes) {
            switch (o.status()) {
                case STORED -> stored++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> rejected++;
                default -> {
                }
            }
        }
        return new Result(stored, duplicates, rejected, refusedTimes.size(), refusalId, List.of(outcomes));
    }

    private String recordRefusal(Device device, String vendor, String serial, String reason, List<Instant> times,
            Instant now) {
        String id = Ids.newId();
        jdbc.update("INSERT INTO device_refusals (id, organization_id, device_id, vendor, serial_number, reason, "
                + "reading_count, first_recorded_at, last_recorded_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, device.organizationId(), device.id(), vendor, serial, reason, times.size(), timestamp(min(times)),
                timestamp(max(times)), Timestamp.from(now));
        return id;
    }

    private static ApiProblem refused(String title, String detail, String refusalId) {
        ApiProblem problem = ApiProblem.unprocessable(title, detail);
        problem.getBody().setProperty("refusalId", refusalId);
        return problem;
    }

    private static Instant recordedAt(JsonNode reading) {
        JsonNode at = reading == null ? null : reading.get("recordedAt");
        if (at == null || !at.isString()) {
            return null;
        }
        try {
            return Instant.parse(at.asString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant min(List<Instant> times) {
        return times.stream().filter(t -> t != null).min(Instant::compareTo).orElse(null);
    }

    private static Instant max(List<Instant> times) {
        return times.stream().filter(t -> t != null).max(Instant::compareTo).orElse(null);
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
