package org.vigil.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The embedded server's shared buffers: an eighth of the machine's memory, within 128 MB ... 1 GB, unless configured. */
class EmbeddedServerSettingsTest {

    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;

    @Test
    void sharedBuffersAreAnEighthOfTheMachinesMemoryWithinPostgresDefaultAndOneGigabyte() {
        assertThat(EmbeddedServerSettings.sharedBuffersFor(24 * GIB)).isEqualTo(GIB);
        assertThat(EmbeddedServerSettings.sharedBuffersFor(8 * GIB)).as("exactly an eighth at the top").isEqualTo(GIB);
        assertThat(EmbeddedServerSettings.sharedBuffersFor(8 * GIB + 8 * MIB)).isEqualTo(GIB);
        assertThat(EmbeddedServerSettings.sharedBuffersFor(4 * GIB)).isEqualTo(512 * MIB);
        assertThat(EmbeddedServerSettings.sharedBuffersFor(3 * GIB + 5)).as("whole mebibytes").isEqualTo(384 * MIB);
        assertThat(EmbeddedServerSettings.sharedBuffersFor(GIB)).as("PostgreSQL's default at the bottom")
                .isEqualTo(128 * MIB);
        assertThat(EmbeddedServerSettings.sharedBuffersFor(GIB - MIB)).isEqualTo(128 * MIB);
        assertThat(EmbeddedServerSettings.sharedBuffersFor(0)).as("memory unknown").isEqualTo(128 * MIB);
    }

    @Test
    void theServerIsCrashSafeAndTakesTheSizeInMegabytes() {
        assertThat(EmbeddedServerSettings.of(DataSize.ofMegabytes(256)))
                .containsEntry("shared_buffers", "256MB")
                .containsEntry("fsync", "on")
                .containsEntry("synchronous_commit", "on")
                .containsEntry("full_page_writes", "on")
                .containsEntry("log_min_error_statement", "panic");
        assertThat(EmbeddedServerSettings.of(DataSize.ofGigabytes(2))).containsEntry("shared_buffers", "2048MB");
        assertThat(EmbeddedServerSettings.of(null)).containsEntry("shared_buffers",
                EmbeddedServerSettings.sharedBuffersForThisMachine() / MIB + "MB");
    }

    @Test
    void aConfiguredSizeUnderSixteenMegabytesIsRefusedNamingTheSetting() {
        assertThat(EmbeddedServerSettings.of(DataSize.ofMegabytes(16))).containsEntry("shared_buffers", "16MB");
        assertThatThrownBy(() -> EmbeddedServerSettings.of(DataSize.ofMegabytes(15)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vigil.database.embedded.shared-buffers is 15728640 bytes; it must be at least 16MB");
    }
}
