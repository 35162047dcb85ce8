package org.vigil.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates the demo organization once (when {@code vigil.demo.enabled}, which the {@code ./vigil}
 * run command sets) and prints how to sign in. The organization and its three accounts are created
 * as audited platform administration; everything clinical is then created through the REST API
 * over the loopback interface, signed in as the demo administrator. Starting again finds the
 * organization and only prints the sign-in details.
 *
 * <p>The demo password is public (it is printed and documented): the demo is for a local run, and
 * is off unless enabled.
 */
@Component
public class DemoOrganization {

    public static final String DOMAIN = "demo.vigil.test";
    public static final String PASSWORD = "vigil-demo-clinic";
    private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

    private final boolean enabled;
    private final PlatformScope platform;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!enabled) {
            return;
        }
        try {
            Optional<String> created = ensure();
            System.out.println();
            System.out.println("  Demo organization \"Vigil Demo Clinic\"" + (created.isPresent() ? " created" : "")
                    + ": sign in at http://localhost:" + port + "/login");
            System.out.println("    admin@" + DOMAIN + "  nurse@" + DOMAIN + "  physician@" + DOMAIN
                    + "   password: " + PASSWORD);
            System.out.println();
        } catch (RuntimeException e) {
            // The demo is a convenience: the application runs on without it.
            log.warn("The demo organization could not be created: {}", e.getClass().getSimpleName());
        }
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
                    + "VALUES (?, 'Vigil Demo Clinic', 'CLINIC', ?, 'America/New_York', ?)", organization, DOMAIN,
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
        new ThroughTheApi(signIn("admin@" + DOMAIN)).populate(users);
        return Optional.of(organization);
    }

    private String signIn(String email) {
        return send("POST", "/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null)
                .get("accessToken").asString();
    }

    /** The clinical part of the demo, created as the demo administrator over the REST API. */
    private final class ThroughTheApi {

        private final String token;

        ThroughTheApi(String token) {
            this.token = token;
        }

        void populate(Map<String, String> users) {
            String physician = post("/api/v1/clinicians", Map.of("firstName", "Grace", "lastName", "Hopper",
                    "email", "physician@" + DOMAIN, "npiNumber", "1234567893", "credentials", "MD",
                    "specialization", "Internal Medicine", "userId", users.get("physician")));
            String nurse = post("/api/v1/clinicians", Map.of("firstName", "Florence", "lastName", "Nightingale",
                    "email", "nurse@" + DOMAIN, "credentials", "RN", "userId", users.get("nurse")));
            Map<String, String> presets = new LinkedHashMap<>();
            for (JsonNode preset : send("GET", "/api/v1/library/condition-presets?standardized=true", null, token)) {
                presets.put(preset.get("name").asString(), preset.get("id").asString());
            }
            String rpm = post("/api/v1/care-programs", Map.of("name", "Remote monitoring",
                    "type", "REMOTE_PATIENT_MONITORING", "description", "Home vitals with daily review"));
            String ccm = post("/api/v1/care-programs", Map.of("name", "Chronic care management",
                    "type", "CHRONIC_CARE_MANAGEMENT", "description", "Monthly care coordination for two or more "
                            + "chronic conditions"));
            String bhi = post("/api/v1/care-programs", Map.of("name", "Behavioral health",
                    "type", "BEHAVIORAL_HEALTH_INTEGRATION", "description", "Depression and anxiety follow-up"));
            Instant start = clock.instant().minus(Duration.ofDays(60));
            List<DemoPatient> patients = DemoPatient.ROSTER;
            for (int i = 0; i < patients.size(); i++) {
                DemoPatient p = patients.get(i);
                String patient = post("/api/v1/patients", p.request(i));
                post("/api/v1/patients/" + patient + "/diagnoses", Map.of("icd10Code", p.icd10(), "label", p.condition(),
                        "isPrimary", true, "onsetDate", LocalDate.of(2019, 1 + i % 12, 1 + i).toString()));
                post("/api/v1/patients/" + patient + "/consents", Map.of("type", "PROGRAM", "programType",
                        p.program(), "consentedOn", start.toString().substring(0, 10), "method", "VERBAL",
                        "costSharingAcknowledged", true));
                String program = switch (p.program()) {
                    case "REMOTE_PATIENT_MONITORING" -> rpm;
                    case "CHRONIC_CARE_MANAGEMENT" -> ccm;
                    default -> bhi;
                };
                Map<String, Object> enrollment = new LinkedHashMap<>();
                enrollment.put("patientId", patient);
                enrollment.put("clinicianId", i % 3 == 0 ? nurse : physician);
                enrollment.put("careProgramId", program);
                enrollment.put("startDate", start.plus(Duration.ofDays(i)).toString());
                String preset = presets.get(p.preset());
                if (preset != null) {
                    enrollment.put("conditionPresetId", preset);
                }
                post("/api/v1/enrollments", enrollment);
            }
        }

        private String post(String path, Map<String, ?> body) {
            return send("POST", path, body, token).get("id").asString();
        }
    }

    private JsonNode send(String method, String path, Object body, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Demo data: " + method + " " + path + " answered " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
