package org.vigil.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * Readings were stored (published in the storing transaction, so Spring Modulith's event
 * publication registry records it together with the readings: a crash between commit and alert
 * evaluation loses nothing). Ids only, no values: the event is stored as JSON.
 *
 * @param organizationId whose readings
 * @param patients       per patient touched: the metric keys stored and the latest {@code recordedAt}
 */
public record ReadingsRecorded(String organizationId, List<PatientReadings> patients) {

    public record PatientReadings(String patientId, List<String> metricKeys, Instant latestRecordedAt) {
    }
}
