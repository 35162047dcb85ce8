package org.vigil.library.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.library.internal.LibraryContent.Diagnosis;
import org.vigil.library.internal.LibraryContent.Item;
import org.vigil.library.internal.LibraryContent.Metric;
import org.vigil.library.internal.LibraryContent.Preset;
import org.vigil.library.internal.LibraryContent.PresetRule;
import org.vigil.library.internal.LibraryContent.PresetTemplate;
import org.vigil.library.internal.LibraryContent.Rule;
import org.vigil.library.internal.LibraryContent.Template;
import org.vigil.shared.Ids;
import org.vigil.tenancy.PlatformScope;

/**
 * Loads the standardized library shipped on the classpath into the database on every start, after
 * Flyway and before the web server takes requests (a {@link SmartInitializingSingleton}).
 *
 * <ul>
 * <li><b>Unchanged library: one query.</b> The newest {@code library_releases.content_hash} equals
 * the shipped content's hash → nothing else happens (no transaction, no audit entry).</li>
 * <li><b>Otherwise</b> one platform-administration transaction ({@link PlatformScope}, audited with
 * the release version and hash as the reason) takes a transaction-scoped advisory lock (two nodes
 * starting together load once), checks again, and reconciles item by item: each shipped item is
 * matched by kind and stable code through {@code library_standard_items} (or, the first time, by
 * its natural key among standardized rows: metric key, template/rule/preset name); an item whose
 * hash is unchanged is not written; a changed one updates its row (and reconciles its children:
 * template items, preset diagnoses/templates/rule links); a new one is inserted; an item no longer
 * shipped has its row deactivated, never deleted.</li>
 * <li><b>Organization copies are never touched</b>: every UPDATE/DELETE is restricted to
 * {@code organization_id IS NULL}.</li>
 * </ul>
 */
