package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Api;
import org.vigil.support.VigilIntegrationTest;

/**
 * What Spring Security's firewall or Tomcat itself refuses is bad input like any other: 400,
 * problem+json on the API, an error page elsewhere; the address is not echoed.
 */
@VigilIntegrationTest
class RejectedRequestsApiTest {

    @LocalServerPort
    int port;

    @Test
    void anApiAddressRefusedBeforeAnyOfVigilsCodeIsAProblemThatDoesNotEchoIt() {
        Api api = new Api(port);
        // refused by Spring Security's firewall (';', '//'), and by Tomcat itself before any filter
        // runs (an encoded slash, an encoded NUL byte)
        for (String path : new String[] {"/api/v1/patients/p1;jsessionid=x", "/api/v1/patients//p1",
                "/api/v1/patients/p1%2Fp2", "/api/v1/patients/p1%00"}) {
            Api.Response refused = api.get(path, null);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.contentType()).as(path).isEqualTo("application/problem+json");
            assertThat(refused.body()).as(path).contains("\"title\":\"Request refused\"", "\"status\":400")
                    .doesNotContain("p1").doesNotContain("Tomcat");
        }
    }

    @Test
    void aWebAddressTheServerItselfRefusesGetsAPlainPageWithoutTheServersName() {
        Api.Response refused = new Api(port).get("/patients/p1%2Fp2", null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).doesNotContain("problem+json");
        assertThat(refused.body()).doesNotContain("Tomcat").doesNotContain("p1");
    }

    @Test
    void aWebAddressTheFirewallRefusesGetsTheErrorPageNotAProblem() {
        Api.Response refused = new Api(port).get("/patients/p1;jsessionid=x", null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).doesNotContain("problem+json");
    }
}
