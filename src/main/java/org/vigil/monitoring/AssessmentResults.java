package org.vigil.monitoring;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.library.TemplateCatalog;
import org.vigil.library.rules.AssessmentResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient's recent scored questionnaires as the rule engine reads them: by template key, each with
 * its total and its answers by item metric key. Call inside the organization's {@code TenantScope}.
 */
@Component
public class AssessmentResults {

    /** How many of the most recent assessments per template the engine sees. */
    static final int RECENT = 10;

    private final JdbcTemplate jdbc;
    private final TemplateCatalog templates;
    private final JsonMapper json;

    AssessmentResults(JdbcTemplate jdbc, TemplateCatalog templates, JsonMapper json) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.json = json;
    }

    public Map<String, List<AssessmentResult>> of(String patientId, Set<String> templateKeys) {
        Map<String, List<AssessmentResult>> results = new HashMap<>();
        for (String key : templateKeys) {
            templates.findByKey(key).ifPresent(template -> {
                Map<String, String> keyOfMetric = new HashMap<>();
                template.items().forEach(item -> keyOfMetric.put(item.metricId(), item.metricKey()));
                results.put(key, jdbc.query("SELECT completed_at, score, responses::text FROM assessments "
                        + "WHERE patient_id = ? AND template_id = ? ORDER BY completed_at DESC LIMIT " + RECENT,
                        (rs, n) -> new AssessmentResult(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2),
                                answers(rs.getString(3), keyOfMetric)), patientId, template.id()));
            });
        }
        return results;
    }

    private Map<String, BigDecimal> answers(String responses, Map<String, String> keyOfMetric) {
        Map<String, BigDecimal> answers = new LinkedHashMap<>();
        JsonNode node = json.readTree(responses);
        for (String metricId : node.propertyNames()) {
            JsonNode value = node.get(metricId);
            String key = keyOfMetric.get(metricId);
            if (key != null && value.isNumber()) {
                answers.put(key, value.decimalValue());
            } else if (key != null && value.isBoolean()) {
                answers.put(key, value.asBoolean() ? BigDecimal.ONE : BigDecimal.ZERO);
            }
        }
        return answers;
    }
}
