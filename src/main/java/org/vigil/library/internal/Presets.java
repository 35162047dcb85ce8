package org.vigil.library.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.shared.Ids;
import org.vigil.shared.persistence.RefusedWrite;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.Versioned;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Condition presets an organization sees: the standardized ones (organization NULL, read-only) and
 * its own. Customizing = cloning: a deep copy of the preset with its diagnoses, template links and
 * alert-rule links, owned by the organization and pointing back with {@code sourcePresetId}; the
 * copy can then be edited or deleted, the standard never.
 */
@Service
class Presets {


    private final TenantScope tenantScope;
    private final ConditionPresetRepository presets;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final jakarta.persistence.EntityManager entities;

    Presets(TenantScope tenantScope, ConditionPresetRepository presets, JdbcTemplate jdbc, JsonMapper json,
            jakarta.persistence.EntityManager entities) {
        this.entities = entities;
        this.tenantScope = tenantScope;
        this.presets = presets;
        this.jdbc = jdbc;
        this.json = json;
    }

    List<PresetView> list(TenantPrincipal caller, Boolean standardized) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            List<String> ids = jdbc.queryForList("SELECT id FROM condition_presets WHERE (?::boolean IS NULL OR "
                    + "is_standardized = ?::boolean) ORDER BY is_standardized DESC, name, id", String.class,
                    standardized, standardized);
            List<PresetView> views = new ArrayList<>();
            for (String id : ids) {
                views.add(view(presets.findById(id).orElseThrow()));
            }
            return views;
        });
    }

    Versioned<PresetView> get(TenantPrincipal caller, String id) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> versioned(find(id)));
    }

    Versioned<PresetView> create(TenantPrincipal caller, PresetRequest request) {
        return unique(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            ConditionPreset preset = new ConditionPreset(caller.organizationId(), request.name().trim());
            apply(preset, request);
            presets.saveAndFlush(preset);
            writeChildren(preset, request);
            return versioned(preset);
        }));
    }

    /** A deep copy for the caller's organization; {@code name} defaults to the source's. */
    Versioned<PresetView> cloneOf(TenantPrincipal caller, String sourceId, String name) {
        return unique(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            ConditionPreset source = find(sourceId);
            ConditionPreset copy = new ConditionPreset(caller.organizationId(),
                    name == null || name.isBlank() ? source.getName() : name.trim());
            copy.setSourcePresetId(source.getId());
            copy.setDescription(source.getDescription());
            copy.setCategory(source.getCategory());
            copy.setClinicalGuidelines(source.getClinicalGuidelines());
            copy.setActive(source.isActive());
            presets.saveAndFlush(copy);
            String org = caller.organizationId();
            jdbc.update("INSERT INTO condition_preset_diagnoses (id, condition_preset_id, icd10, snomed, label, "
                    + "is_primary, organization_id) SELECT 'c' || md5(random()::text || id), ?, icd10, snomed, label, "
                    + "is_primary, ? FROM condition_preset_diagnoses WHERE condition_preset_id = ?",
                    copy.getId(), org, source.getId());
            jdbc.update("INSERT INTO condition_preset_templates (id, condition_preset_id, template_id, frequency, "
                    + "is_required, display_order, organization_id) SELECT 'c' || md5(random()::text || id), ?, "
                    + "template_id, frequency, is_required, display_order, ? FROM condition_preset_templates "
                    + "WHERE condition_preset_id = ?", copy.getId(), org, source.getId());
            jdbc.update("INSERT INTO condition_preset_alert_rules (id, condition_preset_id, alert_rule_id, priority, "
                    + "is_enabled, organization_id) SELECT 'c' || md5(random()::text || id), ?, alert_rule_id, "
                    + "priority, is_enabled, ? FROM condition_preset_alert_rules WHERE condition_preset_id = ?",
                    copy.getId(), org, source.getId());
            return versioned(copy);
        }));
    }

    Versioned<PresetView> replace(TenantPrincipal caller, String id, long expectedVersion, PresetRequest request) {
        return unique(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            ConditionPreset preset = find(id);
            StandardItems.refuseChange(preset.isStandardized() || preset.getOrganizationId() == null, "preset");
            ETags.check(expectedVersion, preset.getVersion(), "preset");
            preset.setName(request.name().trim());
            apply(preset, request);
            jdbc.update("DELETE FROM condition_preset_diagnoses WHERE condition_preset_id = ?", id);
            jdbc.update("DELETE FROM condition_preset_templates WHERE condition_preset_id = ?", id);
            jdbc.update("DELETE FROM condition_preset_alert_rules WHERE condition_preset_id = ?", id);
            writeChildren(preset, request);
            presets.saveAndFlush(preset);
            // The version moves with every replacement, also when only the children changed.
            entities.lock(preset, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            entities.flush();
            return versioned(preset);
        }));
    }

    void delete(TenantPrincipal caller, String id) {
        try {
            tenantScope.run(caller.organizationId(), caller.userId(), () -> {
                ConditionPreset preset = find(id);
                StandardItems.refuseChange(preset.isStandardized() || preset.getOrganizationId() == null, "preset");
                jdbc.update("DELETE FROM condition_presets WHERE id = ?", id);
            });
        } catch (DataIntegrityViolationException e) {
            throw ApiProblem.refused("Preset in use", "Enrollments use this preset; deactivate it instead "
                    + "(isActive: false) so that no new enrollment picks it.");
        }
    }

    private ConditionPreset find(String id) {
        return presets.findById(id).orElseThrow(() -> ApiProblem.notFound("condition preset"));
    }

    private void apply(ConditionPreset preset, PresetRequest request) {
        preset.setDescription(request.description());
        preset.setCategory(request.category());
        preset.setClinicalGuidelines(request.clinicalGuidelines() == null ? null
                : json.writeValueAsString(request.clinicalGuidelines()));
        preset.setActive(request.isActive() == null || request.isActive());
    }

    private void writeChildren(ConditionPreset preset, PresetRequest request) {
        String org = preset.getOrganizationId();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < request.diagnoses().size(); i++) {
            PresetRequest.Diagnosis diagnosis = request.diagnoses().get(i);
            String code = diagnosis.icd10().trim().toUpperCase(java.util.Locale.ROOT);
            if (!code.matches("^[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$")) {
                throw ApiProblem.invalid("diagnoses[" + i + "].icd10", "must be an ICD-10-CM code such as I10 or E11.9");
            }
            if (!codes.add(code)) {
                throw ApiProblem.invalid("diagnoses[" + i + "].icd10", "is listed twice");
            }
            jdbc.update("INSERT INTO condition_preset_diagnoses (id, condition_preset_id, icd10, snomed, label, "
                    + "is_primary, organization_id) VALUES (?, ?, ?, ?, ?, ?, ?)", Ids.newId(), preset.getId(), code,
                    diagnosis.snomed(), diagnosis.label().trim(), Boolean.TRUE.equals(diagnosis.isPrimary()), org);
        }
        Set<String> templates = new HashSet<>();
        for (int i = 0; i < request.templates().size(); i++) {
            PresetRequest.Template template = request.templates().get(i);
            String field = "templates[" + i + "].templateId";
            if (!visible("assessment_templates", template.templateId())) {
                throw ApiProblem.invalid(field, "names no assessment template of the library");
            }
            if (!templates.add(template.templateId())) {
                throw ApiProblem.invalid(field, "is listed twice");
            }
            jdbc.update("INSERT INTO condition_preset_templates (id, condition_preset_id, template_id, frequency, "
                    + "is_required, display_order, organization_id) VALUES (?, ?, ?, ?, ?, ?, ?)", Ids.newId(),
                    preset.getId(), template.templateId(), template.frequency(), Boolean.TRUE.equals(template.isRequired()),
                    template.displayOrder() == null ? i : template.displayOrder(), org);
        }
        Set<String> rules = new HashSet<>();
        for (int i = 0; i < request.alertRules().size(); i++) {
            PresetRequest.Rule rule = request.alertRules().get(i);
            String field = "alertRules[" + i + "].alertRuleId";
            if (!visible("alert_rules", rule.alertRuleId())) {
                throw ApiProblem.invalid(field, "names no alert rule of the library");
            }
            if (!rules.add(rule.alertRuleId())) {
                throw ApiProblem.invalid(field, "is listed twice");
            }
            jdbc.update("INSERT INTO condition_preset_alert_rules (id, condition_preset_id, alert_rule_id, priority, "
                    + "is_enabled, organization_id) VALUES (?, ?, ?, ?, ?, ?)", Ids.newId(), preset.getId(),
                    rule.alertRuleId(), rule.priority(), rule.isEnabled() == null || rule.isEnabled(), org);
        }
    }

    /** Row-level security decides: the standard library and the caller's own rows are visible. */
    private boolean visible(String table, String id) {
        Integer found = jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE id = ?", Integer.class, id);
        return found != null && found > 0;
    }

    private Versioned<PresetView> versioned(ConditionPreset preset) {
        return new Versioned<>(view(preset), preset.getVersion());
    }

    private PresetView view(ConditionPreset preset) {
        String id = preset.getId();
        List<PresetView.Diagnosis> diagnoses = jdbc.query("SELECT icd10, snomed, label, is_primary FROM "
                + "condition_preset_diagnoses WHERE condition_preset_id = ? ORDER BY is_primary DESC, icd10",
                (rs, n) -> new PresetView.Diagnosis(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
                id);
        List<PresetView.Template> templates = jdbc.query("SELECT t.template_id, a.name, t.frequency, t.is_required, "
                + "t.display_order FROM condition_preset_templates t JOIN assessment_templates a ON a.id = t.template_id "
                + "WHERE t.condition_preset_id = ? ORDER BY t.display_order, a.name",
                (rs, n) -> new PresetView.Template(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getInt(5)), id);
        List<PresetView.Rule> rules = jdbc.query("SELECT l.alert_rule_id, r.name, l.priority, l.is_enabled FROM "
                + "condition_preset_alert_rules l JOIN alert_rules r ON r.id = l.alert_rule_id "
                + "WHERE l.condition_preset_id = ? ORDER BY l.priority DESC, r.name",
                (rs, n) -> new PresetView.Rule(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)), id);
        JsonNode guidelines = preset.getClinicalGuidelines() == null ? null : json.readTree(preset.getClinicalGuidelines());
        return new PresetView(id, preset.getOrganizationId(), preset.getSourcePresetId(), preset.getName(),
                preset.getDescription(), preset.getCategory(), preset.isStandardized(), preset.isActive(), guidelines,
                diagnoses, templates, rules, preset.getUpdatedAt());
    }

    private static Versioned<PresetView> unique(java.util.function.Supplier<Versioned<PresetView>> work) {
        try {
            return work.get();
        } catch (DataIntegrityViolationException e) {
            if ("condition_presets_organization_id_name_key".equals(RefusedWrite.constraint(e))) {
                throw ApiProblem.conflict("name", "Name taken",
                        "Your organization already has a condition preset with this name.");
            }
            throw e;
        }
    }
}
