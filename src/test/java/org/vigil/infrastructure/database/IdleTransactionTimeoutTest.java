package org.vigil.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.support.VigilIntegrationTest;

/**
 * Application connections end a transaction left idle (5 minutes by default): the server closes
 * the connection and its locks go with it; a connection idle outside a transaction is untouched.
 */
@VigilIntegrationTest
class IdleTransactionTimeoutTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DatabaseEndpoint endpoint;

    @Test
    void applicationConnectionsEndATransactionIdleForFiveMinutes() {
        assertThat(jdbc.queryForObject("SHOW idle_in_transaction_session_timeout", String.class)).isEqualTo("5min");
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("vigil_app");
    }

    @Test
    void aTransactionLeftIdleIsEndedWithItsLocksAndThePoolGoesOn() throws Exception {
        try (HikariDataSource pool = new DataSourceConfiguration().dataSource(endpoint, 2, Duration.ofMillis(500))) {
            long key = System.nanoTime();
            try (Connection idle = pool.getConnection(); Connection other = pool.getConnection()) {
                idle.setAutoCommit(false);
                String idlePid;
                try (Statement s = idle.createStatement()) {
                    s.execute("SELECT pg_advisory_xact_lock(" + key + ")");
                    idlePid = single(s, "SELECT pg_backend_pid()");
                }
                try (Statement s = other.createStatement()) {
                    assertThat(single(s, "SELECT pg_try_advisory_lock(" + key + ")")).as("held").isEqualTo("f");
                    assertThat(single(s, "SHOW idle_in_transaction_session_timeout")).isEqualTo("500ms");
                    awaitEnded(s, idlePid);
                }
                try (Statement s = other.createStatement()) {
                    assertThat(single(s, "SELECT pg_try_advisory_lock(" + key + ")"))
                            .as("released with the ended transaction; the connection idle outside one still works")
                            .isEqualTo("t");
                    s.execute("SELECT pg_advisory_unlock(" + key + ")");
                }
                assertThatThrownBy(() -> {
                    try (Statement s = idle.createStatement()) {
                        s.execute("SELECT 1");
                    }
                }).isInstanceOf(SQLException.class);
            }
            try (Connection fresh = pool.getConnection(); Statement s = fresh.createStatement()) {
                assertThat(single(s, "SELECT current_user")).isEqualTo("vigil_app");
            }
        }
    }

    @Test
    void aNegativeTimeoutIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new DataSourceConfiguration().dataSource(endpoint, 2, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vigil.database.idle-in-transaction-timeout is PT-1S; it must be 0 (the server's setting) or more");
    }

    /** Until the server has ended backend {@code pid} (at most 10 s: the timeout is half a second). */
    private static void awaitEnded(Statement statement, String pid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!single(statement, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid).equals("0")) {
            assertThat(System.nanoTime()).as("backend %s ended by the server", pid).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
