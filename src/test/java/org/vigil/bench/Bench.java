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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vigil.VigilApplication;
import org.vigil.infrastructure.database.EmbeddedServerSettings;
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
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        // the settings of Vigil's own embedded server (shared buffers sized to this machine)
        EmbeddedServerSettings.of(null).forEach(builder::setServerConfig);
        builder.setServerConfig("shared_preload_libraries", "pg_stat_statements" + (explainMillis == null ? "" : ",auto_explain"))
                .setServerConfig("pg_stat_statements.track", "top")
                // how often each statement is planned, and for how long: a statement re-planned on
                // every call (a custom plan chosen over the generic one) shows here
                .setServerConfig("pg_stat_statements.track_planning", "on");
        // e.g. BENCH_PG_SETTINGS=shared_buffers=128MB,max_wal_size=4GB: other settings, for comparison
        String other = System.getenv("BENCH_PG_SETTINGS");
        if (other != null && !other.isBlank()) {
            for (String setting : other.split(",")) {
                String[] nameValue = setting.split("=", 2);
                if (nameValue.length != 2) {
                    throw new IllegalArgumentException("BENCH_PG_SETTINGS: expected name=value, got " + setting);
                }
                builder.setServerConfig(nameValue[0].trim(), nameValue[1].trim());
            }
        }
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

    /** "17.11, shared_buffers 1GB, max_wal_size 1GB": the version and the settings that size its memory and checkpoints. */
    static String serverVersion(Connection c) throws SQLException {
        return strings(c, "SHOW server_version").get(0) + ", shared_buffers " + strings(c, "SHOW shared_buffers").get(0)
                + ", max_wal_size " + strings(c, "SHOW max_wal_size").get(0);
    }
}
