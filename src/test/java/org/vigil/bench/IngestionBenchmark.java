package org.vigil.bench;

import static org.vigil.bench.IngestionLoad.METRICS;
import static org.vigil.bench.IngestionLoad.batchBodies;
import static org.vigil.bench.IngestionLoad.copy;
import static org.vigil.bench.IngestionLoad.post;
import static org.vigil.bench.IngestionLoad.reading;
import static org.vigil.bench.IngestionLoad.requests;
import static org.vigil.bench.IngestionLoad.singles;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vigil.bench.IngestionLoad.SingleResult;

/**
 * Ingestion benchmark (issue 6), one run on one database: raw COPY into observations, batch
 * ingestion over HTTP with evaluation drained, single-reading POSTs at concurrency 1 and 16,
 * evaluation lag, and SQL statements per reading (pg_stat_statements). Run with bench/ingestion.sh.
 *
 * What it sends is in {@link IngestionLoad}.
 *
 * <p>Arguments (key=value): patients (2000), days (30), perDay (4), batch (1000), senders (2),
 * batchWarmSeconds (60), singleSeconds (15), warmSeconds (60), lagReadings (300).
 */
public final class IngestionBenchmark {

    private static final Pattern STORED = Pattern.compile("\"stored\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Bench.arguments(args);
        int patients = Integer.parseInt(a.getOrDefault("patients", "2000"));
        int days = Integer.parseInt(a.getOrDefault("days", "30"));
        int perDay = Integer.parseInt(a.getOrDefault("perDay", "4"));
        int batch = Integer.parseInt(a.getOrDefault("batch", "1000"));
        int senders = Integer.parseInt(a.getOrDefault("senders", "2"));
        int singleSeconds = Integer.parseInt(a.getOrDefault("singleSeconds", "15"));
        int lagReadings = Integer.parseInt(a.getOrDefault("lagReadings", "300"));
        int warmSeconds = Integer.parseInt(a.getOrDefault("warmSeconds", "60"));
        int batchWarmSeconds = Integer.parseInt(a.getOrDefault("batchWarmSeconds", "60"));
        // time: slot by slot across all patients (a live fleet); patient: one patient's readings after another (a backfill)
        boolean patientMajor = a.getOrDefault("order", "time").equals("patient");
        long total = (long) patients * METRICS.length * days * perDay;

        long t = System.nanoTime();
        EmbeddedPostgres pg = Bench.startPostgres();
        ConfigurableApplicationContext ctx = Bench.startVigil(pg);
        int port = Bench.port(ctx);
        String base = "http://localhost:" + port;
        System.out.printf(Locale.ROOT, "Vigil started in %.1f s%n", (System.nanoTime() - t) / 1e9);
        int exit = 0;
        try (Connection su = Bench.superuser(pg)) {
            System.out.printf(Locale.ROOT, "PostgreSQL %s (embedded, pg_stat_statements preloaded), JDK %s, %d CPUs%n",
                    Bench.serverVersion(su), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            t = System.nanoTime();
            Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
            Bench.Organization org = Bench.organization(su, ctx.getBean(PasswordEncoder.class), patients, "Hypertension",
                    null, now.minus(120, ChronoUnit.DAYS).toString());
            String[] metricIds = new String[METRICS.length];
            for (int m = 0; m < METRICS.length; m++) {
                metricIds[m] = Bench.string(su, "SELECT id FROM metric_definitions WHERE organization_id IS NULL AND key = ?",
                        METRICS[m]);
            }
            System.out.printf(Locale.ROOT, "fixture: %d patients × %d metrics × %d days × %d readings = %,d readings per phase "
                    + "(set up in %.1f s)%n", patients, METRICS.length, days, perDay, total, (System.nanoTime() - t) / 1e9);
            List<String> results = new ArrayList<>();

            // 1. Raw COPY (days -100 ... -71), one transaction.
            double copyRate = copy(pg, org, metricIds, now.minus(100, ChronoUnit.DAYS), days, perDay, total);
            results.add(String.format(Locale.ROOT, "raw COPY into observations: %,.0f rows/s", copyRate));

            // 2. Batches over HTTP (days -35 ... -6), time-major like a live fleet, evaluation running; drained.
            HttpClient http = Bench.http();
            String token = Bench.login(http, base, org.email(), org.id());
            if (batchWarmSeconds > 0) {
                // The server's first minutes of batches are spent largely compiling (the JIT compiler
                // was busy ~95 s of the ~280 s phase): unmeasured batches of other days first, five
                // days at a time from day -70 until batchWarmSeconds have passed (at most up to day
                // -36), drained, so that the phase measures ingestion rather than warm-up.
                AtomicLong warmStored = new AtomicLong();
                ConcurrentLinkedQueue<String> warmFailures = new ConcurrentLinkedQueue<>();
                long warmStart = System.nanoTime();
                long warmDeadline = warmStart + batchWarmSeconds * 1_000_000_000L;
                for (int day = 70; day > 35 && System.nanoTime() < warmDeadline; day -= 5) {
                    List<byte[]> warm = batchBodies(org, now.minus(day, ChronoUnit.DAYS), Math.min(days, 5), perDay,
                            batch, patientMajor);
                    sendBatches(http, base, token, warm, senders, warmDeadline, warmStored, warmFailures);
                }
                Bench.drain(su, 20);
                System.out.printf(Locale.ROOT, "batch warm-up: %,d readings in %.1f s, drained (not measured)%s%n",
                        warmStored.get(), (System.nanoTime() - warmStart) / 1e9,
                        warmFailures.isEmpty() ? "" : "; failures: " + warmFailures.size() + ", first: " + warmFailures.peek());
            }
            Measures.resetStatements(su);
            Measures.DbCounters before = Measures.dbCounters(su);
            List<byte[]> bodies = batchBodies(org, now.minus(35, ChronoUnit.DAYS), days, perDay, batch, patientMajor);
            System.gc();
            Measures.Cpu cpuBefore = Measures.cpu();
            System.out.println("batch phase starts " + Instant.now());
            AtomicLong stored = new AtomicLong();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            long start = System.nanoTime();
            sendBatches(http, base, token, bodies, senders, Long.MAX_VALUE, stored, failures);
            long answered = System.nanoTime();
            long pendingAtAnswer = Bench.pending(su);
            Bench.drain(su, 20);
            long drained = System.nanoTime();
            Measures.Cpu cpuUsed = Measures.cpu().minus(cpuBefore);
            Measures.StatementCount sc = Measures.statements(su);
            Measures.DbCounters delta = Measures.dbCounters(su).minus(before);
            bodies.clear();
            if (!failures.isEmpty()) {
                System.out.println("batch failures: " + failures.size() + ", first: " + failures.peek());
            }
            double answeredRate = stored.get() / ((answered - start) / 1e9);
            double drainedRate = stored.get() / ((drained - start) / 1e9);
            results.add(String.format(Locale.ROOT, "HTTP batches of %d (" + (patientMajor ? "patient" : "time")
                    + "-major), %d senders: %,d stored; answered in %.1f s (%,.0f rows/s); "
                    + "evaluation drained after %.1f s (%d publications pending at the last answer) → %,.0f rows/s drained "
                    + "= %.0f %% of raw COPY", batch, senders, stored.get(), (answered - start) / 1e9, answeredRate,
                    (drained - start) / 1e9, pendingAtAnswer, drainedRate, 100 * drainedRate / copyRate));
            results.add("  " + cpuUsed.perReading(stored.get()));
            results.add(statementLine("batch phase", sc, delta, stored.get()));
            results.add("  failed evaluations (FAILED publications) so far: " + Bench.failed(su));
            for (String table : new String[] {"observation_daily", "enrollment_data_days", "alerts"}) {
                results.add("  " + Measures.updates(su, table));
            }
            printTop("batch phase", sc);

            // 3. Single readings at concurrency 1 and 16 (days -5 ... now), evaluation running, after
            //    warmSeconds of unmeasured single POSTs: the batch phase leaves the single-reading path
            //    (authentication, coalescing, in-request evaluation) to the JIT compiler, which otherwise
            //    spends as much CPU as the requests during the measured seconds (seen in a JFR profile).
            // The batch phase's tables are due for autovacuum and analyze; done here, unmeasured, so that
            // it does not run during (and count as PostgreSQL CPU of) the single-reading phases.
            t = System.nanoTime();
            Bench.update(su, "VACUUM (ANALYZE) observations, observation_daily, enrollment_data_days, alerts, audit_logs");
            System.out.printf(Locale.ROOT, "VACUUM (ANALYZE) after the batch phase: %.1f s (not measured)%n",
                    (System.nanoTime() - t) / 1e9);
            if (warmSeconds > 0) {
                SingleResult warm = singles(port, Bench.login(http, base, org.email(), org.id()), org, 16, warmSeconds,
                        now.minus(5, ChronoUnit.DAYS).plusMillis(50_000_000L));
                Bench.drain(su, 20);
                System.out.printf(Locale.ROOT, "warm-up: %,d single POSTs in %.1f s (not measured)%n", warm.count(),
                        warm.seconds());
            }
            for (int concurrency : new int[] {1, 16}) {
                token = Bench.login(http, base, org.email(), org.id());
                Measures.resetStatements(su);
                before = Measures.dbCounters(su);
                cpuBefore = Measures.cpu();
                System.out.println("single c" + concurrency + " phase starts " + Instant.now());
                SingleResult r = singles(port, token, org, concurrency, singleSeconds,
                        now.minus(5, ChronoUnit.DAYS).plusMillis(concurrency * 10_000_000L));
                long drainStart = System.nanoTime();
                long pendingAfter = Bench.pending(su);
                Bench.drain(su, 20);
                double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
                cpuUsed = Measures.cpu().minus(cpuBefore);
                sc = Measures.statements(su);
                delta = Measures.dbCounters(su).minus(before);
                results.add(String.format(Locale.ROOT, "single POST, concurrency %d: %,d stored in %.1f s = %,.0f/s; "
                        + "p50 %.2f ms, p99 %.2f ms; %d failures; evaluation backlog at the end %d publications, drained "
                        + "%.1f s later", concurrency, r.count(), r.seconds(), r.count() / r.seconds(), Measures.percentile(r.latencies(), 50),
                        Measures.percentile(r.latencies(), 99), r.failures(), pendingAfter, drainSeconds));
                results.add("  " + cpuUsed.perReading(r.count()));
                results.add(statementLine("single c" + concurrency, sc, delta, r.count()));
                results.add("  failed evaluations (FAILED publications) so far: " + Bench.failed(su));
                printTop("single POST c" + concurrency, sc);
            }

            // 3b. The floor of an API request on this machine: an authenticated GET /api/v1/auth/me
            //     (token check, live membership and session, one membership read, a small JSON
            //     answer) at concurrency 16 — what every request pays before ingesting anything.
            token = Bench.login(http, base, org.email(), org.id());
            byte[] me = RawHttp.request("GET", "/api/v1/auth/me", null, "Authorization", "Bearer " + token);
            requests(port, 16, Math.min(warmSeconds, 10), 200, i -> me);
            Measures.resetStatements(su);
            before = Measures.dbCounters(su);
            cpuBefore = Measures.cpu();
            SingleResult floor = requests(port, 16, singleSeconds, 200, i -> me);
            cpuUsed = Measures.cpu().minus(cpuBefore);
            sc = Measures.statements(su);
            delta = Measures.dbCounters(su).minus(before);
            results.add(String.format(Locale.ROOT, "floor: authenticated GET /api/v1/auth/me, concurrency 16: %,d in %.1f s "
                    + "= %,.0f/s; p50 %.2f ms, p99 %.2f ms; %d failures", floor.count(), floor.seconds(),
                    floor.count() / floor.seconds(), Measures.percentile(floor.latencies(), 50), Measures.percentile(floor.latencies(), 99),
                    floor.failures()));
            results.add("  " + cpuUsed.perReading(floor.count()).replace("per reading", "per request"));
            results.add(statementLine("floor GET", sc, delta, floor.count()).replace("reading", "request"));
            printTop("floor GET", sc);

            // 4. Evaluation lag: one over-threshold reading at a time (a crisis systolic that opens or
            //    updates an alert), from the POST's answer until its publication is complete.
            token = Bench.login(http, base, org.email(), org.id());
            long alertsBefore = Bench.number(su, "SELECT count(*) FROM alerts WHERE organization_id = '" + org.id() + "'");
            long[] lags = new long[lagReadings];
            Instant lagBase = Instant.now().minusSeconds(120);
            for (int i = 0; i < lagReadings; i++) {
                String patient = org.patientIds().get(i % org.patientIds().size());
                String body = reading(patient, "bp_systolic", "186", lagBase.plusMillis(i));
                HttpResponse<String> r = http.send(post(base, token, body.getBytes(StandardCharsets.UTF_8)),
                        HttpResponse.BodyHandlers.ofString());
                long answeredAt = System.nanoTime();
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("lag reading refused: " + r.statusCode() + " " + r.body());
                }
                while (Bench.pending(su) > 0) {
                    Thread.sleep(1);
                }
                lags[i] = System.nanoTime() - answeredAt;
            }
            Arrays.sort(lags);
            long alertsAfter = Bench.number(su, "SELECT count(*) FROM alerts WHERE organization_id = '" + org.id() + "'");
            results.add(String.format(Locale.ROOT, "evaluation lag (%d sequential over-threshold readings, %d alerts opened): "
                    + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", lagReadings, alertsAfter - alertsBefore,
                    Measures.percentile(lags, 50), Measures.percentile(lags, 95), Measures.percentile(lags, 99),
                    lags[lags.length - 1] / 1e6));
            results.add("  failed evaluations (FAILED publications) at the end: " + Bench.failed(su));
            long rows = Bench.number(su, "SELECT count(*) FROM observations");
            long daily = Bench.number(su, "SELECT count(*) FROM observation_daily");
            results.add(String.format(Locale.ROOT, "observations at the end: %,d rows; observation_daily: %,d rows", rows, daily));

            System.out.println();
            System.out.println("=== Ingestion benchmark results ===");
            results.forEach(System.out::println);
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            ctx.close();
            pg.close();
        }
        System.exit(exit);
    }


