package org.vigil.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.support.VigilIntegrationTest;

/**
 * The running application uses the embedded server (crash-safe) unless spring.datasource.url names
 * another one, in which case no embedded server starts. The suite runs both ways (see .ci/run).
 */
@VigilIntegrationTest
class DatabaseSelectionTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DatabaseEndpoint endpoint;
    @Value("${spring.datasource.url:}")
    String configuredUrl;

    @Test
    void usesTheConfiguredServerOrACrashSafeEmbeddedOne() {
        if (configuredUrl.isBlank()) {
            assertThat(context.getBeansOfType(EmbeddedPostgres.class)).hasSize(1);
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW server_version", String.class)).startsWith("17.");
        } else {
            assertThat(context.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
            assertThat(endpoint.jdbcUrl()).isEqualTo(configuredUrl);
        }
    }

    @Test
    void applicationConnectionsRunAsTheUnprivilegedRole() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("vigil_app");
        assertThat(jdbc.queryForObject(
                "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user", Boolean.class)).isFalse();
    }
}
