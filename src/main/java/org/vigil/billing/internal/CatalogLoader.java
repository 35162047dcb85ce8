package org.vigil.billing.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.billing.engine.CatalogJson;
import org.vigil.shared.Ids;
import org.vigil.tenancy.PlatformScope;
import tools.jackson.databind.JsonNode;

/**
 * Loads the shipped CMS catalog (classpath billing/cms-catalog.json) into the global catalog
 * tables at start, idempotently, as platform administration (the tables are written only by the
 * platform: {@code vigil_protect_catalog_table}, V1).
 * <ul>
 * <li>Programs (by code) and their codes (by program and code) are inserted or brought up to date;
 * a shipped program's code that left the file is deactivated, never deleted.</li>
 * <li>National rate tables are inserted once and never edited: a CMS correction ships as a new
 * table that supersedes the old one, so amounts already computed keep naming the table that
 * priced them.</li>
 * </ul>
 * cpt_codes.reimbursement_amount stays NULL for shipped codes: amounts live in the rate tables.
 */
@Component
class CatalogLoader {

    private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);

    private final PlatformScope platform;
    private final JdbcTemplate jdbc;

    CatalogLoader(PlatformScope platform, JdbcTemplate jdbc) {
        this.platform = platform;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadAtStart() {
        load();
    }

    /** Loads the file; returns the number of rows inserted or changed. */
    int load() {
        JsonNode root;
        try (var in = getClass().getClassLoader().getResourceAsStream(CatalogJson.RESOURCE)) {
            root = CatalogJson.tree(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int changed = platform.call(null, "load the shipped CMS billing catalog", () -> write(root));
        log.info("Billing catalog loaded: {} rows inserted or updated", changed);
        return changed;
    }

    private int write(JsonNode root) {
        int changed = 0;
        for (JsonNode p : root.path("programs")) {
            String code = p.path("code").asString();
            changed += jdbc.update("""
                    INSERT INTO billing_programs (id, name, code, description, program_type, payer, effective_date,
                                                  expiration_date, eligibility_rules, is_active)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, true)
                    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
                      program_type = EXCLUDED.program_type, payer = EXCLUDED.payer, effective_date = EXCLUDED.effective_date,
                      expiration_date = EXCLUDED.expiration_date, eligibility_rules = EXCLUDED.eligibility_rules, is_active = true
                    WHERE (billing_programs.name, billing_programs.description, billing_programs.program_type, billing_programs.payer,
                           billing_programs.effective_date, billing_programs.expiration_date, billing_programs.eligibility_rules,
                           billing_programs.is_active)
                      IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description, EXCLUDED.program_type, EXCLUDED.payer,
                           EXCLUDED.effective_date, EXCLUDED.expiration_date, EXCLUDED.eligibility_rules, true)""",
                    Ids.newId(), p.path("name").asString(), code, p.path("description").asString(null),
                    p.path("programType").asString(), p.path("payer").asString(null), instant(p.path("effectiveFrom")),
                    instant(p.path("effectiveTo")), CatalogJson.write(p.path("eligibilityRules")));
            String programId = jdbc.queryForObject("SELECT id FROM billing_programs WHERE code = ?", String.class, code);
            List<String> codes = new ArrayList<>();
            for (JsonNode c : p.path("codes")) {
                codes.add(c.path("code").asString());
                changed += jdbc.update("""
                        INSERT INTO cpt_codes (id, billing_program_id, code, category, description, requirements, billing_frequency, is_active)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, true)
                        ON CONFLICT (billing_program_id, code) DO UPDATE SET category = EXCLUDED.category,
                          description = EXCLUDED.description, requirements = EXCLUDED.requirements,
                          billing_frequency = EXCLUDED.billing_frequency, is_active = true
                        WHERE (cpt_codes.category, cpt_codes.description, cpt_codes.requirements, cpt_codes.billing_frequency, cpt_codes.is_active)
                          IS DISTINCT FROM (EXCLUDED.category, EXCLUDED.description, EXCLUDED.requirements, EXCLUDED.billing_frequency, true)""",
                        Ids.newId(), programId, c.path("code").asString(), c.path("category").asString(),
                        c.path("description").asString(), CatalogJson.write(c.path("requirements")),
                        frequency(c.path("requirements").path("period").asString("")));
            }
            changed += jdbc.update("UPDATE cpt_codes SET is_active = false WHERE billing_program_id = ? AND is_active "
                    + "AND NOT (code = ANY (?::text[]))", programId, "{" + String.join(",", codes) + "}");
        }
        for (JsonNode t : root.path("rateTables")) {
            String code = t.path("code").asString();
            String supersedes = t.path("supersedes").asString(null);
            String supersedesId = supersedes == null ? null
                    : jdbc.queryForObject("SELECT id FROM billing_rate_tables WHERE code = ? AND organization_id IS NULL",
                            String.class, supersedes);
            int inserted = jdbc.update("""
                    INSERT INTO billing_rate_tables (id, organization_id, code, name, effective_from, effective_to,
                                                     conversion_factor, source, supersedes_id)
                    VALUES (?, NULL, ?, ?, ?, ?, ?::numeric, ?, ?)
                    ON CONFLICT (code) WHERE organization_id IS NULL DO NOTHING""",
                    Ids.newId(), code, t.path("name").asString(), LocalDate.parse(t.path("effectiveFrom").asString()),
                    date(t.path("effectiveTo")), t.path("conversionFactor").asString(null), t.path("source").asString(),
                    supersedesId);
            if (inserted == 0) {
                continue;
            }
            changed++;
            String tableId = jdbc.queryForObject("SELECT id FROM billing_rate_tables WHERE code = ? AND organization_id IS NULL",
                    String.class, code);
            for (JsonNode r : t.path("rates")) {
                JsonNode amount = r.path("amount");
                changed += jdbc.update("""
                        INSERT INTO billing_rates (id, rate_table_id, organization_id, cpt_code, amount, verified, note)
                        VALUES (?, ?, NULL, ?, ?::numeric, ?, ?)
                        ON CONFLICT (rate_table_id, cpt_code) DO NOTHING""",
                        Ids.newId(), tableId, r.path("code").asString(), amount.isNull() ? null : amount.asString(),
                        r.path("verified").asBoolean(false), r.path("note").asString(null));
            }
        }
        return changed;
    }

    private static String frequency(String period) {
        return switch (period) {
            case "EPISODE" -> "ONCE_PER_EPISODE";
            case "THIRTY_DAY" -> "EACH_30_DAYS";
            case "CALENDAR_MONTH" -> "MONTHLY";
            default -> null;
        };
    }

    private static LocalDate date(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : LocalDate.parse(node.asString());
    }

    private static Timestamp instant(JsonNode node) {
        LocalDate day = date(node);
        return day == null ? null : Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
