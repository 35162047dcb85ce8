package org.vigil.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the benchmark harnesses measure besides wall time: PostgreSQL's statement and database
 * counters per phase, heap-only updates of a table, CPU time of the JVM and of PostgreSQL (with the
 * machine's page-cache refaults), and percentiles of request times.
 */
final class Measures {

    private Measures() {
    }

    /** Server-side counters, reset per phase: pg_stat_statements (top-level statements) and pg_stat_database. */
    static void resetStatements(Connection c) throws SQLException {
        Bench.number(c, "SELECT 1 /* bench */ FROM (SELECT pg_stat_statements_reset()) r");
    }

    record DbCounters(long xactCommit, long tupInserted, long tupUpdated, long tupDeleted) {
        DbCounters minus(DbCounters o) {
            return new DbCounters(xactCommit - o.xactCommit, tupInserted - o.tupInserted, tupUpdated - o.tupUpdated,
                    tupDeleted - o.tupDeleted);
        }
    }

    static DbCounters dbCounters(Connection c) throws SQLException {
        Bench.number(c, "SELECT 1 /* bench */ FROM (SELECT pg_stat_clear_snapshot()) r");
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
     * CPU cost, which varies much less with the machine's other load than its wall time. Beside it
     * {@code refaults}: file pages the kernel had evicted from the page cache and read again,
     * machine-wide ({@code workingset_refault_file}, -1 where unknown) — a machine that reclaims the
     * page cache under the benchmark (2026-12-06: DAMON page-out) runs every figure slower.
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
        Bench.number(c, "SELECT 1 /* bench */ FROM (SELECT pg_stat_clear_snapshot()) r");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n_tup_upd, n_tup_hot_upd, n_dead_tup "
                + "/* bench */ FROM pg_stat_user_tables WHERE relname = '" + table + "'")) {
            rs.next();
            return String.format(Locale.ROOT, "%s: %,d updates, %,d heap-only (%.0f %%), %,d dead rows", table, rs.getLong(1),
                    rs.getLong(2), rs.getLong(1) == 0 ? 0.0 : 100.0 * rs.getLong(2) / rs.getLong(1), rs.getLong(3));
        }
    }
}
