package org.vigil.billing.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
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
 * <p><b>Data days</b> come from ingestion's daily rollup {@code observation_daily} (issue 6, source
 * classes since V90), summed over metrics per enrollment and local date: device readings
 * ({@code source = 'DEVICE'}) and self-reported ones ({@code MANUAL}, {@code API}); {@code IMPORT}ed
 * history counts toward neither. Only readings attributed to the enrollment
 * ({@code observations.enrollment_id}) count. The rollup's local dates are in the organization's
 * zone, which the rollup follows (rebuilt when the zone changes, V90), so a month's days are
 * {@code local_date < first day of the next month}, exactly the readings before the month's end in
 * that zone. The whole episode is read (set-up is once per episode, so its history matters): one
 * row per enrollment and month, with its days as bit masks (kept from the rollup by the database,
 * V105 {@code enrollment_data_days}), instead of every reading; a day's counts are therefore 1
 * ("some"), which is all the engine asks of them.
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

    /**
     * Days with data per enrollment, up to the month's end, as one row per enrollment and calendar
     * month: bit {@code d - 1} of {@code device} (of {@code self_reported}) is set when day {@code d}
     * of that month has device (self-reported) readings. The masks are kept per enrollment and month
     * by the database from the daily rollup (V105 {@code enrollment_data_days}, triggers on
     * {@code observation_daily}), so this reads 10,000 rows for the benchmark's 10,000 enrollments
     * instead of aggregating their 310,000 rollup rows on every call. The same days as grouping the raw
     * {@code observations} by enrollment and {@code (recorded_at AT TIME ZONE zone)::date}
     * ({@code DataDaysFromRollupTest}); imported readings count toward neither.
     */
    private static final String DATA_DAYS = """
            SELECT d.enrollment_id, d.month, d.device, d.self_reported
              FROM enrollment_data_days d
             WHERE d.organization_id = ? AND d.month < ? AND d.enrollment_id IN (%s)""";

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
        return load(organizationId, month, "", null);
    }

    @Override
    public Optional<Facts.Patient> patient(String organizationId, String patientId, YearMonth month) {
        return load(organizationId, month, "AND e.patient_id = ?", patientId).stream().findFirst();
    }

    @Override
    public List<Facts.Patient> patients(String organizationId, Collection<String> patientIds, YearMonth month) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return load(organizationId, month, "AND e.patient_id = ANY (?)", patientIds.toArray(String[]::new));
    }

    @Override
    public List<EnrollmentRef> enrollments(String organizationId, YearMonth month) {
        ZoneId zone = zones.zoneOf(organizationId);
        Window w = new Window(zone, month);
        // The enrollments ENROLLMENTS would load (same FROM and WHERE), ids only.
        String sql = "SELECT e.id, e.patient_id " + ENROLLMENTS.substring(ENROLLMENTS.indexOf("FROM enrollments e")).formatted("");
        return jdbc.query(sql, (rs, n) -> new EnrollmentRef(rs.getString("patient_id"), rs.getString("id")),
                organizationId, w.monthEnd(), w.earliestEnd());
    }

    /** The instants that bound what a month's billing reads, in the organization's zone. */
    private record Window(Timestamp windowStart, Timestamp monthEnd, Timestamp earliestEnd) {
        Window(ZoneId zone, YearMonth month) {
            // Device periods billed in the month began up to 29 days before it; 99091 looks at the month before too.
            this(Timestamp.from(month.minusMonths(1).atDay(1).atStartOfDay(zone).toInstant()),
                    Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()),
                    Timestamp.from(month.atDay(1).minusDays(30).atStartOfDay(zone).toInstant()));
        }
    }

    private record EnrollmentRow(String id, String patientId, String programId, String status, LocalDate start, LocalDate end,
            boolean attested, Facts.Clinician clinician) {
    }

    /** The organization's facts for the month, of the patients {@code patientFilter} (bound to {@code patientArgument}) admits. */
    private List<Facts.Patient> load(String organizationId, YearMonth month, String patientFilter, Object patientArgument) {
        ZoneId zone = zones.zoneOf(organizationId);
        String tz = zone.getId();
        Window w = new Window(zone, month);
        Timestamp windowStart = w.windowStart();
        Timestamp monthEnd = w.monthEnd();
        Timestamp earliestEnd = w.earliestEnd();
        List<Object> scopeArgs = new ArrayList<>(List.of(organizationId, monthEnd, earliestEnd));
        if (patientArgument != null) {
            scopeArgs.add(patientArgument);
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
        List<Object> dayArgs = new ArrayList<>(List.of(organizationId, month.plusMonths(1).atDay(1)));
        dayArgs.addAll(scopeArgs);
        jdbc.query(DATA_DAYS.formatted(scope), rs -> {
            List<Facts.DataDay> list = days.computeIfAbsent(rs.getString("enrollment_id"), k -> new ArrayList<>());
            LocalDate first = rs.getObject("month", LocalDate.class);
            int device = rs.getInt("device");
            int selfReported = rs.getInt("self_reported");
            for (int any = device | selfReported; any != 0; any &= any - 1) {
                int bit = Integer.numberOfTrailingZeros(any);
                // The engine asks only whether a day had readings of each kind: 1 stands for "some".
                list.add(new Facts.DataDay(first.plusDays(bit), (device >>> bit) & 1, (selfReported >>> bit) & 1));
            }
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
