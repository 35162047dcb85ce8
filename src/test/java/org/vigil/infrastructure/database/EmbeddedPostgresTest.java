package org.vigil.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The embedded server on its own: durable settings, data that survives a restart, a clear port error. */
class EmbeddedPostgresTest {

    @TempDir
    Path home;

    private EmbeddedPostgres start(int port) {
        return start(port, null);
    }

    private EmbeddedPostgres start(int port, DataSize sharedBuffers) {
        return new EmbeddedPostgresConfiguration.EmbeddedPostgresLauncher(
                new EmbeddedPostgresProperties(home.resolve("postgres"), port, sharedBuffers)).start();
    }

    private static long sharedBuffers(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT setting::bigint * block_size FROM pg_settings, "
                        + "(SELECT setting::bigint AS block_size FROM pg_settings WHERE name = 'block_size') b "
                        + "WHERE name = 'shared_buffers'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String show(Connection connection, String setting) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void isCrashSafeAndKeepsDataAcrossARestart() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (EmbeddedPostgres postgres = start(port);
                Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(show(connection, "fsync")).isEqualTo("on");
            assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(show(connection, "full_page_writes")).isEqualTo("on");
            assertThat(show(connection, "server_version")).startsWith("17.");
            assertThat(show(connection, "log_error_verbosity")).isEqualTo("terse");
            assertThat(sharedBuffers(connection)).as("sized to the machine")
                    .isEqualTo(EmbeddedServerSettings.sharedBuffersForThisMachine());
            statement.execute("CREATE TABLE kept (note text)");
            statement.execute("INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgres postgres = start(port, DataSize.ofMegabytes(200));
                Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT note FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
            assertThat(sharedBuffers(connection)).as("as configured").isEqualTo(200L * 1024 * 1024);
        }
    }

    @Test
    void stopsThePostgresOrphanedByAKilledVigilAndStarts() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path dataDirectory = home.resolve("postgres");
        Process vigil = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledVigil.class.getName(),
                dataDirectory.toString(), String.valueOf(port))
                .redirectErrorStream(true).start();
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(vigil.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals("READY")) {
                // skip the server's start-up output
            }
            assertThat(line).as("the helper JVM started its server").isEqualTo("READY");
            vigil.destroyForcibly().waitFor();
        }
        long orphanPid = Long.parseLong(java.nio.file.Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).as("orphan alive").isTrue();

        try (EmbeddedPostgres postgres = start(port);
                Connection connection = postgres.getPostgresDatabase().getConnection()) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(show(connection, "port")).isEqualTo(String.valueOf(port));
        }
    }

    @Test
    void refusesATakenPortWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> start(taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort())
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("VIGIL_DB_PORT");
        }
    }
}
