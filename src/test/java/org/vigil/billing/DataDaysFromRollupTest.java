package org.vigil.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.billing.engine.BillingFacts;
import org.vigil.billing.engine.Facts;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.PlatformScope;
import org.vigil.tenancy.TenantScope;

/**
 * Billing's data days come from the daily rollup (V90): for readings of every source (DEVICE,
 * MANUAL, API, IMPORT), two metrics and two enrollments, written through ingestion around both
 * ends of a month in Los Angeles, the rollup's count per enrollment, local date and source class
 * equals the raw readings' count, and the days billing sees with device and with self-reported
 * data equal those of the raw {@code observations} (the query billing used before); both still
 * hold after the organization's time zone changes (the rollup is rebuilt).
 */
@VigilIntegrationTest
class DataDaysFromRollupTest {

    static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    static final YearMonth NOVEMBER = YearMonth.of(2025, 11);

    /** The pre-V90 DATA_DAYS query on raw observations: the reference. */
    static final String RAW = """
            SELECT o.enrollment_id, (o.recorded_at AT TIME ZONE ?)::date AS day,
                   count(*) FILTER (WHERE o.source = 'DEVICE') AS device,
                   count(*) FILTER (WHERE o.source IN ('MANUAL', 'API')) AS self_reported
              FROM observations o
             WHERE o.organization_id = ? AND o.recorded_at < ? AND o.enrollment_id IS NOT NULL
             GROUP BY 1, 2""";

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired Accounts accounts;
    @Autowired BillingFacts facts;
    @Autowired TenantScope tenant;
    @Autowired PlatformScope platform;
    @Autowired JdbcTemplate jdbc;

    Api api;
    String clinic;
    String nurse;
    List<String> patients = new ArrayList<>();
    List<String> enrollments = new ArrayList<>();
    List<String> metricKeys = new ArrayList<>();

    static Instant la(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(LocalDateTime.of(2025, month, day, hour, minute), LA).toInstant();
    }

    @BeforeEach
    void twoRpmPatientsInLosAngeles() {
        api = new Api(port);
        clinic = data.organization();
        data.platformUpdate("UPDATE organizations SET time_zone = 'America/Los_Angeles' WHERE id = ?", clinic);
        nurse = accounts.signIn(api, accounts.member(clinic, "NURSE"), clinic);
        String physician = data.clinician(clinic);
        data.platformUpdate("UPDATE clinicians SET credentials = 'MD', npi_number = '1234567893' WHERE id = ?", physician);
        for (int i = 0; i < 2; i++) {
            String patient = data.patient(clinic, null);
            String enrollment = data.enrollment(clinic, patient, physician, data.careProgram(clinic));
            data.platformUpdate("UPDATE enrollments SET billing_program_id = (SELECT id FROM billing_programs "
                    + "WHERE code = 'CMS_RPM_2025'), status = 'ACTIVE', start_date = ? WHERE id = ?",
                    java.sql.Timestamp.from(la(9, 1, 8, 0)), enrollment);
            patients.add(patient);
            enrollments.add(enrollment);
        }
        for (int i = 0; i < 2; i++) {
            // a cuid's first characters are its time: two in the same millisecond share them
            String id = org.vigil.shared.Ids.newId();
            String key = "m" + i + "_" + id.substring(id.length() - 8);
            data.platformUpdate("INSERT INTO metric_definitions (id, organization_id, key, display_name, value_type) "
                    + "VALUES (?, ?, ?, ?, 'NUMERIC')", org.vigil.shared.Ids.newId(), clinic, key, key);
            metricKeys.add(key);
        }
    }

