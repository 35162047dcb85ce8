package org.vigil.library;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Metric definitions as other modules see them (ingestion validates and normalizes readings with
 * them; the alert evaluator names metrics in messages). Call it inside the caller's tenant scope:
 * row-level security shows the standardized library and the organization's own metrics only.
 * Where the organization has its own metric with a standardized metric's key or LOINC code, its
 * own wins.
 */
@Component
public class MetricCatalog {

    /** A conversion into the canonical unit: canonical = value × factor + offset. */
    public record UnitConversion(String unit, BigDecimal factor, BigDecimal offset) {
    }

    /** An allowed answer of a categorical or ordinal metric; ordinal answers carry a score. */
    public record Option(String value, BigDecimal score) {
    }

    public record MetricInfo(String id, String organizationId, String key, String displayName, ValueType valueType,
            String unit, List<UnitConversion> alternativeUnits, BigDecimal plausibleMin, BigDecimal plausibleMax,
            BigDecimal normalMin, BigDecimal normalMax, Integer decimalPrecision, String loincCode,
            List<Option> options, boolean active) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final LibraryCache cache;

    MetricCatalog(JdbcTemplate jdbc, JsonMapper json, LibraryCache cache) {
        this.jdbc = jdbc;
        this.json = json;
        this.cache = cache;
    }

    /**
     * The visible metrics named by the given keys or LOINC codes, in one query, mapped by
     * {@code key:<key>} and {@code loinc:<code>}; the organization's own metric wins over a
     * standardized one with the same key or code. Remembered while the library is unchanged
     * ({@link LibraryCache}); the map is immutable.
     */
    public Map<String, MetricInfo> byKeyOrLoinc(Collection<String> keys, Collection<String> loincCodes) {
        if (keys.isEmpty() && loincCodes.isEmpty()) {
            return Map.of();
        }
        Set<String> keySet = Set.copyOf(keys);
        Set<String> loincSet = Set.copyOf(loincCodes);
        return cache.get("metrics by key or LOINC", List.of(keySet, loincSet), () -> {
            Map<String, MetricInfo> found = new HashMap<>();
            List<MetricInfo> rows = jdbc.query(SELECT + "WHERE key = ANY (?) OR loinc_code = ANY (?) "
                    + "ORDER BY (organization_id IS NULL) DESC", (rs, n) -> row(rs),
                    keySet.toArray(String[]::new), loincSet.toArray(String[]::new));
            // standardized first, so an organization's own metric overwrites it
            for (MetricInfo m : rows) {
                found.put("key:" + m.key(), m);
                if (m.loincCode() != null) {
                    found.put("loinc:" + m.loincCode(), m);
                }
            }
            return Map.copyOf(found);
        });
    }

    /**
     * The visible metrics with these keys (standardized and the organization's own). Remembered
     * while the library is unchanged ({@link LibraryCache}); the list is immutable.
     */
    public List<MetricInfo> byKeys(Collection<String> keys) {
        Set<String> keySet = Set.copyOf(keys);
        return cache.get("metrics by key", keySet, () -> List.copyOf(jdbc.query(SELECT + "WHERE key = ANY (?)",
                (rs, n) -> row(rs), (Object) keySet.toArray(String[]::new))));
    }

    private static final String SELECT = "SELECT id, organization_id, key, display_name, value_type, unit, "
            + "alternative_units::text AS alternative_units, plausible_min, plausible_max, normal_min, normal_max, "
            + "decimal_precision, loinc_code, options::text AS options, is_active FROM metric_definitions ";

    private MetricInfo row(ResultSet rs) throws SQLException {
        List<UnitConversion> conversions = new ArrayList<>();
        JsonNode alternatives = json.readTree(rs.getString("alternative_units"));
        for (JsonNode a : alternatives) {
            if (a.path("unit").isString() && a.path("factor").isNumber()) {
                conversions.add(new UnitConversion(a.get("unit").asString(), a.get("factor").decimalValue(),
                        a.path("offset").isNumber() ? a.get("offset").decimalValue() : BigDecimal.ZERO));
            }
        }
        List<Option> options = new ArrayList<>();
        String optionsJson = rs.getString("options");
        if (optionsJson != null) {
            for (JsonNode o : json.readTree(optionsJson)) {
                JsonNode value = o.path("value");
                if (!value.isMissingNode() && !value.isNull()) {
                    options.add(new Option(value.isString() ? value.asString() : value.toString(),
                            o.path("score").isNumber() ? o.get("score").decimalValue() : null));
                }
            }
        }
        Integer precision = rs.getObject("decimal_precision") == null ? null : rs.getInt("decimal_precision");
        return new MetricInfo(rs.getString("id"), rs.getString("organization_id"), rs.getString("key"),
                rs.getString("display_name"), ValueType.valueOf(rs.getString("value_type")), rs.getString("unit"),
                List.copyOf(conversions), rs.getBigDecimal("plausible_min"), rs.getBigDecimal("plausible_max"),
                rs.getBigDecimal("normal_min"), rs.getBigDecimal("normal_max"), precision, rs.getString("loinc_code"),
                List.copyOf(options), rs.getBoolean("is_active"));
    }
}
