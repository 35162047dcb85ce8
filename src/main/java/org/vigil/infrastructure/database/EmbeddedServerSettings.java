package org.vigil.infrastructure.database;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.util.unit.DataSize;

/**
 * The settings the embedded PostgreSQL server runs with. The benchmarks start their server with
 * the same ones, so that they measure the server Vigil runs.
 *
 * <p>Crash safety: the embedded library starts PostgreSQL with {@code -F} (fsync off) and
 * {@code synchronous_commit=off}; both are switched back on here, because an acknowledged reading
 * must survive a power cut. A later {@code -c fsync=on} overrides the earlier {@code -F}.
 *
 * <p>The server log is ours too: an error's DETAIL quotes key values (an MRN) and the failing
 * statement could carry literals, so neither is logged.
 *
 * <p>Shared buffers: PostgreSQL's default, 128 MB, is sized to start on any machine, not to hold
 * what a clinic's ingestion writes to. Readings arrive a time slot at a time across every
 * patient, so each batch touches a leaf page of each index per patient and metric and each
 * patient's rollup rows; with 2,000 patients that is a few hundred megabytes of pages, which 128 MB
 * keeps evicting and reading back (about a tenth of the server's CPU went to copying pages to and
 * from the operating system). Measured with {@code bench/ingestion.sh} at full size on one machine
 * (docs/benchmarks.md): HTTP batches 19.8–20.7 k readings/s with 128 MB, 22.6–23.5 k with 1 GB;
 * {@code COPY} alike with either. An eighth of the machine's memory, at most 1 GB and at least
 * PostgreSQL's default: the JVM beside it takes a quarter by default, and pages are only resident
 * once used, so a small database costs little.
 */
public final class EmbeddedServerSettings {

    static final long MIB = 1024L * 1024;
    /** PostgreSQL's own default. */
    static final long MIN_SHARED_BUFFERS = 128 * MIB;
    static final long MAX_SHARED_BUFFERS = 1024 * MIB;
    /** Below this, a configured value is a mistake rather than a choice. */
    static final long LEAST_CONFIGURABLE = 16 * MIB;

    private EmbeddedServerSettings() {
    }

    /**
     * The settings, with {@code sharedBuffers} (or, when null, {@link #sharedBuffersFor} this
     * machine's memory).
     *
     * @throws IllegalArgumentException when {@code sharedBuffers} is under 16 MB
     */
    public static Map<String, String> of(DataSize sharedBuffers) {
        long buffers;
        if (sharedBuffers == null) {
            buffers = sharedBuffersForThisMachine();
        } else if (sharedBuffers.toBytes() < LEAST_CONFIGURABLE) {
            throw new IllegalArgumentException("vigil.database.embedded.shared-buffers is " + sharedBuffers.toBytes()
                    + " bytes; it must be at least 16MB");
        } else {
            buffers = sharedBuffers.toBytes();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        settings.put("full_page_writes", "on");
        settings.put("max_connections", "100");
        settings.put("timezone", "UTC");
        settings.put("shared_buffers", buffers / MIB + "MB");
        settings.put("log_error_verbosity", "terse");
        settings.put("log_min_error_statement", "panic");
        return settings;
    }

    /** An eighth of {@code physicalMemory} bytes, whole mebibytes, within 128 MB ... 1 GB. */
    static long sharedBuffersFor(long physicalMemory) {
        long eighth = physicalMemory / 8 / MIB * MIB;
        return Math.max(MIN_SHARED_BUFFERS, Math.min(MAX_SHARED_BUFFERS, eighth));
    }

    /** {@link #sharedBuffersFor} this machine's memory, or a container's limit where there is one. */
    static long sharedBuffersForThisMachine() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getTotalMemorySize() : 0;
        return sharedBuffersFor(memory);
    }
}
