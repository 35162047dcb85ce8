package org.vigil.library;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The alert rules that apply to patients, as the alerting module and ingestion see them. Call it
 * inside the organization's tenant scope (row-level security: the standardized library and the
 * organization's own rows).
 *
 * <p>A patient's rules are (a) the enabled rule links of the condition presets of the patient's
 * ACTIVE enrollments, with the link's priority, and (b) the organization's own active rules that no
 * condition preset links: organization-wide rules. A standardized rule applies only through a
 * preset that links it (the system Vigil replaces applied every platform rule to every patient).
 */
@Component
public class AlertRuleCatalog {

    /**
     * A rule as evaluated: its condition JSON, severity, cool-down and priority (the preset link's
     * priority when it applies through a preset, else the rule's own).
     *
     * @param conditionPresetId the preset through which it applies, or null for an organization-wide rule
     */
    public record ApplicableRule(String id, String name, String description, AlertSeverity severity, int priority,
            String conditionsJson, int cooldownMinutes, String conditionPresetId) {
    }

    private final JdbcTemplate jdbc;
    private final LibraryCache cache;

    AlertRuleCatalog(JdbcTemplate jdbc, LibraryCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    // Each look-up is remembered while the library is unchanged (LibraryCache); results are immutable.

    /** The enabled, active rules linked to these presets. */
    public List<ApplicableRule> ofPresets(Collection<String> conditionPresetIds) {
        if (conditionPresetIds.isEmpty()) {
            return List.of();
        }
        Set<String> ids = Set.copyOf(conditionPresetIds);
        return cache.get("rules of presets", ids, () -> List.copyOf(jdbc.query(
                "SELECT r.id, r.name, r.description, r.severity, l.priority, r.conditions::text, "
                + "r.cooldown_minutes, l.condition_preset_id FROM condition_preset_alert_rules l "
                + "JOIN alert_rules r ON r.id = l.alert_rule_id "
                + "WHERE l.condition_preset_id = ANY (?) AND l.is_enabled AND r.is_active ORDER BY r.id",
                (rs, n) -> new ApplicableRule(rs.getString(1), rs.getString(2), rs.getString(3),
                        AlertSeverity.valueOf(rs.getString(4)), rs.getInt(5), rs.getString(6), rs.getInt(7),
                        rs.getString(8)),
                (Object) ids.toArray(String[]::new))));
    }

    /** The organization's own active rules that no condition preset links: they apply to every patient. */
    public List<ApplicableRule> organizationWide(String organizationId) {
        return cache.get("organization-wide rules", organizationId, () -> List.copyOf(jdbc.query(
                "SELECT r.id, r.name, r.description, r.severity, r.priority, r.conditions::text, "
                + "r.cooldown_minutes FROM alert_rules r WHERE r.organization_id = ? AND r.is_active "
                + "AND NOT EXISTS (SELECT 1 FROM condition_preset_alert_rules l WHERE l.alert_rule_id = r.id) ORDER BY r.id",
                (rs, n) -> new ApplicableRule(rs.getString(1), rs.getString(2), rs.getString(3),
                        AlertSeverity.valueOf(rs.getString(4)), rs.getInt(5), rs.getString(6), rs.getInt(7), null),
                organizationId)));
    }

    /**
     * The metric keys each preset is about: those its enabled rules name and the items of its
     * assessment templates. Ingestion attributes a reading to the enrollment whose preset covers
     * the metric.
     */
    public Map<String, Set<String>> metricKeysOfPresets(Collection<String> conditionPresetIds) {
        if (conditionPresetIds.isEmpty()) {
            return Map.of();
        }
        Set<String> presetIds = Set.copyOf(conditionPresetIds);
        return cache.get("metric keys of presets", presetIds, () -> {
            Map<String, Set<String>> keys = new HashMap<>();
            String[] ids = presetIds.toArray(String[]::new);
            jdbc.query("SELECT l.condition_preset_id, k #>> '{}' FROM condition_preset_alert_rules l "
                    + "JOIN alert_rules r ON r.id = l.alert_rule_id "
                    + "CROSS JOIN LATERAL jsonb_path_query(r.conditions, 'lax $.**.metric') k "
                    + "WHERE l.condition_preset_id = ANY (?) AND l.is_enabled AND r.is_active AND jsonb_typeof(k) = 'string' "
                    + "UNION SELECT t.condition_preset_id, m.key FROM condition_preset_templates t "
                    + "JOIN assessment_template_items i ON i.template_id = t.template_id "
                    + "JOIN metric_definitions m ON m.id = i.metric_definition_id WHERE t.condition_preset_id = ANY (?)",
                    rs -> {
                        keys.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                    }, ids, ids);
            Map<String, Set<String>> frozen = new HashMap<>();
            keys.forEach((preset, metricKeys) -> frozen.put(preset, Set.copyOf(metricKeys)));
            return Map.copyOf(frozen);
        });
    }
}
