package org.vigil.library.internal;

import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.shared.persistence.RefusedWrite;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.Versioned;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Alert rules an organization sees: the standardized ones (read-only) and its own. */
@Service
class Rules {


    private final TenantScope tenantScope;
    private final AlertRuleRepository rules;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final RuleConditions conditions;

    Rules(TenantScope tenantScope, AlertRuleRepository rules, JdbcTemplate jdbc, JsonMapper json,
            RuleConditions conditions) {
        this.tenantScope = tenantScope;
        this.rules = rules;
        this.jdbc = jdbc;
        this.json = json;
        this.conditions = conditions;
    }

    List<RuleView> list(TenantPrincipal caller, Boolean standardized) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> rules
                .findAll(Sort.by(Sort.Order.desc("isStandardized"), Sort.Order.asc("name"), Sort.Order.asc("id")))
                .stream().filter(r -> standardized == null || r.isStandardized() == standardized)
                .map(this::view).toList());
    }

    Versioned<RuleView> get(TenantPrincipal caller, String id) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> versioned(find(id)));
    }

    Versioned<RuleView> create(TenantPrincipal caller, RuleRequest request) {
        return unique(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            String checked = conditions.validated(request.conditions());
            AlertRule rule = new AlertRule(caller.organizationId(), request.name().trim(), request.severity(), checked);
            apply(rule, request);
            return versioned(rules.saveAndFlush(rule));
        }));
    }

    Versioned<RuleView> cloneOf(TenantPrincipal caller, String sourceId, String name) {
        return unique(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            AlertRule source = find(sourceId);
            AlertRule copy = new AlertRule(caller.organizationId(),
                    name == null || name.isBlank() ? source.getName() : name.trim(), source.getSeverity(),
                    source.getConditions());
            copy.setSourceRuleId(source.getId());
            copy.setDescription(source.getDescription());
            copy.setCategory(source.getCategory());
            copy.setPriority(source.getPriority());
            copy.setActions(source.getActions());
            copy.setCooldownMinutes(source.getCooldownMinutes());
            copy.setClinicalEvidence(source.getClinicalEvidence());
            copy.setActive(source.isActive());
            return versioned(rules.saveAndFlush(copy));
        }));
    }

    Versioned<RuleView> replace(TenantPrincipal caller, String id, long expectedVersion, RuleRequest request) {
        return unique(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            AlertRule rule = find(id);
            StandardItems.refuseChange(rule.getOrganizationId() == null, "alert rule");
            ETags.check(expectedVersion, rule.getVersion(), "alert rule");
            rule.setConditions(conditions.validated(request.conditions()));
            rule.setName(request.name().trim());
            rule.setSeverity(request.severity());
            apply(rule, request);
            return versioned(rules.saveAndFlush(rule));
        }));
    }

    void delete(TenantPrincipal caller, String id) {
        try {
            tenantScope.run(caller.organizationId(), caller.userId(), () -> {
                AlertRule rule = find(id);
                StandardItems.refuseChange(rule.getOrganizationId() == null, "alert rule");
                jdbc.update("DELETE FROM alert_rules WHERE id = ?", id);
            });
        } catch (DataIntegrityViolationException e) {
            throw ApiProblem.refused("Alert rule in use", "Presets or alerts refer to this rule; deactivate it instead "
                    + "(isActive: false).");
        }
    }

    private AlertRule find(String id) {
        return rules.findById(id).orElseThrow(() -> ApiProblem.notFound("alert rule"));
    }

    private void apply(AlertRule rule, RuleRequest request) {
        rule.setDescription(request.description());
        rule.setCategory(request.category());
        rule.setPriority(request.priority() == null ? 0 : request.priority());
        rule.setActions(json.writeValueAsString(request.actions() == null ? java.util.Map.of() : request.actions()));
        rule.setCooldownMinutes(request.cooldownMinutes() == null ? 60 : request.cooldownMinutes());
        rule.setClinicalEvidence(request.clinicalEvidence());
        rule.setActive(request.isActive() == null || request.isActive());
    }

    private Versioned<RuleView> versioned(AlertRule rule) {
        return new Versioned<>(view(rule), rule.getVersion());
    }

    private RuleView view(AlertRule rule) {
        JsonNode actions = json.readTree(rule.getActions() == null ? "{}" : rule.getActions());
        return new RuleView(rule.getId(), rule.getOrganizationId(), rule.getSourceRuleId(), rule.getName(),
                rule.getDescription(), rule.getCategory(), rule.getSeverity(), rule.getPriority(),
                json.readTree(rule.getConditions()), actions, rule.getCooldownMinutes(), rule.getClinicalEvidence(),
                rule.isStandardized(), rule.isActive(), rule.getUpdatedAt());
    }

    private static Versioned<RuleView> unique(java.util.function.Supplier<Versioned<RuleView>> work) {
        try {
            return work.get();
        } catch (DataIntegrityViolationException e) {
            if ("alert_rules_organization_id_name_key".equals(RefusedWrite.constraint(e))) {
                throw ApiProblem.conflict("name", "Name taken", "Your organization already has an alert rule with this name.");
            }
            throw e;
        }
    }
}
