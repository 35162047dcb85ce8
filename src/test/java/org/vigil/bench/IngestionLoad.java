package org.vigil.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.vigil.shared.Ids;

/**
 * What the ingestion benchmark sends: the readings (8 standard metrics with normal values), their
 * batches over HTTP, the same shape of rows for the raw COPY, and concurrent clients sending one
 * request at a time with their latencies.
 */
final class IngestionLoad {

    static final String[] METRICS = {"bp_systolic", "bp_diastolic", "heart_rate", "weight", "spo2", "blood_glucose",
            "body_temperature", "respiratory_rate"};
    static final String[] NORMAL = {"128", "82", "72", "81.4", "97", "112", "36.8", "16"};

    private IngestionLoad() {
    }

    static HttpRequest post(String base, String token, byte[] body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/observations"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    static String reading(String patientId, String metric, String value, Instant at) {
        return "{\"patientId\":\"" + patientId + "\",\"metric\":\"" + metric + "\",\"value\":" + value
                + ",\"recordedAt\":\"" + at + "\",\"source\":\"DEVICE\"}";
    }

    /** Every reading of the phase, time-major (slot by slot across all patients) or patient-major, cut into batches. */
    static List<byte[]> batchBodies(Bench.Organization org, Instant from, int days, int perDay, int batch,
            boolean patientMajor) {
        List<byte[]> bodies = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int inBatch = 0;
        long slotMillis = 86_400_000L / perDay;
        int patients = org.patientIds().size();
        int slots = days * perDay;
        for (int outer = 0; outer < (patientMajor ? patients : slots); outer++) {
            for (int inner = 0; inner < (patientMajor ? slots : patients); inner++) {
                int slotIndex = patientMajor ? inner : outer;
                Instant slot = from.plusMillis((slotIndex / perDay) * 86_400_000L + (slotIndex % perDay) * slotMillis);
                String p = org.patientIds().get(patientMajor ? outer : inner);
                {
                    for (int m = 0; m < METRICS.length; m++) {
                        sb.append(inBatch == 0 ? "{\"readings\":[" : ",");
                        sb.append(reading(p, METRICS[m], NORMAL[m], slot.plusSeconds(m)));
                        if (++inBatch == batch) {
                            sb.append("]}");
                            bodies.add(sb.toString().getBytes(StandardCharsets.UTF_8));
                            sb.setLength(0);
                            inBatch = 0;
                        }
                    }
                }
            }
        }
        if (inBatch > 0) {
            sb.append("]}");
            bodies.add(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    /** COPY of the same shape of data (patient-major), as the database superuser (RLS bypassed), one transaction. */
    static double copy(EmbeddedPostgres pg, Bench.Organization org, String[] metricIds, Instant from, int days,
            int perDay, long total) throws Exception {
        List<byte[]> chunks = new ArrayList<>();
        StringBuilder sb = new StringBuilder(1 << 20);
        long slotMillis = 86_400_000L / perDay;
        for (int pi = 0; pi < org.patientIds().size(); pi++) {
            String p = org.patientIds().get(pi);
            String e = org.enrollmentIds().get(pi);
            for (int d = 0; d < days; d++) {
                for (int k = 0; k < perDay; k++) {
                    Instant slot = from.plusMillis(d * 86_400_000L + k * slotMillis);
                    for (int m = 0; m < METRICS.length; m++) {
                        sb.append(Ids.newId()).append(',').append(p).append(',').append(m < 3 ? e : "").append(',')
                                .append(metricIds[m]).append(',').append(NORMAL[m]).append(",,DEVICE,,")
                                .append(slot.plusSeconds(m)).append(',').append(org.id()).append('\n');
                    }
                }
            }
            if (sb.length() > (1 << 20)) {
                chunks.add(sb.toString().getBytes(StandardCharsets.UTF_8));
                sb.setLength(0);
            }
        }
        chunks.add(sb.toString().getBytes(StandardCharsets.UTF_8));
        System.gc();
        try (Connection c = DriverManager.getConnection(Bench.jdbcUrl(pg), "postgres", "postgres")) {
            // As the superuser: PostgreSQL refuses COPY FROM into a table with row-level security for
            // a role subject to it (vigil_app), so the raw figure is the table owner's, without RLS checks.
            c.setAutoCommit(false);
            long start = System.nanoTime();
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY observations (id, patient_id, enrollment_id, "
                    + "metric_id, value, unit, source, source_identifier, recorded_at, organization_id) FROM STDIN (FORMAT csv)");
            for (byte[] chunk : chunks) {
                in.writeToCopy(chunk, 0, chunk.length);
            }
            long rows = in.endCopy();
            c.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (rows != total) {
                throw new IllegalStateException("COPY wrote " + rows + " rows, expected " + total);
            }
            System.out.printf(Locale.ROOT, "raw COPY: %,d rows in %.1f s%n", rows, seconds);
            return rows / seconds;
        }
    }

    record SingleResult(long count, double seconds, long[] latencies, long failures) {
    }

    /** Concurrent clients, each posting one reading at a time for the given time; latencies per request. */
    static SingleResult singles(int port, String token, Bench.Organization org, int concurrency,
            int seconds, Instant from) throws Exception {
        return requests(port, concurrency, seconds, 201, i -> {
            String patient = org.patientIds().get((int) (i % org.patientIds().size()));
            int m = (int) ((i / org.patientIds().size()) % METRICS.length);
            return RawHttp.request("POST", "/api/v1/observations",
                    reading(patient, METRICS[m], NORMAL[m], from.plusMillis(i)).getBytes(StandardCharsets.UTF_8),
                    "Authorization", "Bearer " + token, "Content-Type", "application/json");
        });
    }

    /**
     * Concurrent clients, each on its own kept-alive connection ({@link RawHttp}) sending one request
     * at a time (the {@code i}-th request of the run from {@code request}) for the given time;
     * latencies of the answers with {@code expectedStatus}.
     */
    static SingleResult requests(int port, int concurrency, int seconds, int expectedStatus,
            java.util.function.LongFunction<byte[]> request) throws Exception {
        AtomicLong seq = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            long[] lat = new long[2_000_000];
            int[] n = new int[1];
            perThread.add(lat);
            counts.add(n);
            Thread th = new Thread(() -> {
                try (RawHttp http = new RawHttp("localhost", port)) {
                    while (System.nanoTime() < end) {
                        byte[] next = request.apply(seq.getAndIncrement());
                        long t0 = System.nanoTime();
                        try {
                            RawHttp.Response r = http.send(next);
                            long t1 = System.nanoTime();
                            if (r.status() == expectedStatus) {
                                lat[n[0]++] = t1 - t0;
                            } else if (failures.incrementAndGet() == 1) {
                                System.out.println("request failed: " + r.status() + " " + r.body());
                            }
                        } catch (Exception e) {
                            if (failures.incrementAndGet() == 1) {
                                System.out.println("request failed: " + e);
                            }
                        }
                    }
                } catch (java.io.IOException e) {
                    failures.incrementAndGet();
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int total = counts.stream().mapToInt(x -> x[0]).sum();
        long[] all = new long[total];
        int o = 0;
        for (int i = 0; i < perThread.size(); i++) {
            System.arraycopy(perThread.get(i), 0, all, o, counts.get(i)[0]);
            o += counts.get(i)[0];
        }
        Arrays.sort(all);
        return new SingleResult(total, elapsed, all, failures.get());
    }
}
