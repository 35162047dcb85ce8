package org.vigil.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Billing month readiness benchmark (issue 8): an organization of N patients, each with one ACTIVE
 * RPM enrollment (CMS_RPM_2026, eligible: Medicare Part B, I10, program consent), and device
 * readings on every day of the month (perDay a day), written with SQL, and their daily rollup rebuilt
 * by {@code vigil_rebuild_observation_daily} (setup, not measured); then the month readiness over
 * HTTP, timed. Run with bench/billing.sh.
 *
 * <p>Arguments (key=value): enrollments (10000), perDay (4), month (2026-10), runs (5), hold (0: seconds
 * to keep the database up at the end, to look at query plans with psql).
 */
public final class BillingBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Bench.arguments(args);
        int enrollments = Integer.parseInt(a.getOrDefault("enrollments", "10000"));
        int perDay = Integer.parseInt(a.getOrDefault("perDay", "4"));
        YearMonth month = YearMonth.parse(a.getOrDefault("month", "2026-10"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "5"));

        long t = System.nanoTime();
        EmbeddedPostgres pg = Bench.startPostgres();
        ConfigurableApplicationContext ctx = Bench.startVigil(pg);
        String base = "http://localhost:" + Bench.port(ctx);
        System.out.printf(Locale.ROOT, "Vigil started in %.1f s%n", (System.nanoTime() - t) / 1e9);
        int exit = 0;
        try (Connection su = Bench.superuser(pg)) {
            System.out.printf(Locale.ROOT, "PostgreSQL %s (embedded), JDK %s, %d CPUs%n", Bench.serverVersion(su),
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            t = System.nanoTime();
            Bench.Organization org = Bench.organization(su, ctx.getBean(PasswordEncoder.class), enrollments, "Hypertension",
                    "CMS_RPM_2026", month.minusMonths(3).atDay(1) + "T12:00:00Z");
            String metric = Bench.string(su, "SELECT id FROM metric_definitions WHERE organization_id IS NULL AND key = 'bp_systolic'");
            int days = month.lengthOfMonth();
            try (Statement s = su.createStatement()) {
                s.execute("SET synchronous_commit = off");
                s.execute("INSERT INTO observations (id, patient_id, enrollment_id, metric_id, value, unit, source, recorded_at, "
                        + "organization_id) SELECT 'o' || e.id || '-' || d || '-' || k, e.patient_id, e.id, '" + metric + "', "
                        + "to_jsonb(110 + (d + k) % 30), 'mm[Hg]', 'DEVICE', timestamptz '" + month.atDay(1) + " 13:00:00+00' "
                        + "+ (d - 1) * interval '1 day' + k * interval '3 hours', e.organization_id "
                        + "FROM enrollments e, generate_series(1, " + days + ") d, generate_series(0, " + (perDay - 1) + ") k "
                        + "WHERE e.organization_id = '" + org.id() + "'");
                // The daily rollup as a zone change (or a repair after a plain-SQL load) rebuilds it (V90).
                long r0 = System.nanoTime();
                s.execute("SELECT vigil_rebuild_observation_daily('" + org.id() + "')");
                System.out.printf(Locale.ROOT, "rollup rebuilt from observations in %.1f s%n", (System.nanoTime() - r0) / 1e9);
                s.execute("VACUUM ANALYZE observations");
                s.execute("VACUUM ANALYZE observation_daily");
            }
            long readings = Bench.number(su, "SELECT count(*) FROM observations WHERE organization_id = '" + org.id() + "'");
            long daily = Bench.number(su, "SELECT count(*) FROM observation_daily WHERE organization_id = '" + org.id() + "'");
            System.out.printf(Locale.ROOT, "fixture: %,d enrollments, %,d readings, %,d daily rollup rows in %s "
                    + "(set up in %.1f s)%n", enrollments, readings, daily, month, (System.nanoTime() - t) / 1e9);

            // Wall times on a shared machine vary with its load; the CPU time this JVM spends per call does less
            // (PostgreSQL's share is in the pg_stat_statements figures below).
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            HttpClient http = Bench.http();
            String token = Bench.login(http, base, org.email(), org.id());
            List<String> lines = new ArrayList<>();
            lines.add("load average before the calls: " + loadAverage());
            for (String path : new String[] {"/api/v1/billing/summary?month=" + month,
                    "/api/v1/billing/readiness?month=" + month + "&page=0&size=100",
                    "/api/v1/billing/claims.csv?month=" + month}) {
                List<Double> times = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                String first = null;
                for (int i = 0; i <= runs; i++) {
                    long c0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                    double ms = (System.nanoTime() - t0) / 1e6;
                    double cpuMs = (os.getProcessCpuTime() - c0) / 1e6;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + r.statusCode() + " " + r.body());
                    }
                    if (i == 0) {
                        first = String.format(Locale.ROOT, "%.0f ms (first call, cold)", ms);
                        System.out.println(path + " → " + r.body().length() + " chars: "
                                + r.body().substring(0, Math.min(400, r.body().length())).replace('\n', ' '));
                    } else {
                        times.add(ms);
                        cpu.add(cpuMs);
                    }
                }
                lines.add(String.format(Locale.ROOT, "GET %s: %s; then %s ms; median %.0f ms", path, first,
                        times.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList(), Measures.median(times)));
                lines.add(String.format(Locale.ROOT, "    CPU time of this JVM (Vigil, and the client) per call: %s ms; median %.0f ms",
                        cpu.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList(), Measures.median(cpu)));
            }
            lines.add("load average after the calls: " + loadAverage());
            // Where one summary call spends its database time (pg_stat_statements, top-level statements).
            Measures.resetStatements(su);
            long t0 = System.nanoTime();
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/billing/summary?month=" + month))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            double wall = (System.nanoTime() - t0) / 1e6;
            double dbTotal = 0;
            List<String> top = new ArrayList<>();
            try (Statement s = su.createStatement(); java.sql.ResultSet rs = s.executeQuery(
                    "SELECT calls, total_exec_time, query FROM pg_stat_statements WHERE query NOT LIKE '%bench%' "
                            + "AND query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC")) {
                while (rs.next()) {
                    dbTotal += rs.getDouble(2);
                    if (top.size() < 8) {
                        String q = rs.getString(3).replaceAll("\\s+", " ");
                        top.add(String.format(Locale.ROOT, "  %6d calls %8.1f ms  %s", rs.getLong(1), rs.getDouble(2),
                                q.length() > 140 ? q.substring(0, 140) + "…" : q));
                    }
                }
            }
            lines.add(String.format(Locale.ROOT, "one more summary call: %.0f ms wall, of which %.0f ms executing SQL "
                    + "(pg_stat_statements); top statements by time:", wall, dbTotal));
            lines.addAll(top);
            System.out.println();
            System.out.println("=== Billing readiness benchmark results ===");
            System.out.printf(Locale.ROOT, "%,d enrollments, %,d readings, month %s%n", enrollments, readings, month);
            lines.forEach(System.out::println);
            // For looking at plans by hand: keep the database (and Vigil) up for a while.
            long hold = Long.parseLong(a.getOrDefault("hold", "0"));
            if (hold > 0) {
                System.out.printf(Locale.ROOT, "holding %d s: psql -h localhost -p %d -U postgres postgres (organization %s)%n",
                        hold, pg.getPort(), org.id());
                Thread.sleep(hold * 1000);
            }
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            ctx.close();
            pg.close();
        }
        System.exit(exit);
    }

    /** The machine's 1, 5 and 15 minute load averages (Linux), which the wall times depend on here. */
    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
