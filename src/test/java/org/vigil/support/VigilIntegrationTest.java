package org.vigil.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A test against the whole application over real HTTP and real PostgreSQL. Every such test uses
 * this one configuration, so Spring starts a single context (and a single embedded PostgreSQL on a
 * free port with a throw-away data directory) for the whole run. With
 * {@code -Dspring.datasource.url=...} the same tests run against that server instead.
 * Tests isolate themselves by creating their own organizations; nothing is truncated.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "vigil.database.embedded.data-directory=",
        "vigil.database.embedded.port=0",
        "spring.jpa.hibernate.ddl-auto=validate",
        // Each test client presents its own address (X-Forwarded-For), as clients behind a proxy
        // would, so per-address throttling in one test never blocks another.
        "server.forward-headers-strategy=framework",
        // A fixed test key (never used outside tests) so no key file is written to the home directory.
        "vigil.security.encryption-key=dGVzdC1vbmx5LWtleS0zMi1ieXRlcy1sb25nLS0tLS0=",
        "vigil.security.token-signing-key=dGVzdC1vbmx5LXNpZ25pbmcta2V5LTMyLWJ5dGVzLS0=",
        // The device webhook's test vendor (DeviceWebhookApiTest signs its deliveries with this).
        "vigil.devices.vendors.acme.secret=test-only-acme-webhook-secret-0123456789",
        // The single sign-on tests put an OpenID Connect provider (Spring Authorization Server) on
        // the test class path; it runs in its own context (testoidc.TestOidcProvider), never in Vigil's.
        "spring.autoconfigure.exclude="
                + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
                + "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration,"
                + "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"
})
@Tag("database")
@org.springframework.context.annotation.Import(TestClockConfiguration.class)
public @interface VigilIntegrationTest {
}
