package org.vigil.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser for web UI tests over real HTTP: keeps cookies per host (java.net.CookieManager),
 * never follows redirects by itself (tests look at each hop), submits forms. Requests to Vigil carry
 * a client address of their own (X-Forwarded-For), like {@link Api}.
 */
public final class Browser {

    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]+)\"");
    private static final java.util.Random RANDOM = new java.security.SecureRandom();

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;
    private final String address = "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));

    /** A browser for Vigil at {@code http://127.0.0.1:port}. */
    public Browser(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    public String address() {
        return address;
    }

    public record Page(int status, String body, HttpHeaders headers, URI uri) {
        public String location() {
            return headers.firstValue("Location").map(l -> uri.resolve(l).toString()).orElse(null);
        }

        public boolean redirectsTo(String pathPrefix) {
            String location = location();
            return status / 100 == 3 && location != null && URI.create(location).getRawPath().equals(pathPrefix.split("\\?")[0])
                    && (!pathPrefix.contains("?") || location.contains(pathPrefix.substring(pathPrefix.indexOf('?'))));
        }

        /** The CSRF token of the first form on the page. */
        public String csrf() {
            Matcher input = CSRF_INPUT.matcher(body);
            Matcher value = input.find() ? VALUE.matcher(input.group()) : null;
            if (value == null || !value.find()) {
                throw new AssertionError("no CSRF token on " + uri + ":\n" + body);
            }
            return value.group(1);
        }

        public List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        public String text() {
            return body.replaceAll("<[^>]+>", " ").replaceAll("&#39;", "'").replaceAll("&quot;", "\"")
                    .replaceAll("&amp;", "&").replaceAll("\\s+", " ");
        }
    }

    public Page get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET(), pathOrUrl);
    }

    public Page post(String pathOrUrl, Map<String, String> form) {
        return post(pathOrUrl, form, Map.of());
    }

    public Page post(String pathOrUrl, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request, pathOrUrl);
    }

    /** Follows redirects from {@code page} until a page that is not a redirect. */
    public Page follow(Page page) {
        Page current = page;
        for (int hop = 0; current.status() / 100 == 3; hop++) {
            if (hop > 15) {
                throw new AssertionError("too many redirects, last " + current.location());
            }
            current = get(current.location());
        }
        return current;
    }

    /** The value of a cookie Vigil set, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().get(base).stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Replaces Vigil's cookie of that name (e.g. to present an old session id again). */
    public void setCookie(String name, String value) {
        cookies.getCookieStore().get(base).stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(c -> cookies.getCookieStore().remove(base, c));
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    private URI uri(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
    }

    private Page send(HttpRequest.Builder request, String pathOrUrl) {
        URI uri = uri(pathOrUrl);
        request.header("User-Agent", "vigil-tests-browser").header("Accept", "text/html");
        if (uri.getHost().equals(base.getHost()) && uri.getPort() == base.getPort()) {
            request.header("X-Forwarded-For", address);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response.headers(), uri);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
