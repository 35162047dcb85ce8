package org.vigil.demo;

import java.net.http.HttpClient;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.vigil.shared.Ids;
import org.vigil.tenancy.PlatformScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates the demo organization once (when {@code vigil.demo.enabled}, which the {@code ./vigil}
 * run command sets) and prints how to sign in. The organization and its three accounts are created
 * as audited platform administration; everything clinical — 50 patients across the eight standard
 * presets with 60 days of readings, questionnaires, medications, time logs, worked alerts, tasks and
 * notes ({@link DemoClinic}) — is then created through the REST API over the loopback interface,
 * signed in as the demo's administrator, nurse and physician. It runs on its own thread after the
 * application is ready, so health is UP and requests are served meanwhile. Starting again finds the organization and only prints the
 * sign-in details.
 *
 * <p>The demo password is public (it is printed and documented): the demo is for a local run, and
 * is off unless enabled.
 */
@Component
public class DemoOrganization {

    public static final String DOMAIN = "demo.vigil.test";
    public static final String PASSWORD = "vigil-demo-clinic";
    static final String TIME_ZONE = "America/New_York";
    private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

    private final boolean enabled;
    private final PlatformScope platform;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private volatile int port;

    DemoOrganization(@Value("${vigil.demo.enabled:false}") boolean enabled, PlatformScope platform, JdbcTemplate jdbc,
            PasswordEncoder passwords, JsonMapper json, Clock clock) {
        this.enabled = enabled;
        this.platform = platform;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void onServer(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    /**
     * Creates the demo on its own thread once the application is ready, so readiness and health are
     * UP meanwhile and requests are served; prints the sign-in details when it is done.
     */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!enabled) {
            return;
        }
        Thread thread = new Thread(this::createAndPrint, "vigil-demo");
        thread.setDaemon(true);
        thread.start();
    }

    private void createAndPrint() {
        try {
            long started = System.nanoTime();
            Optional<String> created = ensure();
            String took = String.format(" in %.1f s", (System.nanoTime() - started) / 1e9);
            System.out.println();
            System.out.println("  Demo organization \"Vigil Demo Clinic\"" + (created.isPresent() ? " created" + took : "")
                    + ": sign in at http://localhost:" + port + "/login");
            System.out.println("    admin@" + DOMAIN + "  nurse@" + DOMAIN + "  physician@" + DOMAIN
                    + "   password: " + PASSWORD);
            if (created.isEmpty() && !complete()) {
                System.out.println("    (it is incomplete, interrupted or made by an older Vigil: start with a fresh "
                        + "VIGIL_HOME for the full demo)");
            }
            System.out.println();
        } catch (RuntimeException e) {
            // The demo is a convenience: the application runs on without it. Our own failures name
            // only the request (method, path, status); others only their type.
            log.warn("The demo organization could not be created: {}", e.getMessage() != null
                    && e.getMessage().startsWith("Demo data:") ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    /** Whether the demo's last write exists: the referral task {@link DemoFollowUp} creates at the end. */
    private boolean complete() {
        return platform.call(null, "Demo organization: check it is complete", () -> jdbc.queryForObject(
                "SELECT count(*) FROM tasks t JOIN organizations o ON o.id = t.organization_id "
                        + "WHERE o.domain = ? AND t.task_type = 'REFERRAL'", Integer.class, DOMAIN) > 0);
    }

    /** Creates the demo organization unless it exists; returns its id when it was created now. */
    public Optional<String> ensure() {
        List<String> existing = platform.call(null, "Demo organization: look up", () -> jdbc.queryForList(
                "SELECT id FROM organizations WHERE domain = ?", String.class, DOMAIN));
        if (!existing.isEmpty()) {
            return Optional.empty();
        }
        String organization = Ids.newId();
        String hash = passwords.encode(PASSWORD);
        Map<String, String> users = new LinkedHashMap<>();
        platform.run(null, "Demo organization: create the organization and its accounts", () -> {
            jdbc.update("INSERT INTO organizations (id, name, type, domain, time_zone, email) "
                    + "VALUES (?, 'Vigil Demo Clinic', 'CLINIC', ?, ?, ?)", organization, DOMAIN, TIME_ZONE,
                    "front-desk@" + DOMAIN);
            for (String[] account : List.of(new String[] {"admin", "Avery", "Admin", "ORG_ADMIN"},
                    new String[] {"nurse", "Florence", "Nightingale", "NURSE"},
                    new String[] {"physician", "Grace", "Hopper", "PHYSICIAN"})) {
                String id = Ids.newId();
                jdbc.update("INSERT INTO users (id, email, password_hash, first_name, last_name, email_verified, "
                        + "email_verified_at) VALUES (?, ?, ?, ?, ?, true, now())", id, account[0] + "@" + DOMAIN, hash,
                        account[1], account[2]);
                jdbc.update("INSERT INTO user_organizations (id, user_id, organization_id, role) VALUES (?, ?, ?, ?)",
                        Ids.newId(), id, organization, account[3]);
                users.put(account[0], id);
            }
        });
        Map<String, String> billingPrograms = platform.call(null, "Demo organization: read the billing catalog",
                () -> {
                    Map<String, String> ids = new LinkedHashMap<>();
                    jdbc.query("SELECT code, id FROM billing_programs WHERE is_active",
                            (ResultSet row) -> {
                                ids.put(row.getString("code"), row.getString("id"));
                            });
                    return ids;
                });
        DemoApi admin = DemoApi.signIn(http, json, port, "admin@" + DOMAIN, PASSWORD);
        DemoApi nurse = DemoApi.signIn(http, json, port, "nurse@" + DOMAIN, PASSWORD);
        DemoApi physician = DemoApi.signIn(http, json, port, "physician@" + DOMAIN, PASSWORD);
        DemoDays days = new DemoDays(clock.instant(), ZoneId.of(TIME_ZONE));
        new DemoClinic(admin, nurse, physician, days,
                new DemoClinic.Setup(users.get("nurse"), users.get("physician"), billingPrograms),
                () -> awaitEvaluation(organization)).populate();
        return Optional.of(organization);
    }

    /**
     * Waits (at most a minute) until the rule engine has evaluated every reading of the organization:
     * its event publications are complete (completed ones are deleted). The alerts to work exist then.
     */
    private void awaitEvaluation(String organization) {
        platform.run(null, "Demo organization: wait for the alert evaluation of its readings", () -> {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            String pending = "SELECT count(*) FROM event_publication WHERE completion_date IS NULL "
                    + "AND serialized_event LIKE ?";
            while (jdbc.queryForObject(pending, Integer.class, "%" + organization + "%") > 0
                    && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        });
    }
}
