package org.vigil.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Server-side render time of the web UI's main pages on the demo clinic (issue 9: under 300 ms on
 * this machine). Starts Vigil on a fresh embedded PostgreSQL with the demo organization (created
 * through the same services as real data, timed), signs in to the web session as the demo
 * administrator, then requests each page once to warm up and {@code runs} more times, timing each
 * request from sending to the last byte over loopback (an upper bound of the server's own time).
 * The fragments a page loads by itself ({@code hx-get} with {@code hx-trigger="load"}) are timed
 * as well. Run with bench/pages.sh.
 *
 * <p>Arguments (key=value): runs (20), pages (comma-separated paths; {patient} is a demo patient).
 */
public final class PageRenderBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern LAZY = Pattern.compile("<[^>]*hx-get=\"([^\"]+)\"[^>]*hx-trigger=\"[^\"]*load[^\"]*\"[^>]*>"
            + "|<[^>]*hx-trigger=\"[^\"]*load[^\"]*\"[^>]*hx-get=\"([^\"]+)\"[^>]*>");
    private static final String DEFAULT_PAGES = "/,/triage,/patients,/patients/{patient},/billing,/admin,/admin/users,"
            + "/admin/settings,/admin/library,/admin/audit,/account";

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Bench.arguments(args);
        int runs = Integer.parseInt(a.getOrDefault("runs", "20"));
        List<String> pages = Arrays.asList(a.getOrDefault("pages", DEFAULT_PAGES).split(","));

        long t = System.nanoTime();
        EmbeddedPostgres pg = Bench.startPostgres();
        ConfigurableApplicationContext ctx = Bench.startVigil(pg);
        String base = "http://localhost:" + Bench.port(ctx);
        System.out.printf(Locale.ROOT, "Vigil started in %.1f s%n", (System.nanoTime() - t) / 1e9);
        // The default run creates the demo on a thread of its own after start; here it is created
        // on this thread (same code, same REST API) so the measurements start once it is complete.
        t = System.nanoTime();
        ctx.getBean(org.vigil.demo.DemoOrganization.class).ensure();
        System.out.printf(Locale.ROOT, "demo clinic created in %.1f s%n", (System.nanoTime() - t) / 1e9);
        int exit = 0;
        try (Connection su = Bench.superuser(pg)) {
            System.out.printf(Locale.ROOT, "PostgreSQL %s (embedded), JDK %s, %d CPUs%n", Bench.serverVersion(su),
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            String organization = Bench.string(su, "SELECT id FROM organizations WHERE domain = 'demo.vigil.test'");
            System.out.printf(Locale.ROOT, "demo clinic: %d patients, %d readings, %d alerts (%d open), %d time logs, "
                            + "%d assessments%n",
                    count(su, "patients", organization), count(su, "observations", organization),
                    count(su, "alerts", organization),
                    Bench.number(su, "SELECT count(*) FROM alerts WHERE organization_id = '" + organization
                            + "' AND status NOT IN ('RESOLVED', 'DISMISSED')"),
                    count(su, "time_logs", organization), count(su, "assessments", organization));
            String patient = Bench.string(su, "SELECT p.id FROM patients p JOIN observations o ON o.patient_id = p.id "
                    + "WHERE p.organization_id = ? GROUP BY p.id ORDER BY count(*) DESC LIMIT 1", organization);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            signIn(http, base, "admin@demo.vigil.test");

            System.out.println();
            System.out.printf(Locale.ROOT, "| page (as admin@demo.vigil.test) | status | KB | median ms | p95 ms | max ms |%n");
            System.out.println("| --- | --- | --- | --- | --- | --- |");
            for (String page : pages) {
                String path = page.replace("{patient}", patient);
                String label = page;
                String body = measure(http, base, path, label, runs);
                if (body == null) {
                    exit = 1;
                    continue;
                }
                Set<String> lazy = new LinkedHashSet<>();
                Matcher m = LAZY.matcher(body);
                while (m.find()) {
                    lazy.add((m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&"));
                }
                for (String fragment : lazy) {
                    measure(http, base, fragment, "  ↳ " + fragment.replace(patient, "{patient}"), runs);
                }
            }
        } finally {
            ctx.close();
            pg.close();
        }
        System.exit(exit);
    }

    private static long count(Connection su, String table, String organization) throws Exception {
        return Bench.number(su, "SELECT count(*) FROM " + table + " WHERE organization_id = '" + organization + "'");
    }

    private static void signIn(HttpClient http, String base, String email) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(login.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode("vigil-demo-clinic", StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 || !signedIn.headers().firstValue("Location").orElse("").endsWith("/")) {
            throw new IllegalStateException("web sign-in failed: " + signedIn.statusCode());
        }
    }

    /** Times {@code runs} requests after one warm-up; prints a table row; returns the body (null on failure). */
    private static String measure(HttpClient http, String base, String path, String label, int runs) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (label.startsWith(" ")) {
            builder.header("HX-Request", "true"); // a fragment, requested as htmx does
        }
        HttpRequest request = builder.build();
        HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() != 200) {
            System.out.printf(Locale.ROOT, "| `%s` | %d | – | – | – | – |%n", label, first.statusCode());
            return null;
        }
        long[] nanos = new long[runs];
        int bytes = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - start;
            bytes = r.body().length();
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "| `%s` | 200 | %.0f | %.1f | %.1f | %.1f |%n", label, bytes / 1024.0,
                Measures.percentile(nanos, 50), Measures.percentile(nanos, 95), nanos[runs - 1] / 1e6);
        return first.body();
    }
}