    /**
     * Sends {@code bodies} from {@code senders} threads until every body is sent or {@code deadline}
     * ({@link System#nanoTime()}) passes, adding each answer's stored count to {@code stored}.
     */
    private static void sendBatches(HttpClient http, String base, String token, List<byte[]> bodies, int senders,
            long deadline, AtomicLong stored, ConcurrentLinkedQueue<String> failures) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            Thread th = new Thread(() -> {
                int i;
                while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < bodies.size()) {
                    try {
                        HttpResponse<String> r = http.send(post(base, token, bodies.get(i)),
                                HttpResponse.BodyHandlers.ofString());
                        Matcher m = STORED.matcher(r.body());
                        if (r.statusCode() != 200 || !m.find()) {
                            failures.add(r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length())));
                        } else {
                            stored.addAndGet(Long.parseLong(m.group(1)));
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
    }
    private static String statementLine(String phase, Measures.StatementCount sc, Measures.DbCounters d, long readings) {
        return String.format(Locale.ROOT, "  SQL per reading (%s, pg_stat_statements top-level, incl. evaluation and "
                + "background jobs): %.3f statements/reading (%,d statements, of which %,d BEGIN/COMMIT/SET/SHOW) for %,d "
                + "readings; pg_stat_database: %,d commits, %,d tuples inserted, %,d updated, %,d deleted",
                phase, readings == 0 ? Double.NaN : (double) sc.all() / readings, sc.all(), sc.transactionControl(), readings,
                d.xactCommit(), d.tupInserted(), d.tupUpdated(), d.tupDeleted());
    }

    private static void printTop(String phase, Measures.StatementCount sc) {
        System.out.println("most frequent statements (calls, total execution time), " + phase + ":");
        sc.top().forEach(System.out::println);
        System.out.println("most total execution time, " + phase + ":");
        sc.slowest().forEach(System.out::println);
    }

}
