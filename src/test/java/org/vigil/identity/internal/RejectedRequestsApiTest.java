package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Api;
import org.vigil.support.VigilIntegrationTest;

/** What Spring Security's firewall refuses is bad input like any other: 400, problem+json on the API. */
@VigilIntegrationTest
class RejectedRequestsApiTest {

    @LocalServerPort
    int port;

    @Test
    void anApiAddressTheFirewallRefusesIsAnsweredAsAProblemThatDoesNotEchoIt() {
        Api api = new Api(port);
        for (String path : new String[] {"/api/v1/patients/p1;jsessionid=x", "/api/v1/patients//p1"}) {
            Api.Response refused = api.get(path, null);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.contentType()).as(path).isEqualTo("application/problem+json");
            assertThat(refused.body()).as(path).contains("\"title\":\"Request refused\"", "\"status\":400")
                    .doesNotContain("p1");
        }
    }

    @Test
    void anApiAddressTheServerItselfRefusesIsAProblemToo() {
        Api api = new Api(port);
        // an encoded slash and an encoded NUL byte: refused by Tomcat before any filter runs
        for (String path : new String[] {"/api/v1/patients/p1%2Fp2", "/api/v1/patients/p1%00"}) {
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
