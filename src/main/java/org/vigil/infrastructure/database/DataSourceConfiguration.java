package org.vigil.infrastructure.database;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Two connection pools to the same database.
 *
 * <ul>
 *   <li>{@code dataSource} (primary): every connection runs {@code SET ROLE vigil_app} when it is
 *       opened, so all application work, including work that forgot to name its organization, is
 *       subject to row-level security and fails closed (sees no tenant rows). Tenant and platform
 *       transactions then choose their organization or the platform role per transaction. It also
 *       sets {@code idle_in_transaction_session_timeout}
 *       ({@code vigil.database.idle-in-transaction-timeout}, 5 minutes; 0 leaves the server's): no
 *       work of Vigil leaves a transaction idle for longer than a round trip, so a transaction
 *       that does (a thread stuck on a network call, a leaked connection) is ended by the server,
 *       with its row and advisory locks — which would otherwise stop every writer of those rows,
 *       or every alert writer of an organization — instead of holding them until restart.</li>
 *   <li>{@code ownerDataSource}: the schema owner, used only by Flyway (and schema tests).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

    static final String APPLICATION_ROLE = "vigil_app";

    @Bean
    @Primary
    HikariDataSource dataSource(DatabaseEndpoint endpoint, @Value("${vigil.database.pool-size:10}") int poolSize,
            @Value("${vigil.database.idle-in-transaction-timeout:5m}") Duration idleInTransactionTimeout) {
        if (idleInTransactionTimeout.isNegative()) {
            throw new IllegalArgumentException("vigil.database.idle-in-transaction-timeout is " + idleInTransactionTimeout
                    + "; it must be 0 (the server's setting) or more");
        }
        HikariDataSource dataSource = base(endpoint, "vigil-app");
        dataSource.setMaximumPoolSize(poolSize);
        String init = "SET ROLE " + APPLICATION_ROLE;
        if (!idleInTransactionTimeout.isZero()) {
            init += "; SET idle_in_transaction_session_timeout = " + Math.max(1, idleInTransactionTimeout.toMillis());
        }
        dataSource.setConnectionInitSql(init);
        return dataSource;
    }

    @Bean
    @FlywayDataSource
    @Qualifier("ownerDataSource")
    HikariDataSource ownerDataSource(DatabaseEndpoint endpoint) {
        HikariDataSource dataSource = base(endpoint, "vigil-owner");
        dataSource.setMaximumPoolSize(2);
        dataSource.setMinimumIdle(0);
        return dataSource;
    }

    private static HikariDataSource base(DatabaseEndpoint endpoint, String poolName) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName(poolName);
        dataSource.setJdbcUrl(endpoint.jdbcUrl());
        dataSource.setUsername(endpoint.username());
        dataSource.setPassword(endpoint.password());
        return dataSource;
    }

}
