package org.vigil.infrastructure.database;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Uses the PostgreSQL server named by {@code spring.datasource.*} (e.g. SPRING_DATASOURCE_URL). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.datasource.url:}'.isEmpty()")
class ExternalDatabaseConfiguration {

    @Bean
    DatabaseEndpoint databaseEndpoint(@Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password) {
        return new DatabaseEndpoint(url, username.isBlank() ? null : username, password.isBlank() ? null : password);
    }
}
