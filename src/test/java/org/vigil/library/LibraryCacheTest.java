package org.vigil.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.shared.Ids;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.TenantScope;

/**
 * Library look-ups are remembered between transactions and used only while the library is
 * unchanged ({@link LibraryCache}, V115 versions): a change through the API applies to the very
 * next reading, a change rolled back leaves nothing behind, one organization's look-ups never
 * answer another's, and an unchanged look-up is not read again.
 */
@VigilIntegrationTest
class LibraryCacheTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    MetricCatalog metrics;
    @Autowired
    LibraryCache cache;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRuleChangedThroughTheApiAppliesToTheNextReading() {
        Api api = new Api(port);
        String clinic = data.organization();
        String admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        String nurse = accounts.signIn(api, accounts.member(clinic, "NURSE"), clinic);
        String patient = data.patient(clinic, null);
        data.enrollment(clinic, patient, data.clinician(clinic), data.careProgram(clinic));
        Api.Response created = api.post("/api/v1/library/alert-rules", Api.json(rule(clinic, 180)), admin);
        assertThat(created.status()).isEqualTo(201);
        String ruleId = created.json().get("id").asString();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);

        assertThat(api.post("/api/v1/observations", reading(patient, 170, at), nurse).status()).isEqualTo(201);
        long hits = cache.hits(clinic);
        assertThat(api.post("/api/v1/observations", reading(patient, 171, at.plusSeconds(1)), nurse).status())
                .isEqualTo(201);
        assertThat(cache.hits(clinic)).as("the second reading's look-ups were remembered").isGreaterThan(hits);
        assertThat(openAlerts(clinic)).isZero();

        Api.Response current = api.get("/api/v1/library/alert-rules/" + ruleId, admin);
        Api.Response replaced = api.put("/api/v1/library/alert-rules/" + ruleId, Api.json(rule(clinic, 160)), admin,
                current.header("ETag"));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(api.post("/api/v1/observations", reading(patient, 172, at.plusSeconds(2)), nurse).status())
                .isEqualTo(201);

        assertThat(openAlerts(clinic)).as("the reading was judged by the new threshold").isEqualTo(1);
    }

    @Test
    void anUnchangedLookUpIsRememberedAndAChangedOneReadAgain() {
        String clinic = data.organization();
        String key = "custom_" + Ids.newId().substring(0, 10);
        String metric = metric(clinic, key, "mmHg");
        assertThat(lookUp(clinic, key).unit()).isEqualTo("mmHg");
        long hits = cache.hits(clinic);
        long loads = cache.loads(clinic);
        assertThat(lookUp(clinic, key).unit()).isEqualTo("mmHg");
        assertThat(cache.hits(clinic)).isEqualTo(hits + 1);
        assertThat(cache.loads(clinic)).isEqualTo(loads);

        data.platformUpdate("UPDATE metric_definitions SET unit = 'kPa' WHERE id = ?", metric);
        assertThat(lookUp(clinic, key).unit()).as("a change (here outside Vigil) is seen at once").isEqualTo("kPa");
        assertThat(cache.loads(clinic)).isEqualTo(loads + 1);
    }

    @Test
    void theVersionComesWithTheStatementThatScopesTheTransactionAndCountsTheOrganizationsOwnChanges() {
        String clinic = data.organization();
        metric(clinic, "custom_" + Ids.newId().substring(0, 10), "mmHg");
        // the organization's own version, drawn after the standardized library's: read before the
        // transaction's settings applied, row-level security would have hidden it
        long own = Long.parseLong(data.platformString(
                "SELECT version::text FROM library_versions WHERE organization_key = ?", clinic));

        OptionalLong known = tenantScope.call(clinic, cache::versionInThisTransaction);

        assertThat(known).as("known before any look-up").isPresent();
        assertThat(known.getAsLong()).isGreaterThanOrEqualTo(own);
    }

    @Test
    void aTransactionThatChangedTheLibraryAndRolledBackLeavesNothingBehind() {
        String clinic = data.organization();
        String key = "custom_" + Ids.newId().substring(0, 10);
        String other = "other_" + Ids.newId().substring(0, 10);
        String metric = metric(clinic, key, "mmHg");
        metric(clinic, other, "kg");
        assertThatThrownBy(() -> tenantScope.run(clinic, () -> {
            // the version is read by this first look-up, before the change below
            assertThat(metrics.byKeys(Set.of(other))).hasSize(1);
            jdbc.update("UPDATE metric_definitions SET unit = 'kPa' WHERE id = ?", metric);
            assertThat(metrics.byKeys(Set.of(key)).get(0).unit()).isEqualTo("kPa");
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");

        assertThat(lookUp(clinic, key).unit()).as("the rolled-back unit was not remembered").isEqualTo("mmHg");
    }

    @Test
    void oneOrganizationsLookUpsNeverAnswerAnothers() {
        String first = data.organization();
        String second = data.organization();
        String key = "custom_" + Ids.newId().substring(0, 10);
        metric(first, key, "mmHg");
        metric(second, key, "kPa");
        assertThat(lookUp(first, key).unit()).isEqualTo("mmHg");
        assertThat(lookUp(second, key).unit()).isEqualTo("kPa");
        assertThat(lookUp(first, key).unit()).isEqualTo("mmHg");
        assertThat(tenantScope.call(second, () -> metrics.byKeyOrLoinc(Set.of(key), Set.of())))
                .extractingByKey("key:" + key).extracting(MetricCatalog.MetricInfo::unit).isEqualTo("kPa");
    }

    private MetricCatalog.MetricInfo lookUp(String organizationId, String key) {
        List<MetricCatalog.MetricInfo> found = tenantScope.call(organizationId, () -> metrics.byKeys(Set.of(key)));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private String metric(String organizationId, String key, String unit) {
        String id = Ids.newId();
        data.platformUpdate("INSERT INTO metric_definitions (id, organization_id, key, display_name, value_type, unit) "
                + "VALUES (?, ?, ?, ?, 'NUMERIC', ?)", id, organizationId, key, key, unit);
        return id;
    }

    private static Map<String, Object> rule(String clinic, int threshold) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", "Systolic " + clinic);
        rule.put("severity", "HIGH");
        rule.put("cooldownMinutes", 0);
        rule.put("conditions", Map.of("type", "threshold", "metric", "bp_systolic", "op", "gte", "value", threshold));
        return rule;
    }

    private static String reading(String patient, int systolic, Instant at) {
        return Api.json(Map.of("patientId", patient, "metric", "bp_systolic", "value", systolic,
                "recordedAt", at.toString(), "source", "DEVICE"));
    }

    private int openAlerts(String clinic) {
        return data.platformQuery("SELECT count(*)::int FROM alerts WHERE organization_id = ? AND status = 'PENDING'",
                clinic);
    }
}
