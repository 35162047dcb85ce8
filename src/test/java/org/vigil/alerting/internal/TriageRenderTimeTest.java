package org.vigil.alerting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.demo.DemoOrganization;
import org.vigil.shared.Ids;
import org.vigil.support.Browser;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/**
 * Server-side render time of the dashboard and the triage pages on the demo organization plus 300
 * open alerts, signed in as the demo physician (who sees every dashboard card). Prints the median
 * and worst of 10 requests after warming up; the target is 300 ms. It fails only beyond 1.5 s,
 * which no set-based page reaches on this data even on a loaded machine.
 */
@VigilIntegrationTest
class TriageRenderTimeTest {

    @LocalServerPort
    int port;
    @Autowired
    DemoOrganization demo;
    @Autowired
    TestData data;

    @Test
    void dashboardAndTriageRenderQuicklyOnDemoData() {
        String clinic = demo.ensure().orElseGet(() -> data.platformString(
                "SELECT id FROM organizations WHERE domain = ?", DemoOrganization.DOMAIN));
        int patients = Math.max(1, count(clinic));
        List<String> rules = new ArrayList<>();
        for (int r = 0; r <= 300 / patients; r++) {
            rules.add(data.alertRule(clinic)); // one open alert per patient and rule
        }
        for (int i = 0; i < 300; i++) {
            String severity = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW").get(i % 4);
            data.platformUpdate("INSERT INTO alerts (id, organization_id, patient_id, rule_id, severity, priority, message, "
                    + "risk_score, sla_breach_time, triggered_at) SELECT ?, ?, p.id, ?, ?, 5, 'Load test alert', ?, "
                    + "now() + make_interval(mins => ?), now() - make_interval(mins => ?) FROM patients p "
                    + "WHERE p.organization_id = ? ORDER BY p.id OFFSET ? LIMIT 1", Ids.newId(), clinic, rules.get(i / patients), severity,
                    (i % 10) * 1.0, (i % 7) * 30 - 60, i, clinic, i % patients);
        }
        assertThat(data.platformQuery("SELECT count(*)::int FROM alerts WHERE organization_id = ? AND status = 'PENDING'",
                clinic)).isGreaterThanOrEqualTo(300);
        String alert = data.platformString("SELECT min(id) FROM alerts WHERE organization_id = ?", clinic);

        Browser physician = new Browser(port);
        Browser.Page login = physician.get("/login");
        physician.follow(physician.post("/login", Map.of("email", "physician@" + DemoOrganization.DOMAIN,
                "password", DemoOrganization.PASSWORD, "_csrf", login.csrf())));

        // "/account" is a foundation page with only the frame's reads: the machine's baseline.
        for (String path : List.of("/account", "/", "/triage", "/triage/list", "/triage?severity=CRITICAL&slaBreached=true",
                "/triage/alerts/" + alert)) {
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 13; i++) {
                long start = System.nanoTime();
                Browser.Page page = physician.get(path);
                long took = (System.nanoTime() - start) / 1_000_000;
                assertThat(page.status()).as(path).isEqualTo(200);
                if (i >= 3) {
                    millis.add(took);
                }
            }
            Collections.sort(millis);
            System.out.printf("RENDER %-45s best %4d ms, median %4d ms, worst %4d ms (10 requests)%n", path,
                    millis.get(0), millis.get(millis.size() / 2), millis.get(millis.size() - 1));
            assertThat(millis.get(millis.size() / 2)).as("median render of " + path).isLessThan(1500);
        }
    }

    private int count(String clinic) {
        return data.platformQuery("SELECT count(*)::int FROM patients WHERE organization_id = ?", clinic);
    }
}
