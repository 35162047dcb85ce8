package org.vigil.library.internal;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A condition preset with its diagnoses, templates and alert rules, as the API returns it. */
record PresetView(String id, String organizationId, String sourcePresetId, String name, String description,
        String category, boolean isStandardized, boolean isActive, JsonNode clinicalGuidelines,
        List<Diagnosis> diagnoses, List<Template> templates, List<Rule> alertRules, Instant updatedAt) {

    record Diagnosis(String icd10, String snomed, String label, boolean isPrimary) {
    }

    record Template(String templateId, String templateName, String frequency, boolean isRequired, int displayOrder) {
    }

    record Rule(String alertRuleId, String ruleName, int priority, boolean isEnabled) {
    }
}
