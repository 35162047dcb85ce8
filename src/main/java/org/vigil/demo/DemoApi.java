package org.vigil.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's client of Vigil's own REST API on the loopback interface: JSON in and out, one signed-in
 * account per instance. A refused request stops the demo with the method, path and status (never the
 * body, which may hold invented but PHI-shaped data). Independent writes may be sent a few at a time
 * ({@link #postAll}).
 */
final class DemoApi {

    private static final int PARALLEL = 3;

    private final HttpClient http;
    private final JsonMapper json;
    private final int port;
    private final String token;

    private DemoApi(HttpClient http, JsonMapper json, int port, String token) {
        this.http = http;
        this.json = json;
        this.port = port;
        this.token = token;
    }

    /** Signs in with the account's password and returns a client acting as that account. */
    static DemoApi signIn(HttpClient http, JsonMapper json, int port, String email, String password) {
        DemoApi anonymous = new DemoApi(http, json, port, null);
        String token = anonymous.send("POST", "/api/v1/auth/login", Map.of("email", email, "password", password), null)
                .body().get("accessToken").asString();
        return new DemoApi(http, json, port, token);
    }

    JsonNode get(String path) {
        return send("GET", path, null, null).body();
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body, null).body();
    }

    /** POSTs and returns the created resource's id. */
    String create(String path, Object body) {
        return post(path, body).get("id").asString();
    }

    /** POSTs with {@code If-Match} (attesting a note needs the version that was read). */
    JsonNode post(String path, Object body, String ifMatch) {
        return send("POST", path, body, ifMatch).body();
    }

    /** Sends independent POSTs a few at a time; returns the answers in request order. */
    List<JsonNode> postAll(List<Request> requests) {
        Semaphore slots = new Semaphore(PARALLEL);
        List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
        for (Request request : requests) {
            slots.acquireUninterruptibly();
            answers.add(sendAsync(request).whenComplete((answer, failure) -> slots.release()));
        }
        List<JsonNode> results = new ArrayList<>();
        try {
            for (CompletableFuture<JsonNode> answer : answers) {
                results.add(answer.join());
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return results;
    }

    record Request(String path, Object body) {
    }

    record Answer(JsonNode body, String etag) {
    }

    Answer send(String method, String path, Object body, String ifMatch) {
        try {
            HttpResponse<String> response = http.send(request(method, path, body, ifMatch),
                    HttpResponse.BodyHandlers.ofString());
            return answer(method, path, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private CompletableFuture<JsonNode> sendAsync(Request request) {
        return http.sendAsync(request("POST", request.path(), request.body(), null), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> answer("POST", request.path(), response).body());
    }

    private HttpRequest request(String method, String path, Object body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.build();
    }

    private Answer answer(String method, String path, HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            // The path may name a patient id, never data; the body is left out on purpose.
            throw new IllegalStateException("Demo data: " + method + " " + path.replaceAll("\\?.*", "")
                    + " answered " + response.statusCode());
        }
        JsonNode body = response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
        return new Answer(body, response.headers().firstValue("ETag").orElse(null));
    }
}
