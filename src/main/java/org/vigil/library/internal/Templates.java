package org.vigil.library.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.shared.Ids;
import org.vigil.shared.persistence.RefusedWrite;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.Versioned;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assessment templates an organization sees: the standardized ones (read-only) and its own. A
 * clone copies every item, so customizing never loses a question (the predecessor's did).
 */
@Service
class Templates {


    private final TenantScope tenantScope;
    private final AssessmentTemplateRepository templates;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final jakarta.persistence.EntityManager entities;

    Templates(TenantScope tenantScope, AssessmentTemplateRepository templates, JdbcTemplate jdbc, JsonMapper json,
            jakarta.persistence.EntityManager entities) {
        this.tenantScope = tenantScope;
        this.templates = templates;
        this.jdbc = jdbc;
        this.json = json;
        this.entities = entities;
    }

    List<TemplateView> list(TenantPrincipal caller, Boolean standardized) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> templates
                .findAll(Sort.by(Sort.Order.desc("isStandardized"), Sort.Order.asc("name"), Sort.Order.asc("id")))
                .stream().filter(t -> standardized == null || t.isStandardized() == standardized)
                .map(this::view).toList());
    }

    Versioned<TemplateView> get(TenantPrincipal caller, String id) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> versioned(find(id)));
    }

    Versioned<TemplateView> create(TenantPrincipal caller, TemplateRequest request) {
        return unique(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            AssessmentTemplate template = new AssessmentTemplate(caller.organizationId(), request.name().trim());
            apply(template, request);
            templates.saveAndFlush(template);
            writeItems(template, request);
            checkScoring(template);
            return versioned(template);
        }));
    }

    Versioned<TemplateView> cloneOf(TenantPrincipal caller, String sourceId, String name) {
        return unique(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            AssessmentTemplate source = find(sourceId);
            AssessmentTemplate copy = new AssessmentTemplate(caller.organizationId(),
                    name == null || name.isBlank() ? source.getName() : name.trim());
            copy.setSourceTemplateId(source.getId());
            copy.setKey(source.getKey());
            copy.setDescription(source.getDescription());
            copy.setCategory(source.getCategory());
            copy.setLoincCode(source.getLoincCode());
            copy.setScoring(source.getScoring());
            copy.setCopyrightInfo(source.getCopyrightInfo());
            copy.setActive(source.isActive());
            templates.saveAndFlush(copy);
            jdbc.update("INSERT INTO assessment_template_items (id, template_id, metric_definition_id, display_order, "
                    + "is_required, help_text, default_value, organization_id, flag_rule) SELECT 'c' || "
                    + "md5(random()::text || id), ?, metric_definition_id, display_order, is_required, help_text, "
                    + "default_value, ?, flag_rule FROM assessment_template_items WHERE template_id = ?",
                    copy.getId(), caller.organizationId(), source.getId());
            return versioned(copy);
        }));
    }

    Versioned<TemplateView> replace(TenantPrincipal caller, String id, long expectedVersion, TemplateRequest request) {
        return unique(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            AssessmentTemplate template = find(id);
            StandardItems.refuseChange(template.getOrganizationId() == null, "template");
            ETags.check(expectedVersion, template.getVersion(), "template");
            template.setName(request.name().trim());
            apply(template, request);
            jdbc.update("DELETE FROM assessment_template_items WHERE template_id = ?", id);
            writeItems(template, request);
            checkScoring(template);
            templates.saveAndFlush(template);
            entities.lock(template, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            entities.flush();
            return versioned(template);
        }));
    }

    void delete(TenantPrincipal caller, String id) {
        try {
            tenantScope.run(caller.organizationId(), caller.userId(), () -> {
                AssessmentTemplate template = find(id);
                StandardItems.refuseChange(template.getOrganizationId() == null, "template");
                jdbc.update("DELETE FROM assessment_templates WHERE id = ?", id);
            });
        } catch (DataIntegrityViolationException e) {
            throw ApiProblem.refused("Template in use", "Presets or assessments use this template; deactivate it "
                    + "instead (isActive: false).");
        }
    }

    private AssessmentTemplate find(String id) {
        return templates.findById(id).orElseThrow(() -> ApiProblem.notFound("assessment template"));
    }

    private void apply(AssessmentTemplate template, TemplateRequest request) {
        template.setKey(request.key());
        template.setDescription(request.description());
        template.setCategory(request.category());
        template.setLoincCode(request.loincCode());
        template.setScoring(request.scoring() == null ? null : json.writeValueAsString(request.scoring()));
        template.setCopyrightInfo(request.copyrightInfo());
        template.setActive(request.isActive() == null || request.isActive());
    }

    private void writeItems(AssessmentTemplate template, TemplateRequest request) {
        Set<String> metrics = new HashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            TemplateRequest.Item item = request.items().get(i);
            String field = "items[" + i + "].metricDefinitionId";
            Integer visible = jdbc.queryForObject("SELECT count(*) FROM metric_definitions WHERE id = ?", Integer.class,
                    item.metricDefinitionId());
            if (visible == null || visible == 0) {
                throw ApiProblem.invalid(field, "names no metric of the library");
            }
            if (!metrics.add(item.metricDefinitionId())) {
                throw ApiProblem.invalid(field, "is listed twice");
            }
            String flagRule = item.flagRule() == null ? null : flagRule(item.flagRule(), "items[" + i + "].flagRule");
            jdbc.update("INSERT INTO assessment_template_items (id, template_id, metric_definition_id, display_order, "
                    + "is_required, help_text, default_value, organization_id, flag_rule) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)", Ids.newId(), template.getId(),
                    item.metricDefinitionId(), item.displayOrder() == null ? i : item.displayOrder(),
                    Boolean.TRUE.equals(item.isRequired()), item.helpText(), item.defaultValue(),
                    template.getOrganizationId(), flagRule);
        }
    }

    /**
     * The scoring specification (docs/library.md) must parse, and every item it scores must be an
     * item of the template: the server scores submissions with it, so a template that cannot be
     * scored is refused now rather than at the patient's first submission.
     */
    private void checkScoring(AssessmentTemplate template) {
        if (template.getScoring() == null) {
            return;
        }
        java.util.Map<String, String> flags = new java.util.LinkedHashMap<>();
        java.util.Set<String> itemKeys = new java.util.HashSet<>();
        jdbc.query("SELECT m.key, i.flag_rule::text FROM assessment_template_items i JOIN metric_definitions m "
                + "ON m.id = i.metric_definition_id WHERE i.template_id = ?", rs -> {
                    itemKeys.add(rs.getString(1));
                    if (rs.getString(2) != null) {
                        flags.put(rs.getString(1), rs.getString(2));
                    }
                }, template.getId());
        org.vigil.library.scoring.ScoringSpec spec;
        try {
            spec = org.vigil.library.scoring.ScoringSpec.parse(template.getScoring(), flags);
        } catch (org.vigil.library.scoring.InvalidScoringSpecException e) {
            throw ApiProblem.invalid(e.path().startsWith("$") ? "scoring" + e.path().substring(1) : "items", e.getMessage());
        }
        for (String item : spec.items()) {
            if (!itemKeys.contains(item)) {
                throw ApiProblem.invalid("scoring.items", "scores '" + item + "', which is not an item of the template");
            }
        }
    }

    /** An item's flag (docs/condition-language.md, "Item flags"), validated, in canonical form. */
    private String flagRule(java.util.Map<String, Object> rule, String field) {
        try {
            return org.vigil.library.rules.ConditionWriter.toJson(
                    org.vigil.library.rules.ConditionParser.parseFlagRule(json.valueToTree(rule)));
        } catch (org.vigil.library.rules.InvalidConditionException e) {
            ApiProblem problem = ApiProblem.invalid(field, "is not a valid flag rule");
            problem.getBody().setProperty("errors", e.errors().stream()
                    .map(error -> new ApiProblem.FieldError(field + error.path().substring(1), error.message())).toList());
            throw problem;
        }
    }

    private Versioned<TemplateView> versioned(AssessmentTemplate template) {
        return new Versioned<>(view(template), template.getVersion());
    }

    private TemplateView view(AssessmentTemplate template) {
        List<TemplateView.Item> items = jdbc.query("SELECT i.id, i.metric_definition_id, m.key, m.display_name, "
                + "i.display_order, i.is_required, i.help_text, i.default_value, i.flag_rule::text AS flag_rule "
                + "FROM assessment_template_items i JOIN metric_definitions m ON m.id = i.metric_definition_id "
                + "WHERE i.template_id = ? ORDER BY i.display_order, i.id",
                (rs, n) -> new TemplateView.Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getBoolean(6), rs.getString(7), rs.getString(8),
                        rs.getString(9) == null ? null : json.readTree(rs.getString(9))), template.getId());
        return new TemplateView(template.getId(), template.getOrganizationId(), template.getSourceTemplateId(),
                template.getKey(), template.getName(), template.getDescription(), template.getCategory(), template.getLoincCode(),
                template.getScoring() == null ? null : json.readTree(template.getScoring()), template.getCopyrightInfo(),
                template.isStandardized(), template.isActive(), items, template.getUpdatedAt());
    }

    private static Versioned<TemplateView> unique(java.util.function.Supplier<Versioned<TemplateView>> work) {
        try {
            return work.get();
        } catch (DataIntegrityViolationException e) {
            if ("assessment_templates_organization_key_key_key".equals(RefusedWrite.constraint(e))) {
                throw ApiProblem.conflict("key", "Key taken",
                        "Your organization already has an assessment template with this key.");
            }
            if ("assessment_templates_organization_id_name_key".equals(RefusedWrite.constraint(e))) {
                throw ApiProblem.conflict("name", "Name taken",
                        "Your organization already has an assessment template with this name.");
            }
            throw e;
        }
    }
}
