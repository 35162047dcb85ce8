package org.vigil.library;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assessment templates as other modules need them to take a submission: the items with their
 * metrics (type, options, plausible range), which are required, the flag rules and the scoring
 * specification. Call inside the caller's {@code TenantScope}: row-level security admits the
 * standardized library and the organization's own templates only.
 */
@Component
public class TemplateCatalog {

    /** A template ready to take answers. */
    public record TemplateDefinition(String id, String key, String name, boolean active, String scoringJson,
            List<ItemDefinition> items) {
    }

    /** One item: the metric it records, whether required, its allowed values, its flag rule. */
    public record ItemDefinition(String metricId, String metricKey, ValueType valueType, String unit,
            boolean required, List<String> optionValues, BigDecimal plausibleMin, BigDecimal plausibleMax,
            String flagRuleJson) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    TemplateCatalog(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<TemplateDefinition> find(String templateId) {
        return jdbc.query("SELECT id, key, name, is_active, scoring::text FROM assessment_templates WHERE id = ?",
                (rs, n) -> new TemplateDefinition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), items(rs.getString(1))), templateId).stream().findFirst();
    }

    /**
     * The active template with this key as the organization sees it: its own copy first, then the
     * standard one.
     */
    public Optional<TemplateDefinition> findByKey(String key) {
        return jdbc.queryForList("SELECT id FROM assessment_templates WHERE key = ? AND is_active "
                + "ORDER BY organization_id NULLS LAST LIMIT 1", String.class, key).stream().findFirst()
                .flatMap(this::find);
    }

    private List<ItemDefinition> items(String templateId) {
        return jdbc.query("SELECT m.id, m.key, m.value_type, m.unit, i.is_required, m.options::text, m.plausible_min, "
                + "m.plausible_max, i.flag_rule::text FROM assessment_template_items i JOIN metric_definitions m "
                + "ON m.id = i.metric_definition_id WHERE i.template_id = ? ORDER BY i.display_order, i.id",
                (rs, n) -> new ItemDefinition(rs.getString(1), rs.getString(2), ValueType.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getBoolean(5), optionValues(rs.getString(6)), rs.getBigDecimal(7),
                        rs.getBigDecimal(8), rs.getString(9)), templateId);
    }

    private List<String> optionValues(String options) {
        List<String> values = new ArrayList<>();
        if (options == null) {
            return values;
        }
        JsonNode node = json.readTree(options);
        for (JsonNode option : node) {
            JsonNode value = option.get("value");
            if (value != null && !value.isNull()) {
                values.add(value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asString());
            }
        }
        return values;
    }
}
