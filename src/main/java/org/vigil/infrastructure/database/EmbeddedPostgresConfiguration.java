package org.vigil.infrastructure.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL 17 server when no external database is configured.
 *
 * Its settings (crash safety, logging, shared buffers) are {@link EmbeddedServerSettings}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) {
        EmbeddedPostgresLauncher launcher = new EmbeddedPostgresLauncher(properties);
        return launcher.start();
    }

    @Bean
    DatabaseEndpoint databaseEndpoint(EmbeddedPostgres postgres) {
        return new DatabaseEndpoint(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }

    /** Builds and starts the server, with a clear message when it cannot. */
    static final class EmbeddedPostgresLauncher {

        private final EmbeddedPostgresProperties properties;

        EmbeddedPostgresLauncher(EmbeddedPostgresProperties properties) {
            this.properties = properties;
        }

        EmbeddedPostgres start() {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // Spring closes the server after the connection pools, not a JVM hook before them.
                    .setRegisterShutdownHook(false);
            EmbeddedServerSettings.of(properties.sharedBuffers()).forEach(builder::setServerConfig);
            Path dataDirectory = properties.dataDirectory();
            boolean persistent = dataDirectory != null && !dataDirectory.toString().isBlank();
            if (persistent) {
                Path directory = dataDirectory.toAbsolutePath();
                createDirectories(directory.getParent());
                builder.setDataDirectory(directory).setCleanDataDirectory(false);
            }
            int port = properties.port();
            if (port > 0) {
                PortCheck.requireFree(port, persistent ? dataDirectory.toAbsolutePath().normalize() : null);
                builder.setPort(port);
            }
            try {
                EmbeddedPostgres postgres = builder.start();
                log.info("Embedded PostgreSQL listening on localhost:{} with data in {}", postgres.getPort(),
                        persistent ? dataDirectory.toAbsolutePath() : "a temporary directory");
                return postgres;
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the embedded PostgreSQL server"
                        + (persistent ? " on data directory " + dataDirectory.toAbsolutePath() : "")
                        + ": " + e.getMessage(), e);
            }
        }

        private static void createDirectories(Path directory) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + directory, e);
            }
        }
    }
}
