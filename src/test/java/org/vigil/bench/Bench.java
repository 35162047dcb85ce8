package org.vigil.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vigil.VigilApplication;
import org.vigil.shared.Ids;

/**
 * Shared plumbing of the benchmark harnesses (run by bench/*.sh, never by the test suite; no
 * Spring annotations here, so component scanning ignores this package).
 *
 * <p>The harness starts its own embedded PostgreSQL (the same zonky 17.x binaries and the same
 * server settings as {@code EmbeddedPostgresConfiguration}, plus {@code pg_stat_statements}
 * preloaded so that statements per reading can be counted on the server) and points Vigil at it
 * with {@code spring.datasource.url}, the documented way of using another server.
 */
final class Bench {

    static final String PASSWORD = "benchmark password 1234";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

    private Bench() {
    }

    /** key=value arguments. */
    static Map<String, String> arguments(String[] args) {
        Map<String, String> map = new HashMap<>();
        for (String a : args) {
            String s = a.startsWith("--") ? a.substring(2) : a;
            int eq = s.indexOf('=');
            if (eq > 0) {
                map.put(s.substring(0, eq), s.substring(eq + 1));
            }
        }
        return map;
    }

    /**
     * With the environment variable {@code BENCH_EXPLAIN_MS} set, {@code auto_explain} logs the plan
     * (with actual times and buffers) of every statement slower than that many milliseconds, in the
     * server's log files under {@code $TMPDIR/vigil-bench-pglog}: where a slow statement spends its time.
     */
    static EmbeddedPostgres startPostgres() throws Exception {
        String explainMillis = System.getenv("BENCH_EXPLAIN_MS");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements" + (explainMillis == null ? "" : ",auto_explain"))
                .setServerConfig("pg_stat_statements.track", "top")
                // how often each statement is planned, and for how long: a statement re-planned on
                // every call (a custom plan chosen over the generic one) shows here
                .setServerConfig("pg_stat_statements.track_planning", "on");
        if (explainMillis != null) {
            builder.setServerConfig("auto_explain.log_min_duration", explainMillis)
                    .setServerConfig("auto_explain.log_analyze", "on")
                    .setServerConfig("auto_explain.log_buffers", "on")
                    .setServerConfig("auto_explain.log_nested_statements", "on")
                    .setServerConfig("auto_explain.log_triggers", "on")
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", System.getProperty("java.io.tmpdir") + "/vigil-bench-pglog");
            System.out.println("auto_explain: plans of statements over " + explainMillis + " ms in "
                    + System.getProperty("java.io.tmpdir") + "/vigil-bench-pglog");
        }
        EmbeddedPostgres pg = builder.start();
        try (Connection c = superuser(pg); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        return pg;
    }

    static Connection superuser(EmbeddedPostgres pg) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(pg), "postgres", "postgres");
    }

    static String jdbcUrl(EmbeddedPostgres pg) {
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
    }

    static ConfigurableApplicationContext startVigil(EmbeddedPostgres pg) {
        return startVigil(pg, Map.of());
    }

    /** Starts Vigil on the database with the benchmark settings, then {@code overrides} on top. */
    static ConfigurableApplicationContext startVigil(EmbeddedPostgres pg, Map<String, String> overrides) {
        SpringApplication app = new SpringApplication(VigilApplication.class);
        // System properties: they win over application.properties (default properties would not).
        Map.of(
                "spring.datasource.url", jdbcUrl(pg),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                "server.port", "0",
                "vigil.demo.enabled", "false",
                "vigil.security.encryption-key", "YmVuY2htYXJrLW9ubHkta2V5LTMyLWJ5dGVzLWxvbmc=",
                "vigil.security.token-signing-key", "YmVuY2htYXJrLW9ubHktc2lnbmluZy1rZXktMzJieXQ=",
                // The test class path carries an OpenID Connect provider for the SSO tests; not Vigil's.
                "spring.autoconfigure.exclude",
                "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
                        + "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration,"
                        + "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration",
                "logging.level.root", "WARN",
                "spring.main.banner-mode", "off").forEach(System::setProperty);
        overrides.forEach(System::setProperty);
        return app.run();
    }

    static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
    }

    static String login(HttpClient http, String base, String email, String organizationId) throws Exception {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"organizationId\":\""
                + organizationId + "\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** An organization with one user (PHYSICIAN: OBSERVATION_WRITE and BILLING_READ) and n enrolled patients. */
    record Organization(String id, String email, List<String> patientIds, List<String> enrollmentIds) {
    }

    /**
     * Fixture setup with plain SQL as the database superuser (setup, not measured): patients with
     * Medicare Part B, a primary I10 diagnosis and an RPM program consent, each with one ACTIVE
     * enrollment on the given condition preset and billing program (either may be null).
     */
    static Organization organization(Connection c, PasswordEncoder passwords, int patients, String presetName,
            String billingProgramCode, String enrollmentStart) throws SQLException {
        String org = Ids.newId();
        String user = Ids.newId();
        String email = "bench." + user + "@clinic.test";
        String clinician = Ids.newId();
        String careProgram = Ids.newId();
        update(c, "INSERT INTO organizations (id, name, type) VALUES (?, ?, 'CLINIC')", org, "Benchmark clinic " + org);
        update(c, "INSERT INTO users (id, email, password_hash, email_verified, first_name, last_name) "
                + "VALUES (?, ?, ?, true, 'Bench', 'Mark')", user, email, passwords.encode(PASSWORD));
        update(c, "INSERT INTO user_organizations (id, user_id, organization_id, role) VALUES (?, ?, ?, 'PHYSICIAN')",
                Ids.newId(), user, org);
        // A physician (MD, NPI), so the enrollment's clinician may bill RPM.
        update(c, "INSERT INTO clinicians (id, organization_id, first_name, last_name, email, credentials, npi_number) "
                + "VALUES (?, ?, 'Dana', 'Doe', ?, 'MD', '1234567893')", clinician, org, clinician + "@clinic.test");
        update(c, "INSERT INTO care_programs (id, organization_id, name, type) "
                + "VALUES (?, ?, 'RPM', 'REMOTE_PATIENT_MONITORING')", careProgram, org);
        String preset = presetName == null ? null
                : string(c, "SELECT id FROM condition_presets WHERE organization_id IS NULL AND name = ?", presetName);
        String program = billingProgramCode == null ? null
                : string(c, "SELECT id FROM billing_programs WHERE code = ?", billingProgramCode);
        update(c, "INSERT INTO patients (id, organization_id, medical_record_number, first_name, last_name, "
                + "date_of_birth, insurance_info) SELECT 'p' || lpad(i::text, 6, '0') || ?, ?, 'MRN' || i, 'Test', "
                + "'Patient ' || i, date '1950-03-01', '{\"type\": \"MEDICARE_PART_B\"}'::jsonb "
                + "FROM generate_series(1, ?) i", org, org, patients);
        update(c, "INSERT INTO patient_diagnoses (id, organization_id, patient_id, icd10_code, label, is_primary) "
                + "SELECT 'd' || id, organization_id, id, 'I10', 'Essential (primary) hypertension', true "
                + "FROM patients WHERE organization_id = ?", org);
        update(c, "INSERT INTO patient_consents (id, organization_id, patient_id, type, program_type, consented_on, "
                + "method, cost_sharing_acknowledged) SELECT 'c' || id, organization_id, id, 'PROGRAM', "
                + "'REMOTE_PATIENT_MONITORING', date '2025-01-01', 'WRITTEN', true FROM patients WHERE organization_id = ?",
                org);
        update(c, "INSERT INTO enrollments (id, organization_id, patient_id, clinician_id, care_program_id, "
                + "billing_program_id, condition_preset_id, status, start_date) SELECT 'e' || id, organization_id, id, ?, ?, "
                + "?, ?, 'ACTIVE', ?::timestamptz FROM patients WHERE organization_id = ?",
                clinician, careProgram, program, preset, enrollmentStart, org);
        List<String> patientIds = strings(c, "SELECT id FROM patients WHERE organization_id = ? ORDER BY id", org);
        List<String> enrollmentIds = new ArrayList<>(patientIds.size());
        patientIds.forEach(p -> enrollmentIds.add("e" + p));
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
        return new Organization(org, email, patientIds, enrollmentIds);
    }

    static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    static String string(Connection c, String sql, Object... args) throws SQLException {
        List<String> l = strings(c, sql, args);
        if (l.isEmpty()) {
            throw new IllegalStateException("no row for " + sql + " " + Arrays.toString(args));
        }
        return l.get(0);
    }

    static List<String> strings(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Publications still to be processed (completed ones are deleted: completion-mode=delete; FAILED
     * ones stay until resubmitted, and are counted apart by {@link #failed}).
     */
    static long pending(Connection c) throws SQLException {
        return number(c, "SELECT count(id) /* bench */ FROM event_publication WHERE completion_date IS NULL "
                + "AND status IS DISTINCT FROM 'FAILED'");
    }

    static long failed(Connection c) throws SQLException {
        return number(c, "SELECT count(id) /* bench */ FROM event_publication WHERE status = 'FAILED'");
    }

    /** Waits until every publication is complete; polls every {@code pollMillis}. */
    static void drain(Connection c, long pollMillis) throws Exception {
        while (pending(c) > 0) {
            Thread.sleep(pollMillis);
        }
    }

    /** Server-side counters, reset per phase: pg_stat_statements (top-level statements) and pg_stat_database. */
    static void resetStatements(Connection c) throws SQLException {
        number(c, "SELECT 1 /* bench */ FROM (SELECT pg_stat_statements_reset()) r");
    }

    record DbCounters(long xactCommit, long tupInserted, long tupUpdated, long tupDeleted) {
        DbCounters minus(DbCounters o) {
            return new DbCounters(xactCommit - o.xactCommit, tupInserted - o.tupInserted, tupUpdated - o.tupUpdated,
                    tupDeleted - o.tupDeleted);
        }
    }

    static DbCounters dbCounters(Connection c) throws SQLException {
        number(c, "SELECT 1 /* bench */ FROM (SELECT pg_stat_clear_snapshot()) r");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT xact_commit, tup_inserted, tup_updated, tup_deleted /* bench */ FROM pg_stat_database "
                        + "WHERE datname = current_database()")) {
            rs.next();
            return new DbCounters(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }

    /** Top-level statements executed since the reset, excluding the harness's own (tagged bench) and BEGIN/COMMIT apart. */
    record StatementCount(long all, long transactionControl, List<String> top, List<String> slowest) {
    }

    static StatementCount statements(Connection c) throws SQLException {
        long all = 0;
        long control = 0;
        List<String> top = new ArrayList<>();
        List<Object[]> byTime = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT calls, query, total_exec_time, plans, total_plan_time FROM pg_stat_statements "
                        + "WHERE query NOT LIKE '%bench%' "
                        + "AND query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC")) {
            while (rs.next()) {
                long calls = rs.getLong(1);
                String q = rs.getString(2).replaceAll("\\s+", " ").trim();
                all += calls;
                String u = q.toUpperCase(Locale.ROOT);
                if (u.equals("BEGIN") || u.equals("COMMIT") || u.equals("ROLLBACK") || u.startsWith("SET ")
                        || u.startsWith("SHOW ")) {
                    control += calls;
                }
                String line = String.format(Locale.ROOT, "%8d %9.1f ms  (planned %d times, %.1f ms)  %s", calls,
                        rs.getDouble(3), rs.getLong(4), rs.getDouble(5), q.length() > 110 ? q.substring(0, 110) + "…" : q);
                if (top.size() < 12) {
                    top.add(line);
                }
                byTime.add(new Object[] {rs.getDouble(3), line});
            }
        }
        byTime.sort((x, y) -> Double.compare((double) y[0], (double) x[0]));
        List<String> slowest = byTime.stream().limit(8).map(x -> (String) x[1]).toList();
        return new StatementCount(all, control, top, slowest);
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /**
     * CPU time used so far by this JVM (client threads and Vigil alike) and by PostgreSQL (every
     * live process named postgres plus what its postmaster reaped), in seconds; Linux only (/proc),
     * with the kernel's 10 ms tick for PostgreSQL. Differences between two readings are a phase's
     * CPU cost, which varies much less with the machine's other load than its wall time.
     */
    /**
     * CPU used, and {@code refaults}: file pages the kernel had evicted from the page cache and read
     * again, machine-wide ({@code workingset_refault_file}, -1 where unknown) — a machine that
     * reclaims the page cache under the benchmark (2026-12-06: DAMON page-out) runs every figure slower.
     */
    record Cpu(double jvm, double postgres, double jit, long classes, long refaults) {
        Cpu minus(Cpu o) {
            return new Cpu(jvm - o.jvm, postgres - o.postgres, jit - o.jit, classes - o.classes,
                    refaults < 0 || o.refaults < 0 ? -1 : refaults - o.refaults);
        }

        String perReading(long readings) {
            return String.format(Locale.ROOT, "CPU %.1f s JVM (client included; JIT compiler threads busy ~%.1f s; %,d classes "
                    + "loaded) + %.1f s PostgreSQL = %.0f µs + %.0f µs per reading; %s page-cache refaults on the machine",
                    jvm, jit, classes, postgres, readings == 0 ? Double.NaN : jvm * 1e6 / readings,
                    readings == 0 ? Double.NaN : postgres * 1e6 / readings,
                    refaults < 0 ? "unknown" : String.format(Locale.ROOT, "%,d", refaults));
        }
    }

    private static long refaults() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/vmstat"))) {
                if (line.startsWith("workingset_refault_file ")) {
                    return Long.parseLong(line.substring(line.indexOf(' ') + 1).trim());
                }
            }
        } catch (java.io.IOException | RuntimeException unknown) {
            // not Linux, or a kernel without the counter
        }
        return -1;
    }

    static Cpu cpu() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        double ticks = 0;
        java.io.File[] procs = new java.io.File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
        for (java.io.File proc : procs == null ? new java.io.File[0] : procs) {
            try {
                String stat = java.nio.file.Files.readString(proc.toPath().resolve("stat"));
                int close = stat.lastIndexOf(')');
                if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                    continue;
                }
                String[] f = stat.substring(close + 2).split(" ");
                // fields after the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            } catch (java.io.IOException | RuntimeException gone) {
                // the process ended while being read; its time is in its parent's cutime
            }
        }
        // the JIT compiler threads' accumulated time (they are not visible to ThreadMXBean)
        double jit = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3;
        long classes = java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        return new Cpu(jvm, ticks / 100.0, jit, classes, refaults());
    }

    /** Updates of a table so far and how many of them were heap-only (no index entries written). */
    static String updates(Connection c, String table) throws SQLException {
        number(c, "SELECT 1 /* bench */ FROM (SELECT pg_stat_clear_snapshot()) r");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n_tup_upd, n_tup_hot_upd, n_dead_tup "
                + "/* bench */ FROM pg_stat_user_tables WHERE relname = '" + table + "'")) {
            rs.next();
            return String.format(Locale.ROOT, "%s: %,d updates, %,d heap-only (%.0f %%), %,d dead rows", table, rs.getLong(1),
                    rs.getLong(2), rs.getLong(1) == 0 ? 0.0 : 100.0 * rs.getLong(2) / rs.getLong(1), rs.getLong(3));
        }
    }

    static String serverVersion(Connection c) throws SQLException {
        return strings(c, "SHOW server_version").get(0);
    }
}
