package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.VigilIntegrationTest;

/** What Spring Security's firewall refuses is bad input like any other: 400, problem+json on the API. */
@VigilIntegrationTest
class RejectedRequestsApiTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anApiAddressTheFirewallRefusesIsAnsweredAsAProblemThatDoesNotEchoIt() throws Exception {
        for (String path : new String[] {"/api/v1/patients/p1;jsessionid=x", "/api/v1/patients//p1"}) {
            HttpResponse<String> refused = get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(refused.body()).as(path).contains("\"title\":\"Request refused\"", "\"status\":400")
                    .doesNotContain("p1");
        }
    }

    @Test
    void aWebAddressTheFirewallRefusesGetsTheErrorPageNotAProblem() throws Exception {
        HttpResponse<String> refused = get("/patients/p1;jsessionid=x");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).doesNotContain("problem+json");
    }
}
