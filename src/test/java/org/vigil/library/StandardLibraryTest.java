package org.vigil.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.library.internal.LibraryContent;
import org.vigil.library.internal.StandardLibraryLoader;
import org.vigil.library.internal.StandardLibraryLoader.LoadReport;
import org.vigil.shared.Ids;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.PlatformScope;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The standardized library in a real database: loaded by the application's start, idempotent,
 * upgraded in place by a changed release, never touching an organization's copies. Tests that load
 * a modified release put the shipped one back afterwards (the database is shared by the test run).
 */
@VigilIntegrationTest
class StandardLibraryTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LibraryContent SHIPPED = LibraryContent.shipped();
    static final List<String> STANDARD_TABLES = List.of("metric_definitions", "assessment_templates",
            "assessment_template_items", "alert_rules", "condition_presets", "condition_preset_diagnoses",
            "condition_preset_templates", "condition_preset_alert_rules");

    @Autowired StandardLibraryLoader loader;
    @Autowired PlatformScope platform;
    @Autowired TenantScope tenant;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void restoreTheShippedRelease() {
        loader.load(SHIPPED);
    }

    <T> T asPlatform(Callable<T> query) {
        return platform.call(null, "standard library test", () -> {
            try {
                return query.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    Map<String, Integer> standardizedRowCounts() {
        return asPlatform(() -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String table : STANDARD_TABLES) {
                counts.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE organization_id IS NULL", Integer.class));
            }
            return counts;
        });
    }

    String standardId(String table, String column, String value) {
        return asPlatform(() -> jdbc.queryForObject("SELECT id FROM " + table + " WHERE organization_id IS NULL AND "
                + column + " = ?", String.class, value));
    }

    @Test
    void theApplicationStartLoadedTheShippedLibrary() {
        String currentHash = jdbc.queryForObject(
                "SELECT content_hash FROM library_releases ORDER BY loaded_at DESC, id DESC LIMIT 1", String.class);
        assertThat(currentHash).isEqualTo(SHIPPED.hash());
        asPlatform(() -> {
            List<String> keys = SHIPPED.metrics().stream().map(LibraryContent.Metric::key).toList();
            Integer metrics = jdbc.queryForObject("SELECT count(*) FROM metric_definitions WHERE organization_id IS NULL "
                    + "AND is_standardized AND is_active AND key = ANY (?)", Integer.class, (Object) keys.toArray(String[]::new));
            assertThat(metrics).isEqualTo(keys.size()).isGreaterThanOrEqualTo(25);
            List<String> questionnaires = jdbc.queryForList("SELECT i.code FROM library_standard_items i "
                    + "JOIN assessment_templates t ON t.id = i.row_id WHERE i.kind = 'TEMPLATE' AND t.scoring IS NOT NULL "
                    + "AND t.is_active AND t.organization_id IS NULL", String.class);
            assertThat(questionnaires).containsExactlyInAnyOrder("phq9", "phq2", "gad7", "gad2", "peg", "pain_nrs");
            Integer presets = jdbc.queryForObject("SELECT count(*) FROM condition_presets p JOIN library_standard_items i "
                    + "ON i.row_id = p.id AND i.kind = 'CONDITION_PRESET' WHERE p.is_standardized AND p.is_active", Integer.class);
            assertThat(presets).isGreaterThanOrEqualTo(8);
            // the PHQ-9 item 9 flag and scoring are in the rows, as JSON the scorer accepts
            String phq9 = standardId("assessment_templates", "name", "PHQ-9 Patient Health Questionnaire (depression)");
            String scoring = jdbc.queryForObject("SELECT scoring::text FROM assessment_templates WHERE id = ?", String.class, phq9);
            String flag = jdbc.queryForObject("SELECT i.flag_rule::text FROM assessment_template_items i JOIN metric_definitions m "
                    + "ON m.id = i.metric_definition_id WHERE i.template_id = ? AND m.key = 'phq9_item9'", String.class, phq9);
            var spec = org.vigil.library.scoring.ScoringSpec.parse(scoring, Map.of("phq9_item9", flag));
            assertThat(spec.bands()).hasSize(5);
            assertThat(spec.flags().get("phq9_item9").severity()).isEqualTo(AlertSeverity.CRITICAL);
            // a preset's template link carries the frequency as a String
            String hypertension = standardId("condition_presets", "name", "Hypertension");
            assertThat(jdbc.queryForList("SELECT frequency FROM condition_preset_templates WHERE condition_preset_id = ? "
                    + "ORDER BY display_order", String.class, hypertension)).containsExactly("1", "90");
            return null;
        });
    }

    @Test
    void loadingAgainChangesNothing() {
        Map<String, Integer> before = standardizedRowCounts();
        Map<String, Long> versionsBefore = metricVersions();

        LoadReport current = loader.load(SHIPPED);
        assertThat(current.alreadyCurrent()).isTrue();

        // Even bypassing the one-query shortcut, the item-by-item pass finds every item unchanged.
        LoadReport reconciled = loader.load(SHIPPED, true);
        assertThat(reconciled.alreadyCurrent()).isFalse();
        assertThat(reconciled.inserted()).isZero();
        assertThat(reconciled.updated()).isZero();
        assertThat(reconciled.retired()).isZero();
        assertThat(reconciled.unchanged()).isEqualTo(SHIPPED.metrics().size() + SHIPPED.templates().size()
                + SHIPPED.rules().size() + SHIPPED.presets().size());

        assertThat(standardizedRowCounts()).isEqualTo(before);
        assertThat(metricVersions()).isEqualTo(versionsBefore);
    }

    Map<String, Long> metricVersions() {
        return asPlatform(() -> {
            Map<String, Long> versions = new LinkedHashMap<>();
            jdbc.query("SELECT key, version FROM metric_definitions WHERE organization_id IS NULL ORDER BY key",
                    rs -> {
                        versions.put(rs.getString(1), rs.getLong(2));
                    });
            return versions;
        });
    }

    @Test
    void aChangedReleaseUpgradesTheStandardRowsAndLeavesOrganizationCopiesAlone() {
        String clinic = data.organization();
        String heartRate = standardId("metric_definitions", "key", "heart_rate");
        String phq9 = standardId("assessment_templates", "name", "PHQ-9 Patient Health Questionnaire (depression)");
        String painMissing = standardId("alert_rules", "name", "No pain rating for 7 days");
        String otherStandardMetric = data.metric(null);   // a standardized row the library does not own

        // The clinic's own copies, written as the clinic (tenant role).
        String metricCopy = Ids.newId();
        String templateCopy = Ids.newId();
        String presetCopy = Ids.newId();
        tenant.run(clinic, () -> {
            jdbc.update("INSERT INTO metric_definitions (id, organization_id, source_metric_id, key, display_name, value_type, "
                    + "unit, normal_max) VALUES (?, ?, ?, 'heart_rate', 'Heart rate', 'INTEGER', '/min', 100)", metricCopy, clinic, heartRate);
            jdbc.update("INSERT INTO assessment_templates (id, organization_id, source_template_id, name, scoring) "
                    + "SELECT ?, ?, id, 'PHQ-9 (our wording)', scoring FROM assessment_templates WHERE id = ?", templateCopy, clinic, phq9);
            jdbc.update("INSERT INTO assessment_template_items (id, template_id, metric_definition_id, display_order, is_required, "
                    + "flag_rule, organization_id) SELECT ?, ?, metric_definition_id, display_order, is_required, flag_rule, ? "
                    + "FROM assessment_template_items WHERE template_id = ? AND flag_rule IS NOT NULL", Ids.newId(), templateCopy, clinic, phq9);
            jdbc.update("INSERT INTO condition_presets (id, organization_id, name) VALUES (?, ?, 'Back pain (ours)')", presetCopy, clinic);
            jdbc.update("INSERT INTO condition_preset_alert_rules (id, condition_preset_id, alert_rule_id, priority, organization_id) "
                    + "VALUES (?, ?, ?, 2, ?)", Ids.newId(), presetCopy, painMissing, clinic);
        });
        Map<String, Object> metricCopyBefore = row("metric_definitions", metricCopy);
        Map<String, Object> templateCopyBefore = row("assessment_templates", templateCopy);
        Map<String, Object> otherStandardBefore = row("metric_definitions", otherStandardMetric);
        long heartRateVersion = (Long) row("metric_definitions", heartRate).get("version");

        LibraryContent changed = modified(files -> {
            ObjectNode heart = find(files.get("metrics.json").withArray("metrics"), "key", "heart_rate");
            heart.put("displayName", "Pulse rate");
            heart.withObject("normalRange").put("max", 90);
            ObjectNode waist = find(files.get("metrics.json").withArray("metrics"), "key", "bmi").deepCopy();
            waist.put("key", "waist_circumference").put("displayName", "Waist circumference").put("loinc", "8280-0")
                    .put("unit", "cm").putNull("normalRange");
            files.get("metrics.json").withArray("metrics").add(waist);
            ObjectNode phq9Template = find(files.get("templates.json").withArray("templates"), "code", "phq9");
            ((ObjectNode) phq9Template.withObject("scoring").withArray("bands").get(4)).put("label", "Severe depression");
            ObjectNode crisis = find(files.get("alert-rules.json").withArray("rules"), "code", "bp_hypertensive_crisis");
            ((ObjectNode) crisis.withObject("conditions").withArray("any").get(0)).put("value", 175);
            ArrayNode rules = files.get("alert-rules.json").withArray("rules");
            rules.remove(indexOf(rules, "code", "pain_ratings_missing"));
            for (JsonNode preset : files.get("condition-presets.json").withArray("presets")) {
                ArrayNode links = ((ObjectNode) preset).withArray("alertRules");
                int link = indexOf(links, "rule", "pain_ratings_missing");
                if (link >= 0) {
                    links.remove(link);
                }
            }
            ObjectNode hypertension = find(files.get("condition-presets.json").withArray("presets"), "code", "hypertension");
            ((ObjectNode) hypertension.withArray("templates").get(0)).put("frequency", "2");
        });

        LoadReport report = loader.load(changed);
        assertThat(report.alreadyCurrent()).isFalse();
        assertThat(report.inserted()).isEqualTo(1);          // waist_circumference
        assertThat(report.retired()).isEqualTo(1);           // pain_ratings_missing
        // heart_rate, PHQ-9, the crisis rule, and the three presets whose links or templates changed
        assertThat(report.updated()).isEqualTo(6);

        asPlatform(() -> {
            Map<String, Object> upgraded = row("metric_definitions", heartRate);
            assertThat(upgraded.get("display_name")).isEqualTo("Pulse rate");
            assertThat((java.math.BigDecimal) upgraded.get("normal_max")).isEqualByComparingTo("90");
            assertThat((Long) upgraded.get("version")).isEqualTo(heartRateVersion + 1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM metric_definitions WHERE organization_id IS NULL AND key = 'heart_rate'",
                    Integer.class)).isOne();
            assertThat(jdbc.queryForObject("SELECT scoring::text FROM assessment_templates WHERE id = ?", String.class, phq9))
                    .contains("Severe depression");
            assertThat(jdbc.queryForObject("SELECT conditions #>> '{any,0,value}' FROM alert_rules WHERE organization_id IS NULL "
                    + "AND name = 'Hypertensive crisis (BP >= 180/120)'", String.class)).isEqualTo("175");
            assertThat(jdbc.queryForObject("SELECT t.frequency FROM condition_preset_templates t JOIN condition_presets p "
                    + "ON p.id = t.condition_preset_id WHERE p.organization_id IS NULL AND p.name = 'Hypertension' AND t.display_order = 1",
                    String.class)).isEqualTo("2");
            // retired, not deleted; the standard presets no longer link it, the clinic's copy still does
            assertThat(jdbc.queryForObject("SELECT is_active FROM alert_rules WHERE id = ?", Boolean.class, painMissing)).isFalse();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM condition_preset_alert_rules WHERE alert_rule_id = ? "
                    + "AND organization_id IS NULL", Integer.class, painMissing)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM condition_preset_alert_rules WHERE alert_rule_id = ? "
                    + "AND condition_preset_id = ?", Integer.class, painMissing, presetCopy)).isOne();
            assertThat(jdbc.queryForObject("SELECT loinc_code FROM metric_definitions WHERE organization_id IS NULL "
                    + "AND key = 'waist_circumference'", String.class)).isEqualTo("8280-0");
            // the load is audited as platform administration, with the release in the reason
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_logs WHERE action = 'PLATFORM_ADMINISTRATION' "
                    + "AND details ->> 'reason' = ?", Integer.class,
                    "Load the standardized clinical library " + changed.version() + " (" + changed.hash().substring(0, 12) + ")"))
                    .isOne();
            return null;
        });
        assertThat(row("metric_definitions", metricCopy)).isEqualTo(metricCopyBefore);
        assertThat(row("assessment_templates", templateCopy)).isEqualTo(templateCopyBefore);
        assertThat(row("metric_definitions", otherStandardMetric)).isEqualTo(otherStandardBefore);

        // Putting the shipped release back is an upgrade like any other.
        LoadReport restored = loader.load(SHIPPED);
        assertThat(restored.inserted()).isZero();
        assertThat(restored.updated()).isEqualTo(6 + 1);     // the same six, and the re-activated rule
        assertThat(restored.retired()).isEqualTo(1);          // waist_circumference
        asPlatform(() -> {
            assertThat(row("metric_definitions", heartRate).get("display_name")).isEqualTo("Heart rate");
            assertThat(jdbc.queryForObject("SELECT is_active FROM alert_rules WHERE id = ?", Boolean.class, painMissing)).isTrue();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM condition_preset_alert_rules WHERE alert_rule_id = ? "
                    + "AND organization_id IS NULL", Integer.class, painMissing)).isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT is_active FROM metric_definitions WHERE organization_id IS NULL "
                    + "AND key = 'waist_circumference'", Boolean.class)).isFalse();
            return null;
        });
        assertThat(row("metric_definitions", metricCopy)).isEqualTo(metricCopyBefore);
    }

    @Test
    void aRecodedItemKeepsItsRow() {
        String gad2 = standardId("assessment_templates", "name", "GAD-2 Generalized Anxiety Disorder screen");
        Map<String, Integer> before = standardizedRowCounts();
        Map<String, String> files = new LinkedHashMap<>(LibraryContent.shippedFiles());
        files.replaceAll((name, json) -> json.replace("\"gad2\"", "\"gad_2\""));
        LibraryContent recoded = LibraryContent.parse(files);

        LoadReport report = loader.load(recoded);

        assertThat(report.inserted()).isZero();
        assertThat(report.retired()).isZero();
        assertThat(standardizedRowCounts()).isEqualTo(before);
        asPlatform(() -> {
            assertThat(jdbc.queryForList("SELECT code FROM library_standard_items WHERE kind = 'TEMPLATE' AND row_id = ?",
                    String.class, gad2)).containsExactly("gad_2");
            assertThat(jdbc.queryForObject("SELECT is_active FROM assessment_templates WHERE id = ?", Boolean.class, gad2)).isTrue();
            return null;
        });
    }

    @Test
    void twoNodesStartingTogetherLoadTheReleaseOnce() throws Exception {
        LibraryContent changed = modified(files ->
                find(files.get("metrics.json").withArray("metrics"), "key", "steps").put("displayName", "Daily steps"));
        Map<String, Integer> before = standardizedRowCounts();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<LoadReport>> reports = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                reports.add(nodes.submit(() -> {
                    start.await();
                    return loader.load(changed);
                }));
            }
            start.countDown();
            List<LoadReport> done = new ArrayList<>();
            for (Future<LoadReport> report : reports) {
                done.add(report.get(60, TimeUnit.SECONDS));
            }
            assertThat(done).filteredOn(r -> !r.alreadyCurrent()).singleElement()
                    .satisfies(r -> assertThat(r.updated()).isOne());
        } finally {
            nodes.shutdownNow();
        }
        assertThat(standardizedRowCounts()).isEqualTo(before);
        assertThat(asPlatform(() -> jdbc.queryForObject("SELECT count(*) FROM library_releases WHERE content_hash = ?",
                Integer.class, changed.hash()))).isOne();
    }

    Map<String, Object> row(String table, String id) {
        return asPlatform(() -> jdbc.queryForMap("SELECT * FROM " + table + " WHERE id = ?", id));
    }

    interface Edit {
        void apply(Map<String, ObjectNode> files);
    }

    static LibraryContent modified(Edit edit) {
        Map<String, ObjectNode> trees = new LinkedHashMap<>();
        LibraryContent.shippedFiles().forEach((name, json) -> trees.put(name, (ObjectNode) JSON.readTree(json)));
        edit.apply(trees);
        Map<String, String> files = new LinkedHashMap<>();
        trees.forEach((name, tree) -> files.put(name, tree.toString()));
        return LibraryContent.parse(files);
    }

    static ObjectNode find(ArrayNode array, String property, String value) {
        return (ObjectNode) array.get(indexOf(array, property, value));
    }

    static int indexOf(ArrayNode array, String property, String value) {
        for (int i = 0; i < array.size(); i++) {
            if (value.equals(array.get(i).path(property).asString())) {
                return i;
            }
        }
        return -1;
    }
}
