package org.vigil.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/** No request body over 16 MiB is held in memory: 413, declared or counted, signed in or not. */
@VigilIntegrationTest
class RequestBodyLimitApiTest {

    static final long LIMIT = 16L << 20;

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    String nurse;

    @BeforeEach
    void aSignedInNurse() {
        String clinic = data.organization();
        nurse = accounts.signIn(new Api(port), accounts.member(clinic, "NURSE"), clinic);
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsReadOrTheCallerIsKnown() throws IOException {
        for (String bearer : new String[] {null, nurse}) {
            String answer = declaredOnly("/api/v1/observations", LIMIT + 1, bearer);
            assertThat(answer).as("signed in: %s", bearer != null).startsWith("HTTP/1.1 413")
                    .contains("application/problem+json", "\"title\":\"Request too large\"", "\"status\":413");
        }
        // exactly the limit is not refused for its size (the body is then not sent: the client gives up)
        assertThat(declaredOnly("/api/v1/observations", LIMIT, nurse)).doesNotStartWith("HTTP/1.1 413");
        // the web UI's paths get the error page, not a problem
        String page = declaredOnly("/patients", LIMIT + 1, null);
        assertThat(page).startsWith("HTTP/1.1 413").doesNotContain("problem+json");
    }

    @Test
    void aChunkedBodyIsCountedAsItIsReadAndRefusedPastTheLimit() throws Exception {
        // valid JSON so far: an object whose value never ends within the limit
        InputStream endless = new SequenceInputStream(
                new ByteArrayInputStream("{\"readings\":".getBytes(StandardCharsets.UTF_8)),
                new Spaces(LIMIT + (256 << 10)));
        HttpResponse<String> refused = chunked("/api/v1/observations", endless);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"title\":\"Request too large\"");

        // a chunked body under the limit is read as usual
        HttpResponse<String> read = chunked("/api/v1/observations",
                new ByteArrayInputStream("{\"readings\": \"none\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(read.statusCode()).isEqualTo(400);
        assertThat(read.body()).contains("readings", "must be a non-empty array");
    }

    @Test
    void aBodyUnderTheLimitWithMoreValuesThanAnyRequestNeedsIsRefusedUnbuilt() throws Exception {
        // 1.1 M empty objects in 3.3 MB: read whole, a tree of as many nodes
        String many = "{\"readings\":[" + "{},".repeat(1_100_000) + "{}]}";
        HttpResponse<String> refused = chunked("/api/v1/observations",
                new ByteArrayInputStream(many.getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("more JSON than Vigil reads in one request");
        // the largest batch there is, 5,000 readings, is read (and answered reading by reading)
        String batch = "{\"readings\":[" + ("{\"patientId\":\"p\",\"metric\":\"m\",\"value\":{\"systolic\":1,"
                + "\"diastolic\":2},\"unit\":\"u\",\"recordedAt\":\"x\",\"notes\":\"n\"},").repeat(4_999)
                + "{}]}";
        HttpResponse<String> read = chunked("/api/v1/observations",
                new ByteArrayInputStream(batch.getBytes(StandardCharsets.UTF_8)));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"rejected\":5000");
    }

    private HttpResponse<String> chunked(String path, InputStream body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + nurse)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request's head declaring {@code length} bytes and only a byte of them; the answer as text. */
    private String declaredOnly(String path, long length, String bearer) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n")
                    + "Content-Length: " + length + "\r\nConnection: close\r\n\r\n{").getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code count} spaces. */
    private static final class Spaces extends InputStream {
        private long left;

        Spaces(long count) {
            this.left = count;
        }

        @Override
        public int read() {
            return left-- > 0 ? ' ' : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) ' ');
            left -= n;
            return n;
        }
    }
}