    Map<String, Object> reading(String patient, String metric, String source, Instant at, int n) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("patientId", patient);
        r.put("metric", metric);
        r.put("value", 100 + n);
        r.put("recordedAt", at.toString());
        r.put("source", source);
        r.put("sourceIdentifier", source.toLowerCase() + "-" + n);
        return r;
    }

    @Test
    void deviceAndSelfReportedDaysFromTheRollupEqualTheRawCounts() {
        String[] sources = {"DEVICE", "MANUAL", "API", "IMPORT"};
        // Around the start of November (31 Oct 23:30 is 06:30 UTC on 1 Nov) and its end (30 Nov 23:30 is
        // 07:30 UTC on 1 Dec), and days in between; every source, both metrics, both patients.
        Instant[] times = {la(10, 30, 12, 0), la(10, 31, 0, 15), la(10, 31, 23, 30), la(10, 31, 23, 59), la(11, 1, 0, 0),
            la(11, 1, 0, 30), la(11, 2, 9, 0), la(11, 15, 16, 45), la(11, 29, 23, 59), la(11, 30, 17, 0), la(11, 30, 23, 30),
            la(12, 1, 0, 0), la(12, 1, 1, 0)};
        List<Map<String, Object>> readings = new ArrayList<>();
        int n = 0;
        for (int p = 0; p < patients.size(); p++) {
            for (int t = 0; t < times.length; t++) {
                for (int s = 0; s < sources.length; s++) {
                    // Not every combination: days with only one kind of source, and days with several.
                    if ((t + s + p) % 3 == 0 || s == t % 4) {
                        readings.add(reading(patients.get(p), metricKeys.get((t + s) % 2), sources[s], times[t], n++));
                    }
                }
            }
        }
        // Two batches (the second overlaps days of the first: the rollup rows are updated, not duplicated).
        int half = readings.size() / 2;
        for (List<Map<String, Object>> batch : List.of(readings.subList(0, half), readings.subList(half, readings.size()))) {
            Api.Response response = api.post("/api/v1/observations", Api.json(Map.of("readings", batch)), nurse);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get("stored").asInt()).as(response.body()).isEqualTo(batch.size());
        }
        assertThat(data.platformQuery("SELECT count(*)::int FROM observations WHERE organization_id = ? "
                + "AND enrollment_id IS NOT NULL", clinic)).isEqualTo(readings.size());

        Map<String, String> fromRollup = fromFacts(NOVEMBER);
        Map<String, String> fromRaw = raw(LA, NOVEMBER);
        assertThat(fromRollup).isEqualTo(fromRaw);
        // The month boundary matters: 30 Nov 23:30 (Los Angeles) is November's, 31 Oct 23:30 October's.
        assertThat(fromRaw.keySet()).anyMatch(k -> k.endsWith("|2025-11-30"));
        assertThat(fromRaw.keySet()).noneMatch(k -> k.endsWith("|2025-12-01"));
        assertThat(fromRaw.keySet()).anyMatch(k -> k.endsWith("|2025-10-31"));
        assertThat(fromRaw.values()).contains("D-", "-S", "DS");
        // The rollup itself: per enrollment, local date and source class, exactly the raw readings' count.
        assertThat(rollupCounts()).isEqualTo(rawCounts("America/Los_Angeles")).hasSizeGreaterThan(20);
        // The per-enrollment monthly masks billing reads (V105, kept by triggers as ingestion adds rollup rows).
        assertThat(masks()).isEqualTo(masksFromRollup()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(fromFacts(YearMonth.of(2025, 10))).isEqualTo(raw(LA, YearMonth.of(2025, 10)));

        // A new zone: the rollup follows it (rebuilt in the settings change), and still equals the raw counts.
        data.platformUpdate("UPDATE organizations SET time_zone = 'Asia/Tokyo' WHERE id = ?", clinic);
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertThat(fromFacts(NOVEMBER)).isEqualTo(raw(tokyo, NOVEMBER)).isNotEqualTo(fromRaw);
        assertThat(rollupCounts()).isEqualTo(rawCounts("Asia/Tokyo"));
        assertThat(masks()).isEqualTo(masksFromRollup());

        // Readings written with plain SQL, then the rollup rebuilt (the fixtures' and repairs' way): the masks follow.
        data.platformUpdate("INSERT INTO observations (id, patient_id, enrollment_id, metric_id, value, unit, source, recorded_at, "
                + "organization_id) SELECT 'sql-' || o.id, o.patient_id, o.enrollment_id, o.metric_id, o.value, o.unit, o.source, "
                + "o.recorded_at + interval '9 days', o.organization_id FROM observations o WHERE o.organization_id = ?", clinic);
        data.rebuildDailyRollup(clinic);
        assertThat(masks()).isEqualTo(masksFromRollup());
        assertThat(fromFacts(NOVEMBER)).isEqualTo(raw(tokyo, NOVEMBER));
    }

    /** enrollment|month → device and self-reported day masks, as kept in enrollment_data_days. */
    Map<String, Integer> masks() {
        return masks("SELECT enrollment_id, month, device, self_reported FROM enrollment_data_days WHERE organization_id = ?");
    }

    /** The same computed from the daily rollup as it stands. */
    Map<String, Integer> masksFromRollup() {
        return masks("SELECT enrollment_id, local_date - (extract(day FROM local_date)::int - 1) AS month, "
                + "coalesce(bit_or(1 << (extract(day FROM local_date)::int - 1)) FILTER (WHERE source_class = 'DEVICE'), 0) AS device, "
                + "coalesce(bit_or(1 << (extract(day FROM local_date)::int - 1)) FILTER (WHERE source_class = 'SELF_REPORTED'), 0) "
                + "AS self_reported FROM observation_daily WHERE organization_id = ? AND enrollment_id IS NOT NULL "
                + "AND source_class <> 'OTHER' GROUP BY 1, 2");
    }

    Map<String, Integer> masks(String sql) {
        Map<String, Integer> out = new TreeMap<>();
        platform.run(null, "test check", () -> jdbc.query(sql, rs -> {
            String key = rs.getString("enrollment_id") + "|" + rs.getObject("month", LocalDate.class);
            out.put(key + "|D", rs.getInt("device"));
            out.put(key + "|S", rs.getInt("self_reported"));
        }, clinic));
        return out;
    }

    /** enrollment|local date|source class → readings, from the rollup (every metric and source class). */
    Map<String, Integer> rollupCounts() {
        return counts("SELECT enrollment_id, local_date AS day, source_class, sum(reading_count)::int AS n FROM observation_daily "
                + "WHERE organization_id = ? GROUP BY 1, 2, 3", clinic);
    }

    /** The same counted from the raw observations, their local dates in the zone. */
    Map<String, Integer> rawCounts(String zone) {
        return counts("SELECT enrollment_id, (recorded_at AT TIME ZONE ?)::date AS day, "
                + "CASE source WHEN 'DEVICE' THEN 'DEVICE' WHEN 'IMPORT' THEN 'OTHER' ELSE 'SELF_REPORTED' END AS source_class, "
                + "count(*)::int AS n FROM observations WHERE organization_id = ? GROUP BY 1, 2, 3", zone, clinic);
    }

    Map<String, Integer> counts(String sql, Object... arguments) {
        Map<String, Integer> out = new TreeMap<>();
        platform.run(null, "test check", () -> jdbc.query(sql, rs -> {
            out.put(rs.getString("enrollment_id") + "|" + rs.getObject("day", LocalDate.class) + "|" + rs.getString("source_class"),
                    rs.getInt("n"));
        }, arguments));
        return out;
    }

    /** What a day is to the engine: with device data (D), self-reported data (S), both or neither. */
    static String days(int device, int selfReported) {
        return (device > 0 ? "D" : "-") + (selfReported > 0 ? "S" : "-");
    }

    /** enrollment|day → D/S flags, as billing's facts give them (days with either). */
    Map<String, String> fromFacts(YearMonth month) {
        Map<String, String> out = new TreeMap<>();
        List<Facts.Patient> loaded = tenant.call(clinic, () -> facts.organization(clinic, month));
        assertThat(loaded).hasSize(2);
        for (Facts.Patient p : loaded) {
            for (Facts.Enrollment e : p.enrollments()) {
                for (Facts.DataDay d : e.dataDays()) {
                    out.put(e.enrollmentId() + "|" + d.date(), days(d.deviceReadings(), d.selfReportedReadings()));
                }
            }
        }
        return out;
    }

    /** The same from the raw observations, days with neither (imports only) left out as the engine ignores them. */
    Map<String, String> raw(ZoneId zone, YearMonth month) {
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Map<String, String> out = new TreeMap<>();
        platform.run(null, "test check", () -> jdbc.query(RAW, rs -> {
            int device = rs.getInt("device");
            int self = rs.getInt("self_reported");
            if (device + self > 0) {
                out.put(rs.getString("enrollment_id") + "|" + rs.getObject("day", LocalDate.class), days(device, self));
            }
        }, zone.getId(), clinic, java.sql.Timestamp.from(end)));
        return out;
    }
}
