package org.vigil.billing.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.billing.engine.BillingPolicy;
import org.vigil.billing.engine.Catalog;
import org.vigil.billing.engine.CatalogJson;
import tools.jackson.databind.JsonNode;

/**
 * The catalog and policy as the engine needs them, read inside the organization's tenant scope:
 * every program and active code of the global catalog, the national rate tables and the
 * organization's own (row-level security hides other organizations' rates), and its policy.
 * Program dates are stored as UTC midnights (CatalogLoader) and read back as dates.
 */
@Component
class DatabaseCatalog {

    private final JdbcTemplate jdbc;

    DatabaseCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Catalog load() {
        Map<String, List<Catalog.CodeRule>> codes = new HashMap<>();
        jdbc.query("SELECT billing_program_id, code, category, description, requirements FROM cpt_codes WHERE is_active "
                + "ORDER BY billing_program_id, code", rs -> {
                    String requirements = rs.getString("requirements");
                    JsonNode q = CatalogJson.tree(requirements == null ? "{}" : requirements);
                    codes.computeIfAbsent(rs.getString("billing_program_id"), k -> new ArrayList<>()).add(CatalogJson.codeRule(
                            rs.getString("code"), rs.getString("category"), rs.getString("description"), q));
                });
        List<Catalog.Program> programs = jdbc.query("SELECT id, code, name, program_type, payer, effective_date, expiration_date, "
                + "is_active, eligibility_rules FROM billing_programs ORDER BY effective_date, code", (rs, n) -> new Catalog.Program(
                        rs.getString("id"), rs.getString("code"), rs.getString("name"), rs.getString("program_type"), rs.getString("payer"),
                        day(rs.getTimestamp("effective_date")), day(rs.getTimestamp("expiration_date")), rs.getBoolean("is_active"),
                        CatalogJson.eligibilityRules(CatalogJson.tree(rs.getString("eligibility_rules"))),
                        // A code whose requirements carry no rule (a custom program) is listed but never evaluated.
                        codes.getOrDefault(rs.getString("id"), List.of()).stream().filter(c -> c.rule() != null).toList()));
        Map<String, Map<String, Catalog.Rate>> rates = new HashMap<>();
        jdbc.query("SELECT rate_table_id, cpt_code, amount, verified, note FROM billing_rates", rs -> {
            rates.computeIfAbsent(rs.getString("rate_table_id"), k -> new LinkedHashMap<>()).put(rs.getString("cpt_code"),
                    new Catalog.Rate(rs.getString("cpt_code"), rs.getBigDecimal("amount"), rs.getBoolean("verified"), rs.getString("note")));
        });
        List<Catalog.RateTable> tables = jdbc.query("SELECT id, code, organization_id, effective_from, effective_to, supersedes_id "
                + "FROM billing_rate_tables", (rs, n) -> new Catalog.RateTable(rs.getString("id"), rs.getString("code"),
                        rs.getString("organization_id"), rs.getObject("effective_from", LocalDate.class),
                        rs.getObject("effective_to", LocalDate.class), rs.getString("supersedes_id"),
                        rates.getOrDefault(rs.getString("id"), Map.of())));
        return new Catalog(programs, tables);
    }

    BillingPolicy policy(String organizationId) {
        return jdbc.query("SELECT secure_messaging_counts, add_on_caps, pcm_staff_supervision FROM billing_policies "
                + "WHERE organization_id = ?", (rs, n) -> {
                    Map<String, Integer> caps = new HashMap<>();
                    CatalogJson.tree(rs.getString("add_on_caps")).properties().forEach(e -> caps.put(e.getKey(), e.getValue().asInt()));
                    return new BillingPolicy(rs.getBoolean("secure_messaging_counts"), caps, rs.getString("pcm_staff_supervision"));
                }, organizationId).stream().findFirst().orElse(BillingPolicy.defaults());
    }

    private static LocalDate day(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
