package org.vigil.billing.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.vigil.billing.engine.Catalog.CodeRule;
import org.vigil.billing.engine.Catalog.DataSource;
import org.vigil.billing.engine.Catalog.EligibilityRule;
import org.vigil.billing.engine.Catalog.Program;
import org.vigil.billing.engine.Catalog.Rate;
import org.vigil.billing.engine.Catalog.RateTable;
import org.vigil.billing.engine.Catalog.RuleKind;
import org.vigil.billing.engine.Catalog.TimePerformer;

/**
 * Reads the catalog's JSON: the shipped file (classpath billing/cms-catalog.json), a program's
 * {@code eligibilityRules} (seed shape: [{ruleType, description, logic}]) and a code's
 * {@code requirements}. Pure: Jackson only.
 */
public final class CatalogJson {

    public static final String RESOURCE = "billing/cms-catalog.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CatalogJson() {
    }

    /** The shipped catalog, with program ids = program codes and rate-table ids = table codes. */
    public static Catalog shipped() {
        try (InputStream in = CatalogJson.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return parse(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(String json) {
        return JSON.readTree(json);
    }

    public static String write(JsonNode node) {
        return JSON.writeValueAsString(node);
    }

    static Catalog parse(JsonNode root) {
        List<Program> programs = new ArrayList<>();
        for (JsonNode p : root.path("programs")) {
            List<CodeRule> codes = new ArrayList<>();
            for (JsonNode c : p.path("codes")) {
                codes.add(codeRule(text(c, "code"), text(c, "category"), text(c, "description"), c.path("requirements")));
            }
            programs.add(new Program(text(p, "code"), text(p, "code"), text(p, "name"), text(p, "programType"),
                    text(p, "payer"), date(p, "effectiveFrom"), date(p, "effectiveTo"), true,
                    eligibilityRules(p.path("eligibilityRules")), codes));
        }
        List<RateTable> tables = new ArrayList<>();
        for (JsonNode t : root.path("rateTables")) {
            Map<String, Rate> rates = new LinkedHashMap<>();
            for (JsonNode r : t.path("rates")) {
                JsonNode amount = r.path("amount");
                rates.put(text(r, "code"), new Rate(text(r, "code"),
                        amount.isNull() || amount.isMissingNode() ? null : new BigDecimal(amount.asString()),
                        r.path("verified").asBoolean(false), text(r, "note")));
            }
            tables.add(new RateTable(text(t, "code"), text(t, "code"), null, date(t, "effectiveFrom"),
                    date(t, "effectiveTo"), text(t, "supersedes"), rates));
        }
        return new Catalog(programs, tables);
    }

    /** A program's eligibility rules from the seed's JSON array. */
    public static List<EligibilityRule> eligibilityRules(JsonNode array) {
        List<EligibilityRule> rules = new ArrayList<>();
        for (JsonNode r : array) {
            JsonNode logic = r.path("logic");
            rules.add(new EligibilityRule(text(r, "ruleType"), text(r, "description"), strings(logic.path("payers")),
                    strings(logic.path("plans")), text(logic, "operator"), integer(logic, "minCount"),
                    strings(logic.path("categories")), strings(logic.path("consentTypes")), text(logic, "programType"),
                    logic.path("costSharingAcknowledged").asBoolean(false), text(logic, "attestation")));
        }
        return rules;
    }

    /** A code's rule from its {@code requirements} object (see cms-catalog.json). */
    public static CodeRule codeRule(String code, String category, String description, JsonNode q) {
        String rule = text(q, "rule");
        RuleKind kind = rule == null ? null : RuleKind.valueOf(rule);
        return new CodeRule(code, category, description, kind, integer(q, "minDays"), integer(q, "maxDays"),
                q.path("firstPeriodOnly").asBoolean(false), enums(q.path("dataSources"), DataSource::valueOf, DataSource.class),
                integer(q, "minMinutes"), text(q, "supersededBy"),
                enums(q.path("performers"), TimePerformer::valueOf, TimePerformer.class),
                q.path("interactiveContact").asBoolean(false), text(q, "family"), text(q, "alternative"),
                text(q, "addOnTo"), integer(q, "incrementMinutes"), integer(q, "maxUnits"),
                q.path("maxUnitsResolved").asBoolean(false), new LinkedHashSet<>(strings(q.path("excludedBy"))),
                text(q, "bodySystem"), new LinkedHashSet<>(strings(q.path("attestations"))), integer(q, "minConditions"),
                integer(q, "maxConditions"), q.has("qmb") && !q.get("qmb").isNull() ? q.get("qmb").asBoolean() : null,
                text(q, "source"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asString();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? Integer.valueOf(v.asInt()) : null;
    }

    private static LocalDate date(JsonNode node, String field) {
        String v = text(node, field);
        return v == null ? null : LocalDate.parse(v);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode v : array) {
            values.add(v.asString());
        }
        return values;
    }

    private static <E extends Enum<E>> Set<E> enums(JsonNode array, Function<String, E> parse, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        for (JsonNode v : array) {
            values.add(parse.apply(v.asString()));
        }
        return values;
    }
}