@Component
public class StandardLibraryLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StandardLibraryLoader.class);
    /** Advisory lock key: "vigil standard library". */
    private static final long LOCK = 0x5649_4749_4c4c_4942L;

    /** What one load did. */
    public record LoadReport(String version, String hash, boolean alreadyCurrent, int inserted, int updated,
            int unchanged, int retired, long millis) {
    }

    private final JdbcTemplate jdbc;
    private final PlatformScope platform;
    private final boolean loadOnStart;

    StandardLibraryLoader(JdbcTemplate jdbc, PlatformScope platform,
            @Value("${vigil.library.load-on-start:true}") boolean loadOnStart) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.loadOnStart = loadOnStart;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (loadOnStart) {
            load(LibraryContent.shipped());
        }
    }

    /** Loads {@code content} unless it is already the current release. */
    public LoadReport load(LibraryContent content) {
        return load(content, false);
    }

    /**
     * @param evenIfCurrent skip the one-query release shortcut and reconcile item by item anyway
     *                      (items whose hash is unchanged are still not written)
     */
    public LoadReport load(LibraryContent content, boolean evenIfCurrent) {
        long started = System.nanoTime();
        if (!evenIfCurrent && content.hash().equals(currentHash())) {
            LoadReport report = new LoadReport(content.version(), content.hash(), true, 0, 0, 0, 0, millisSince(started));
            log.info("Standard library {} ({}) is current; checked in {} ms", content.version(), shortHash(content), report.millis());
            return report;
        }
        String reason = "Load the standardized clinical library " + content.version() + " (" + shortHash(content) + ")";
        LoadReport report = platform.call(null, reason, () -> {
            jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> { }, LOCK);
            if (!evenIfCurrent && content.hash().equals(currentHash())) {
                return new LoadReport(content.version(), content.hash(), true, 0, 0, 0, 0, millisSince(started));
            }
            return new Reconciliation(content).run(started);
        });
        if (!report.alreadyCurrent()) {
            log.info("Standard library {} ({}) loaded in {} ms: {} inserted, {} updated, {} unchanged, {} retired",
                    report.version(), shortHash(content), report.millis(), report.inserted(), report.updated(),
                    report.unchanged(), report.retired());
        }
        return report;
    }

    private String currentHash() {
        List<String> hashes = jdbc.queryForList(
                "SELECT content_hash FROM library_releases ORDER BY loaded_at DESC, id DESC LIMIT 1", String.class);
        return hashes.isEmpty() ? null : hashes.get(0);
    }

    private static String shortHash(LibraryContent content) {
        return content.hash().substring(0, 12);
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private record Tracked(String rowId, String hash) {
    }

    /** One load inside the platform transaction. */
    private final class Reconciliation {

        private final LibraryContent content;
        private final String releaseId = Ids.newId();
        private final Map<String, Tracked> tracked = new HashMap<>();
        private final Map<String, String> metricIds = new HashMap<>();
        private final Map<String, String> templateIds = new HashMap<>();
        private final Map<String, String> ruleIds = new HashMap<>();
        private int inserted;
        private int updated;
        private int unchanged;
        private int retired;

        Reconciliation(LibraryContent content) {
            this.content = content;
        }

        LoadReport run(long started) {
            jdbc.update("INSERT INTO library_releases (id, version, content_hash) VALUES (?, ?, ?)",
                    releaseId, content.version(), content.hash());
            jdbc.query("SELECT kind, code, row_id, content_hash FROM library_standard_items", rs -> {
                tracked.put(rs.getString(1) + ":" + rs.getString(2), new Tracked(rs.getString(3), rs.getString(4)));
            });
            Map<String, String> metricsByKey = standardIds("metric_definitions", "key");
            Map<String, String> templatesByName = standardIds("assessment_templates", "name");
            Map<String, String> rulesByName = standardIds("alert_rules", "name");
            Map<String, String> presetsByName = standardIds("condition_presets", "name");

            Set<String> metricRows = new HashSet<>(metricsByKey.values());
            for (Metric metric : content.metrics()) {
                metricIds.put(metric.key(), apply("METRIC", metric.key(), metric.hash(), metricsByKey.get(metric.key()),
                        metricRows, id -> writeMetric(id, metric, false), id -> writeMetric(id, metric, true)));
            }
            Set<String> templateRows = new HashSet<>(templatesByName.values());
            for (Template template : content.templates()) {
                templateIds.put(template.code(), apply("TEMPLATE", template.code(), template.hash(),
                        templatesByName.get(template.name()), templateRows,
                        id -> writeTemplate(id, template, false), id -> writeTemplate(id, template, true)));
            }
            Set<String> ruleRows = new HashSet<>(rulesByName.values());
            for (Rule rule : content.rules()) {
                ruleIds.put(rule.code(), apply("ALERT_RULE", rule.code(), rule.hash(), rulesByName.get(rule.name()),
                        ruleRows, id -> writeRule(id, rule, false), id -> writeRule(id, rule, true)));
            }
            Set<String> presetRows = new HashSet<>(presetsByName.values());
            for (Preset preset : content.presets()) {
                apply("CONDITION_PRESET", preset.code(), preset.hash(), presetsByName.get(preset.name()),
                        presetRows, id -> writePreset(id, preset, false), id -> writePreset(id, preset, true));
            }
            retire("METRIC", "metric_definitions", content.metrics().stream().map(Metric::key).toList());
            retire("TEMPLATE", "assessment_templates", content.templates().stream().map(Template::code).toList());
            retire("ALERT_RULE", "alert_rules", content.rules().stream().map(Rule::code).toList());
            retire("CONDITION_PRESET", "condition_presets", content.presets().stream().map(Preset::code).toList());

            long millis = millisSince(started);
            jdbc.update("UPDATE library_releases SET summary = jsonb_build_object('inserted', ?::int, 'updated', ?::int, "
                    + "'unchanged', ?::int, 'retired', ?::int, 'millis', ?::bigint) WHERE id = ?",
                    inserted, updated, unchanged, retired, millis, releaseId);
            return new LoadReport(content.version(), content.hash(), false, inserted, updated, unchanged, retired, millis);
        }

        /**
         * Finds the item's standardized row (tracked id if the row still exists, else the natural-key
         * match), then skips, updates or inserts it, and records the mapping with the item's hash.
         */
        private String apply(String kind, String code, String hash, String naturalKeyMatch, Set<String> existingIds,
                java.util.function.Consumer<String> update, java.util.function.Consumer<String> insert) {
            Tracked known = tracked.get(kind + ":" + code);
            String id = known != null && existingIds.contains(known.rowId()) ? known.rowId() : naturalKeyMatch;
            if (id != null && known != null && id.equals(known.rowId()) && hash.equals(known.hash())) {
                unchanged++;
                return id;
            }
            if (id != null) {
                update.accept(id);
                updated++;
            } else {
                id = Ids.newId();
                insert.accept(id);
                inserted++;
            }
            // A row adopted by natural key may still be tracked under an older code (the item was
            // re-coded): it now belongs to this code, and the old code must not retire it.
            String adopted = id;
            tracked.entrySet().removeIf(entry -> entry.getKey().startsWith(kind + ":")
                    && !entry.getKey().equals(kind + ":" + code) && entry.getValue().rowId().equals(adopted));
            jdbc.update("DELETE FROM library_standard_items WHERE kind = ? AND row_id = ? AND code <> ?", kind, id, code);
            jdbc.update("INSERT INTO library_standard_items (kind, code, row_id, content_hash, release_id) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (kind, code) DO UPDATE SET row_id = EXCLUDED.row_id, content_hash = EXCLUDED.content_hash, "
                    + "release_id = EXCLUDED.release_id, updated_at = now()", kind, code, id, hash, releaseId);
            return id;
        }

        private void retire(String kind, String table, List<String> shippedCodes) {
            Set<String> shipped = new HashSet<>(shippedCodes);
            tracked.forEach((kindAndCode, known) -> {
                String code = kindAndCode.substring(kindAndCode.indexOf(':') + 1);
                if (kindAndCode.startsWith(kind + ":") && known.hash() != null && !shipped.contains(code)) {
                    jdbc.update("UPDATE " + table + " SET is_active = false, version = version + 1 "
                            + "WHERE id = ? AND organization_id IS NULL", known.rowId());
                    jdbc.update("UPDATE library_standard_items SET content_hash = NULL, release_id = ?, updated_at = now() "
                            + "WHERE kind = ? AND code = ?", releaseId, kind, code);
                    retired++;
                }
            });
        }

        private Map<String, String> standardIds(String table, String naturalKey) {
            Map<String, String> ids = new HashMap<>();
            jdbc.query("SELECT " + naturalKey + ", id FROM " + table + " WHERE organization_id IS NULL",
                    rs -> {
                        ids.put(rs.getString(1), rs.getString(2));
                    });
            return ids;
        }

        private void writeMetric(String id, Metric m, boolean insert) {
            Object[] values = {m.key(), m.displayName(), m.description(), m.category(), m.valueType().name(), m.unit(),
                m.alternativeUnitsJson(), m.normalMin(), m.normalMax(), m.plausibleMin(), m.plausibleMax(),
                m.decimalPrecision(), m.loinc(), m.snomed(), m.optionsJson(),
                m.panel() == null ? null : m.panel().key(), m.panel() == null ? null : m.panel().loinc(),
                m.panel() == null ? null : m.panel().component(), id};
            if (insert) {
                jdbc.update("INSERT INTO metric_definitions (key, display_name, description, category, value_type, unit, "
                        + "alternative_units, normal_min, normal_max, plausible_min, plausible_max, decimal_precision, "
                        + "loinc_code, snomed_code, options, panel_key, panel_loinc_code, panel_component, id, "
                        + "organization_id, is_standardized, is_active) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, NULL, true, true)",
                        values);
            } else {
                jdbc.update("UPDATE metric_definitions SET key = ?, display_name = ?, description = ?, category = ?, "
                        + "value_type = ?, unit = ?, alternative_units = ?::jsonb, normal_min = ?, normal_max = ?, "
                        + "plausible_min = ?, plausible_max = ?, decimal_precision = ?, loinc_code = ?, snomed_code = ?, "
                        + "options = ?::jsonb, panel_key = ?, panel_loinc_code = ?, panel_component = ?, is_active = true, "
                        + "version = version + 1 WHERE id = ? AND organization_id IS NULL", values);
            }
        }

        private void writeTemplate(String id, Template t, boolean insert) {
            // The template's code is its key: rules name a questionnaire by it ({"template": "phq9"}).
            Object[] values = {t.code(), t.name(), t.description(), t.category(), t.loinc(), t.scoringJson(),
                    t.copyright(), id};
            if (insert) {
                jdbc.update("INSERT INTO assessment_templates (key, name, description, category, loinc_code, scoring, "
                        + "copyright_info, id, organization_id, is_standardized, is_active) "
                        + "VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, NULL, true, true)", values);
            } else {
                jdbc.update("UPDATE assessment_templates SET key = ?, name = ?, description = ?, category = ?, "
                        + "loinc_code = ?, scoring = ?::jsonb, copyright_info = ?, is_active = true, version = version + 1 "
                        + "WHERE id = ? AND organization_id IS NULL", values);
            }
            Map<String, String> existing = new HashMap<>();
            jdbc.query("SELECT metric_definition_id, id FROM assessment_template_items "
                    + "WHERE template_id = ? AND organization_id IS NULL", rs -> {
                        existing.put(rs.getString(1), rs.getString(2));
                    }, id);
            for (Item item : t.items()) {
                String metricId = metricIds.get(item.metric());
                String itemId = existing.remove(metricId);
                if (itemId != null) {
                    jdbc.update("UPDATE assessment_template_items SET display_order = ?, is_required = ?, help_text = ?, "
                            + "default_value = ?, flag_rule = ?::jsonb WHERE id = ? AND organization_id IS NULL",
                            item.displayOrder(), item.required(), item.helpText(), item.defaultValue(), item.flagRuleJson(), itemId);
                } else {
                    jdbc.update("INSERT INTO assessment_template_items (id, template_id, metric_definition_id, display_order, "
                            + "is_required, help_text, default_value, flag_rule, organization_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, NULL)",
                            Ids.newId(), id, metricId, item.displayOrder(), item.required(), item.helpText(),
                            item.defaultValue(), item.flagRuleJson());
                }
            }
            // Items no longer shipped: nothing references a template item, so the row goes.
            existing.values().forEach(itemId -> jdbc.update(
                    "DELETE FROM assessment_template_items WHERE id = ? AND organization_id IS NULL", itemId));
        }

        private void writeRule(String id, Rule r, boolean insert) {
            Object[] values = {r.name(), r.description(), r.category(), r.severity().name(), r.priority(),
                r.conditionsJson(), r.actionsJson(), r.cooldownMinutes(), r.clinicalEvidence(), id};
            if (insert) {
                jdbc.update("INSERT INTO alert_rules (name, description, category, severity, priority, conditions, actions, "
                        + "cooldown_minutes, clinical_evidence, id, organization_id, is_standardized, is_active) "
                        + "VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, NULL, true, true)", values);
            } else {
                jdbc.update("UPDATE alert_rules SET name = ?, description = ?, category = ?, severity = ?, priority = ?, "
                        + "conditions = ?::jsonb, actions = ?::jsonb, cooldown_minutes = ?, clinical_evidence = ?, "
                        + "is_active = true, version = version + 1 WHERE id = ? AND organization_id IS NULL", values);
            }
        }

        private void writePreset(String id, Preset p, boolean insert) {
            Object[] values = {p.name(), p.description(), p.category(), p.guidelinesJson(), id};
            if (insert) {
                jdbc.update("INSERT INTO condition_presets (name, description, category, clinical_guidelines, id, "
                        + "organization_id, is_standardized, is_active) VALUES (?, ?, ?, ?::jsonb, ?, NULL, true, true)", values);
            } else {
                jdbc.update("UPDATE condition_presets SET name = ?, description = ?, category = ?, clinical_guidelines = ?::jsonb, "
                        + "is_active = true, version = version + 1 WHERE id = ? AND organization_id IS NULL", values);
            }
            Map<String, String> diagnoses = childIds("condition_preset_diagnoses", "icd10", id);
            for (Diagnosis d : p.diagnoses()) {
                String existing = diagnoses.remove(d.icd10());
                if (existing != null) {
                    jdbc.update("UPDATE condition_preset_diagnoses SET snomed = ?, label = ?, is_primary = ? "
                            + "WHERE id = ? AND organization_id IS NULL", d.snomed(), d.label(), d.primary(), existing);
                } else {
                    jdbc.update("INSERT INTO condition_preset_diagnoses (id, condition_preset_id, icd10, snomed, label, "
                            + "is_primary, organization_id) VALUES (?, ?, ?, ?, ?, ?, NULL)",
                            Ids.newId(), id, d.icd10(), d.snomed(), d.label(), d.primary());
                }
            }
            deleteChildren("condition_preset_diagnoses", diagnoses);
            Map<String, String> templates = childIds("condition_preset_templates", "template_id", id);
            for (PresetTemplate t : p.templates()) {
                String templateId = templateIds.get(t.template());
                String existing = templates.remove(templateId);
                if (existing != null) {
                    jdbc.update("UPDATE condition_preset_templates SET frequency = ?, is_required = ?, display_order = ? "
                            + "WHERE id = ? AND organization_id IS NULL", t.frequency(), t.required(), t.displayOrder(), existing);
                } else {
                    jdbc.update("INSERT INTO condition_preset_templates (id, condition_preset_id, template_id, frequency, "
                            + "is_required, display_order, organization_id) VALUES (?, ?, ?, ?, ?, ?, NULL)",
                            Ids.newId(), id, templateId, t.frequency(), t.required(), t.displayOrder());
                }
            }
            deleteChildren("condition_preset_templates", templates);
            Map<String, String> rules = childIds("condition_preset_alert_rules", "alert_rule_id", id);
            for (PresetRule r : p.rules()) {
                String ruleId = ruleIds.get(r.rule());
                String existing = rules.remove(ruleId);
                if (existing != null) {
                    jdbc.update("UPDATE condition_preset_alert_rules SET priority = ?, is_enabled = ? "
                            + "WHERE id = ? AND organization_id IS NULL", r.priority(), r.enabled(), existing);
                } else {
                    jdbc.update("INSERT INTO condition_preset_alert_rules (id, condition_preset_id, alert_rule_id, priority, "
                            + "is_enabled, organization_id) VALUES (?, ?, ?, ?, ?, NULL)",
                            Ids.newId(), id, ruleId, r.priority(), r.enabled());
                }
            }
            deleteChildren("condition_preset_alert_rules", rules);
        }

        private Map<String, String> childIds(String table, String naturalKey, String presetId) {
            Map<String, String> ids = new HashMap<>();
            jdbc.query("SELECT " + naturalKey + ", id FROM " + table
                    + " WHERE condition_preset_id = ? AND organization_id IS NULL", rs -> {
                        ids.put(rs.getString(1), rs.getString(2));
                    }, presetId);
            return ids;
        }

        /** Links of a standardized preset that are no longer shipped; nothing references a link row. */
        private void deleteChildren(String table, Map<String, String> remaining) {
            remaining.values().forEach(childId -> jdbc.update(
                    "DELETE FROM " + table + " WHERE id = ? AND organization_id IS NULL", childId));
        }
    }
}
