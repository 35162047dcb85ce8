package org.vigil.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real-HTTP client for API tests: JSON in, status + parsed JSON out. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    /** A client address of its own for this client (see VigilIntegrationTest). */
    private final String address = "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    private static final java.util.Random RANDOM = new java.security.SecureRandom();

    public Api(int port) {
        this.port = port;
    }

    public String address() {
        return address;
    }

    public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response post(String path, String jsonBody) {
        return post(path, jsonBody, null);
    }

    public Response post(String path, String jsonBody, String bearer) {
        return send(withBody("POST", path, jsonBody, bearer));
    }

    public Response patch(String path, String jsonBody, String bearer) {
        return send(withBody("PATCH", path, jsonBody, bearer));
    }

    /** A PUT, conditional on {@code ifMatch} when it is not null. */
    public Response put(String path, String jsonBody, String bearer, String ifMatch) {
        HttpRequest.Builder request = withBody("PUT", path, jsonBody, bearer);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /** A POST conditional on {@code ifMatch} when it is not null (status changes of versioned resources). */
    public Response post(String path, String jsonBody, String bearer, String ifMatch) {
        HttpRequest.Builder request = withBody("POST", path, jsonBody, bearer);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    private HttpRequest.Builder withBody(String method, String path, String jsonBody, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    public Response delete(String path, String bearer) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer).DELETE());
    }

    public Response get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("User-Agent", "vigil-tests").header("X-Forwarded-For", address).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
