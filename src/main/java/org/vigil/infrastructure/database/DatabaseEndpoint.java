package org.vigil.infrastructure.database;

/**
 * Where the database is and who owns its schema: the embedded server's or the configured one's.
 * The owner runs the migrations; application work uses the same login but switches to the
 * unprivileged {@code vigil_app} role (see {@link DataSourceConfiguration}).
 */
public record DatabaseEndpoint(String jdbcUrl, String username, String password) {
}
