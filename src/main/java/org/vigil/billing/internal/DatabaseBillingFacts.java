package org.vigil.billing.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.billing.engine.BillingFacts;
import org.vigil.billing.engine.Facts;
import org.vigil.billing.ClinicianCapacities;
import org.vigil.tenancy.OrganizationZones;

/**
 * The engine's facts from the database, for a whole organization in six set-based queries
 * (enrollments, patients, diagnoses, consents, data days, time logs), never one per patient. Runs
 * inside the organization's tenant scope (row-level security) and filters by organization_id too so
 * the indexes apply.
 *
 * <p>Days are local dates in the organization's time zone, computed by PostgreSQL
 * ({@code (recorded_at AT TIME ZONE zone)::date}), so a reading at 23:30 on 30 November in
 * America/Los_Angeles counts for 30 November (verified §C rule 5).
 *
 * <p><b>Data days</b> come from {@code observations} grouped by enrollment and local date, split
 * into device readings ({@code source = 'DEVICE'}) and self-reported ones ({@code MANUAL}, {@code API});
 * {@code IMPORT}ed history counts toward neither. Only readings attributed to the enrollment
 * ({@code observations.enrollment_id}) count. <b>When ingestion's daily rollup table (issue 6)
 * lands, {@link #DATA_DAYS} reads it instead</b> (same columns: organization, patient, enrollment,
 * local date, device count, other count); nothing else changes. The whole episode is read (set-up
 * is once per episode, so its history matters); with the rollup that is one small row per day.
 *
 * <p><b>Minutes</b> come from billable {@code time_logs} attributed to the enrollment, dated by
 * {@code started_at} (else {@code logged_at}) in the organization's zone, with the performer's
 * capacity from their credentials. {@code interactive_communication} marks a live phone/video
 * contact (V9); Vigil records no secure-messaging channel yet, so the secure-messaging policy has no
 * effect until carework records one. Vigil records no E/M visits, so every enrollment carries the
 * NO_PRIOR_VISIT warning, and no complex-CCM documentation (99487 stays BLOCKED).
 */
@Component
class DatabaseBillingFacts implements BillingFacts {

    private static final String ENROLLMENTS = """
            SELECT e.id, e.patient_id, e.billing_program_id, e.status,
                   (e.start_date AT TIME ZONE ?)::date AS start_day, (e.end_date AT TIME ZONE ?)::date AS end_day,
                   coalesce((e.billing_eligibility ->> 'eligible')::boolean, false) AS attested,
                   c.id AS clinician_id, c.credentials, c.npi_number
              FROM enrollments e JOIN clinicians c ON c.id = e.clinician_id AND c.organization_id = e.organization_id
             WHERE e.organization_id = ? AND e.billing_program_id IS NOT NULL AND e.status <> 'PENDING'
               AND e.start_date < ? AND (e.end_date IS NULL OR e.end_date >= ?) %s""";

    private static final String SCOPE = """
            SELECT e.id FROM enrollments e
             WHERE e.organization_id = ? AND e.billing_program_id IS NOT NULL AND e.status <> 'PENDING'
               AND e.start_date < ? AND (e.end_date IS NULL OR e.end_date >= ?) %s""";

    /** Switches to the daily rollup table of issue 6 once it lands (see the class comment). */
    private static final String DATA_DAYS = """
            SELECT o.enrollment_id, (o.recorded_at AT TIME ZONE ?)::date AS day,
                   count(*) FILTER (WHERE o.source = 'DEVICE') AS device,
                   count(*) FILTER (WHERE o.source IN ('MANUAL', 'API')) AS self_reported
              FROM observations o
             WHERE o.organization_id = ? AND o.recorded_at < ? AND o.enrollment_id IN (%s)
             GROUP BY 1, 2""";

    private static final String TIME = """
            SELECT t.enrollment_id, t.clinician_id, c.credentials,
                   (coalesce(t.started_at, t.logged_at) AT TIME ZONE ?)::date AS day, t.duration, t.interactive_communication
              FROM time_logs t JOIN clinicians c ON c.id = t.clinician_id AND c.organization_id = t.organization_id
             WHERE t.organization_id = ? AND t.billable AND coalesce(t.started_at, t.logged_at) >= ?
               AND coalesce(t.started_at, t.logged_at) < ? AND t.enrollment_id IN (%s)""";

    private final JdbcTemplate jdbc;
    private final OrganizationZones zones;
    private final ClinicianCapacities capacities;

    DatabaseBillingFacts(JdbcTemplate jdbc, OrganizationZones zones, ClinicianCapacities capacities) {
        this.jdbc = jdbc;
        this.zones = zones;
        this.capacities = capacities;
    }

    @Override
    public List<Facts.Patient> organization(String organizationId, YearMonth month) {
        return load(organizationId, month, null);
    }

    @Override
    public Optional<Facts.Patient> patient(String organizationId, String patientId, YearMonth month) {
        return load(organizationId, month, patientId).stream().findFirst();
    }

    private record EnrollmentRow(String id, String patientId, String programId, String status, LocalDate start, LocalDate end,
            boolean attested, Facts.Clinician clinician) {
    }

