package org.vigil.infrastructure.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL server Vigil starts when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory persistent data directory; blank means a throw-away temporary one (tests)
 * @param port          fixed TCP port on localhost; 0 picks a free one (tests)
 */
@ConfigurationProperties("vigil.database.embedded")
public record EmbeddedPostgresProperties(Path dataDirectory, int port) {
}
