package org.vigil.library.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.library.ValueType;
import org.vigil.library.rules.ConditionError;
import org.vigil.library.rules.ConditionParser;
import org.vigil.library.rules.ConditionWriter;
import org.vigil.library.rules.InvalidConditionException;
import org.vigil.library.rules.Vocabulary;
import org.vigil.shared.web.ApiProblem;
import tools.jackson.databind.JsonNode;

/**
 * Validates a rule's conditions before it is saved: the condition language's syntax and sense, and
 * that every metric, questionnaire and item it names exists in the organization's library (read
 * in the caller's tenant scope, so the standard library and the organization's own rows count). A
 * rule that could never fire is refused with the path of each problem.
 */
@Component
class RuleConditions {

    private final JdbcTemplate jdbc;

    RuleConditions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The conditions in canonical form, or 400 with {@code errors: [{field: "conditions.<path>", message}]}. */
    String validated(JsonNode conditions) {
        try {
            return ConditionWriter.toJson(ConditionParser.parse(conditions, vocabulary()));
        } catch (InvalidConditionException e) {
            throw invalid(e.errors());
        }
    }

    private Vocabulary vocabulary() {
        return new Vocabulary() {
            @Override
            public Optional<ValueType> metricType(String metricKey) {
                List<String> types = jdbc.queryForList("SELECT value_type FROM metric_definitions WHERE key = ? "
                        + "AND is_active ORDER BY organization_id NULLS LAST LIMIT 1", String.class, metricKey);
                return types.stream().findFirst().map(ValueType::valueOf);
            }

            @Override
            public boolean templateExists(String templateKey) {
                return count("SELECT count(*) FROM assessment_templates WHERE key = ? AND is_active", templateKey) > 0;
            }

            @Override
            public boolean templateHasItem(String templateKey, String itemMetricKey) {
                return count("SELECT count(*) FROM assessment_templates t JOIN assessment_template_items i "
                        + "ON i.template_id = t.id JOIN metric_definitions m ON m.id = i.metric_definition_id "
                        + "WHERE t.key = ? AND m.key = ?", templateKey, itemMetricKey) > 0;
            }
        };
    }

    private int count(String sql, Object... arguments) {
        Integer found = jdbc.queryForObject(sql, Integer.class, arguments);
        return found == null ? 0 : found;
    }

    private static ApiProblem invalid(List<ConditionError> errors) {
        ApiProblem problem = ApiProblem.invalid("conditions", "is not a valid condition");
        problem.getBody().setProperty("errors", errors.stream()
                .map(error -> new ApiProblem.FieldError("conditions" + error.path().substring(1), error.message()))
                .toList());
        return problem;
    }
}