    private List<Facts.Patient> load(String organizationId, YearMonth month, String patientId) {
        ZoneId zone = zones.zoneOf(organizationId);
        String tz = zone.getId();
        // Device periods billed in the month began up to 29 days before it; 99091 looks at the month before too.
        Timestamp windowStart = Timestamp.from(month.minusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        Timestamp monthEnd = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        Timestamp earliestEnd = Timestamp.from(month.atDay(1).minusDays(30).atStartOfDay(zone).toInstant());
        String patientFilter = patientId == null ? "" : "AND e.patient_id = ?";
        List<Object> scopeArgs = new ArrayList<>(List.of(organizationId, monthEnd, earliestEnd));
        if (patientId != null) {
            scopeArgs.add(patientId);
        }
        String scope = SCOPE.formatted(patientFilter);

        List<Object> args = new ArrayList<>(List.of(tz, tz));
        args.addAll(scopeArgs);
        List<EnrollmentRow> enrollments = jdbc.query(ENROLLMENTS.formatted(patientFilter), (rs, n) -> new EnrollmentRow(
                rs.getString("id"), rs.getString("patient_id"), rs.getString("billing_program_id"), rs.getString("status"),
                rs.getObject("start_day", LocalDate.class), rs.getObject("end_day", LocalDate.class), rs.getBoolean("attested"),
                new Facts.Clinician(rs.getString("clinician_id"), performer(rs.getString("credentials")), rs.getString("npi_number"))),
                args.toArray());
        if (enrollments.isEmpty()) {
            return List.of();
        }
        String patientsOfScope = "SELECT e.patient_id FROM (" + scope + ") s JOIN enrollments e ON e.id = s.id";

        Map<String, Facts.Insurance> insurance = new HashMap<>();
        jdbc.query("SELECT id, insurance_info ->> 'type' AS type, "
                + "coalesce((insurance_info ->> 'qualifiedMedicareBeneficiary')::boolean, false) AS qmb "
                + "FROM patients WHERE organization_id = ? AND id IN (" + patientsOfScope + ")",
                rs -> {
                    insurance.put(rs.getString("id"), new Facts.Insurance(rs.getString("type"), rs.getBoolean("qmb")));
                }, prepend(organizationId, scopeArgs));

        Map<String, List<Facts.Diagnosis>> diagnoses = new HashMap<>();
        jdbc.query("SELECT patient_id, icd10_code, is_primary, onset_date, resolved_date FROM patient_diagnoses "
                + "WHERE organization_id = ? AND patient_id IN (" + patientsOfScope + ") ORDER BY is_primary DESC, icd10_code",
                rs -> {
                    diagnoses.computeIfAbsent(rs.getString("patient_id"), k -> new ArrayList<>()).add(new Facts.Diagnosis(
                            rs.getString("icd10_code"), rs.getBoolean("is_primary"), rs.getObject("onset_date", LocalDate.class),
                            rs.getObject("resolved_date", LocalDate.class)));
                }, prepend(organizationId, scopeArgs));

        Map<String, List<Facts.Consent>> consents = new HashMap<>();
        jdbc.query("SELECT patient_id, type, program_type, consented_on, revoked_on, cost_sharing_acknowledged "
                + "FROM patient_consents WHERE organization_id = ? AND patient_id IN (" + patientsOfScope + ")",
                rs -> {
                    consents.computeIfAbsent(rs.getString("patient_id"), k -> new ArrayList<>()).add(new Facts.Consent(
                            rs.getString("type"), rs.getString("program_type"), rs.getObject("consented_on", LocalDate.class),
                            rs.getObject("revoked_on", LocalDate.class), rs.getBoolean("cost_sharing_acknowledged")));
                }, prepend(organizationId, scopeArgs));

        Map<String, List<Facts.DataDay>> days = new HashMap<>();
        List<Object> dayArgs = new ArrayList<>(List.of(tz, organizationId, monthEnd));
        dayArgs.addAll(scopeArgs);
        jdbc.query(DATA_DAYS.formatted(scope), rs -> {
            days.computeIfAbsent(rs.getString("enrollment_id"), k -> new ArrayList<>()).add(new Facts.DataDay(
                    rs.getObject("day", LocalDate.class), rs.getInt("device"), rs.getInt("self_reported")));
        }, dayArgs.toArray());

        Map<String, List<Facts.TimeEntry>> time = new HashMap<>();
        List<Object> timeArgs = new ArrayList<>(List.of(tz, organizationId, windowStart, monthEnd));
        timeArgs.addAll(scopeArgs);
        jdbc.query(TIME.formatted(scope), rs -> {
            time.computeIfAbsent(rs.getString("enrollment_id"), k -> new ArrayList<>()).add(new Facts.TimeEntry(
                    rs.getString("clinician_id"), performer(rs.getString("credentials")), rs.getObject("day", LocalDate.class),
                    rs.getInt("duration"), rs.getBoolean("interactive_communication") ? Facts.Contact.LIVE_AUDIO_VIDEO
                            : Facts.Contact.NONE));
        }, timeArgs.toArray());

        Map<String, List<Facts.Enrollment>> byPatient = new LinkedHashMap<>();
        for (EnrollmentRow e : enrollments) {
            byPatient.computeIfAbsent(e.patientId(), k -> new ArrayList<>()).add(new Facts.Enrollment(e.id(), e.programId(),
                    e.status(), e.start(), e.end(), e.clinician(), e.attested(), Set.of(), days.getOrDefault(e.id(), List.of()),
                    time.getOrDefault(e.id(), List.of()), null));
        }
        List<Facts.Patient> patients = new ArrayList<>();
        byPatient.forEach((id, list) -> patients.add(new Facts.Patient(id, insurance.getOrDefault(id, Facts.Insurance.unknown()),
                diagnoses.getOrDefault(id, List.of()), consents.getOrDefault(id, List.of()), list)));
        return patients;
    }

    private static Object[] prepend(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray();
    }

    private final java.util.Map<String, Facts.Performer> performers = new java.util.concurrent.ConcurrentHashMap<>();

    /** The capacity of a clinician's credentials (patients module), as the engine's performer. */
    Facts.Performer performer(String credentials) {
        return performers.computeIfAbsent(credentials == null ? "" : credentials, c -> capacities.capacityOf(c)
                .map(Facts.Performer::valueOf).orElse(Facts.Performer.UNKNOWN));
    }
}
