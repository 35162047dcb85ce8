package org.vigil.infrastructure.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The embedded PostgreSQL server Vigil starts when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory persistent data directory; blank means a throw-away temporary one (tests)
 * @param port          fixed TCP port on localhost; 0 picks a free one (tests)
 * @param sharedBuffers PostgreSQL's {@code shared_buffers}; null (unset) sizes it to the machine
 *                      ({@link EmbeddedServerSettings})
 */
@ConfigurationProperties("vigil.database.embedded")
public record EmbeddedPostgresProperties(Path dataDirectory, int port, DataSize sharedBuffers) {
}
