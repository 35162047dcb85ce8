-- Module `library`: metric definitions, assessment templates and their items, alert rules,
-- condition presets (diagnoses, templates, rule links) and drugs.
-- Library rows with organization_id NULL are the standardized library (read-only for tenants);
-- rows with an organization are that organization's own copies (source_*_id names the origin).
-- Child tables carry the parent's organization_id, so the same policies apply to them. The
-- generated organization_key (organization_id, or '' for standardized rows) lets a composite
-- foreign key demand exact equality with the parent, NULL included: a standardized child can
-- never hang under an organization's copy, nor an organization's child under a standard parent.
-- Names and keys are unique per organization and among standardized rows (NULLS NOT DISTINCT).

CREATE TABLE metric_definitions (
  id                 text        PRIMARY KEY,
  organization_id    text        REFERENCES organizations (id) ON DELETE RESTRICT,
  source_metric_id   text        REFERENCES metric_definitions (id) ON DELETE SET NULL,
  key                text        NOT NULL CONSTRAINT metric_definitions_key_format CHECK (key ~ '^[a-z][a-z0-9_]*$'),
  display_name       text        NOT NULL,
  description        text,
  category           text,
  value_type         text        NOT NULL
                     CONSTRAINT metric_definitions_value_type_check
                     CHECK (value_type IN ('NUMERIC', 'INTEGER', 'BOOLEAN', 'CATEGORICAL', 'ORDINAL', 'TEXT')),
  unit               text,
  -- [{unit, factor, offset}] conversions into the canonical UCUM unit.
  alternative_units  jsonb       NOT NULL DEFAULT '[]'::jsonb,
  normal_min         numeric,
  normal_max         numeric,
  plausible_min      numeric,
  plausible_max      numeric,
  decimal_precision  integer     CONSTRAINT metric_definitions_decimal_precision_check CHECK (decimal_precision BETWEEN 0 AND 6),
  loinc_code         text,
  snomed_code        text,
  -- Allowed values for CATEGORICAL / ORDINAL metrics: [{value, label, score?}].
  options            jsonb,
  is_standardized    boolean     NOT NULL DEFAULT false,
  is_active          boolean     NOT NULL DEFAULT true,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  version            bigint      NOT NULL DEFAULT 0,
  CONSTRAINT metric_definitions_organization_id_key_key UNIQUE NULLS NOT DISTINCT (organization_id, key),
  CONSTRAINT metric_definitions_standardized_has_no_org CHECK (NOT is_standardized OR organization_id IS NULL),
  CONSTRAINT metric_definitions_normal_range CHECK (normal_min IS NULL OR normal_max IS NULL OR normal_min <= normal_max),
  CONSTRAINT metric_definitions_plausible_range CHECK (plausible_min IS NULL OR plausible_max IS NULL OR plausible_min <= plausible_max)
);
CREATE INDEX metric_definitions_loinc_code_idx ON metric_definitions (loinc_code);
CALL vigil_track_updated_at('metric_definitions');
CALL vigil_protect_library_table('metric_definitions');

CREATE TABLE assessment_templates (
  id                 text        PRIMARY KEY,
  organization_id    text        REFERENCES organizations (id) ON DELETE RESTRICT,
  source_template_id text        REFERENCES assessment_templates (id) ON DELETE SET NULL,
  name               text        NOT NULL,
  description        text,
  category           text,
  loinc_code         text,
  -- {method: SUM|AVERAGE|CUSTOM, bands: [{min, max, label, severity}], ...}; computed on the server.
  scoring            jsonb,
  copyright_info     text,
  is_standardized    boolean     NOT NULL DEFAULT false,
  is_active          boolean     NOT NULL DEFAULT true,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  version            bigint      NOT NULL DEFAULT 0,
  CONSTRAINT assessment_templates_organization_id_name_key UNIQUE NULLS NOT DISTINCT (organization_id, name),
  CONSTRAINT assessment_templates_standardized_has_no_org CHECK (NOT is_standardized OR organization_id IS NULL),
  organization_key    text        GENERATED ALWAYS AS (coalesce(organization_id, '')) STORED,
  CONSTRAINT assessment_templates_id_organization_key_key UNIQUE (id, organization_key)
);
CALL vigil_track_updated_at('assessment_templates');
CALL vigil_protect_library_table('assessment_templates');

CREATE TABLE assessment_template_items (
  id                   text        PRIMARY KEY,
  template_id          text        NOT NULL REFERENCES assessment_templates (id) ON DELETE CASCADE,
  metric_definition_id text        NOT NULL REFERENCES metric_definitions (id) ON DELETE RESTRICT,
  display_order        integer     NOT NULL DEFAULT 0,
  is_required          boolean     NOT NULL DEFAULT false,
  help_text            text,
  default_value        text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  -- Designed: the parent's organization, and an item-level flag such as PHQ-9 item 9 > 0.
  organization_id      text,
  organization_key     text        GENERATED ALWAYS AS (coalesce(organization_id, '')) STORED,
  flag_rule            jsonb,
  CONSTRAINT assessment_template_items_template_id_metric_definition_id_key UNIQUE (template_id, metric_definition_id),
  CONSTRAINT assessment_template_items_template_org_fkey FOREIGN KEY (template_id, organization_key)
    REFERENCES assessment_templates (id, organization_key) ON DELETE CASCADE
);
CREATE INDEX assessment_template_items_metric_definition_id_idx ON assessment_template_items (metric_definition_id);
CALL vigil_track_updated_at('assessment_template_items');
CALL vigil_protect_library_table('assessment_template_items');

CREATE TABLE alert_rules (
  id               text        PRIMARY KEY,
  organization_id  text        REFERENCES organizations (id) ON DELETE RESTRICT,
  source_rule_id   text        REFERENCES alert_rules (id) ON DELETE SET NULL,
  name             text        NOT NULL,
  description      text,
  category         text,
  severity         text        NOT NULL
                   CONSTRAINT alert_rules_severity_check CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
  priority         integer     NOT NULL DEFAULT 0 CONSTRAINT alert_rules_priority_check CHECK (priority BETWEEN 0 AND 10),
  -- Typed condition tree, validated by the alerting module before it is stored.
  conditions       jsonb       NOT NULL,
  actions          jsonb       NOT NULL DEFAULT '{}'::jsonb,
  cooldown_minutes integer     NOT NULL DEFAULT 60 CONSTRAINT alert_rules_cooldown_check CHECK (cooldown_minutes >= 0),
  clinical_evidence text,
  is_standardized  boolean     NOT NULL DEFAULT false,
  is_active        boolean     NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          bigint      NOT NULL DEFAULT 0,
  CONSTRAINT alert_rules_organization_id_name_key UNIQUE NULLS NOT DISTINCT (organization_id, name),
  CONSTRAINT alert_rules_standardized_has_no_org CHECK (NOT is_standardized OR organization_id IS NULL)
);
CALL vigil_track_updated_at('alert_rules');
CALL vigil_protect_library_table('alert_rules');

CREATE TABLE condition_presets (
  id                  text        PRIMARY KEY,
  organization_id     text        REFERENCES organizations (id) ON DELETE RESTRICT,
  source_preset_id    text        REFERENCES condition_presets (id) ON DELETE SET NULL,
  name                text        NOT NULL,
  description         text,
  category            text,
  is_standardized     boolean     NOT NULL DEFAULT false,
  clinical_guidelines jsonb,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  is_active           boolean     NOT NULL DEFAULT true,
  version             bigint      NOT NULL DEFAULT 0,
  CONSTRAINT condition_presets_organization_id_name_key UNIQUE NULLS NOT DISTINCT (organization_id, name),
  -- The seed's rule: standardized presets have organizationId = null and isStandardized = true.
  CONSTRAINT condition_presets_standardized_has_no_org CHECK (NOT is_standardized OR organization_id IS NULL),
  organization_key    text        GENERATED ALWAYS AS (coalesce(organization_id, '')) STORED,
  CONSTRAINT condition_presets_id_organization_key_key UNIQUE (id, organization_key)
);
CREATE INDEX condition_presets_source_preset_id_idx ON condition_presets (source_preset_id);
CALL vigil_track_updated_at('condition_presets');
CALL vigil_protect_library_table('condition_presets');

CREATE TABLE condition_preset_diagnoses (
  id                  text        PRIMARY KEY,
  condition_preset_id text        NOT NULL REFERENCES condition_presets (id) ON DELETE CASCADE,
  icd10               text        NOT NULL,
  snomed              text,
  label               text        NOT NULL,
  is_primary          boolean     NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  organization_id     text,
  organization_key     text        GENERATED ALWAYS AS (coalesce(organization_id, '')) STORED,
  CONSTRAINT condition_preset_diagnoses_condition_preset_id_icd10_key UNIQUE (condition_preset_id, icd10),
  CONSTRAINT condition_preset_diagnoses_preset_org_fkey FOREIGN KEY (condition_preset_id, organization_key)
    REFERENCES condition_presets (id, organization_key) ON DELETE CASCADE
);
CALL vigil_track_updated_at('condition_preset_diagnoses');
CALL vigil_protect_library_table('condition_preset_diagnoses');

CREATE TABLE condition_preset_templates (
  id                  text        PRIMARY KEY,
  condition_preset_id text        NOT NULL REFERENCES condition_presets (id) ON DELETE CASCADE,
  template_id         text        NOT NULL REFERENCES assessment_templates (id) ON DELETE RESTRICT,
  -- A String by the seed's rule: days between administrations, e.g. "7" for weekly.
  frequency           text,
  is_required         boolean     NOT NULL DEFAULT false,
  display_order       integer     NOT NULL DEFAULT 0,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  organization_id     text,
  organization_key     text        GENERATED ALWAYS AS (coalesce(organization_id, '')) STORED,
  CONSTRAINT condition_preset_templates_condition_preset_id_template_id_key UNIQUE (condition_preset_id, template_id),
  CONSTRAINT condition_preset_templates_preset_org_fkey FOREIGN KEY (condition_preset_id, organization_key)
    REFERENCES condition_presets (id, organization_key) ON DELETE CASCADE
);
CREATE INDEX condition_preset_templates_template_id_idx ON condition_preset_templates (template_id);
CALL vigil_track_updated_at('condition_preset_templates');
CALL vigil_protect_library_table('condition_preset_templates');

CREATE TABLE condition_preset_alert_rules (
  id                  text        PRIMARY KEY,
  condition_preset_id text        NOT NULL REFERENCES condition_presets (id) ON DELETE CASCADE,
  alert_rule_id       text        NOT NULL REFERENCES alert_rules (id) ON DELETE RESTRICT,
  priority            integer     NOT NULL DEFAULT 0
                      CONSTRAINT condition_preset_alert_rules_priority_check CHECK (priority BETWEEN 0 AND 10),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  organization_id     text,
  organization_key     text        GENERATED ALWAYS AS (coalesce(organization_id, '')) STORED,
  is_enabled          boolean     NOT NULL DEFAULT true,
  CONSTRAINT condition_preset_alert_rules_preset_id_rule_id_key UNIQUE (condition_preset_id, alert_rule_id),
  CONSTRAINT condition_preset_alert_rules_preset_org_fkey FOREIGN KEY (condition_preset_id, organization_key)
    REFERENCES condition_presets (id, organization_key) ON DELETE CASCADE
);
CREATE INDEX condition_preset_alert_rules_alert_rule_id_idx ON condition_preset_alert_rules (alert_rule_id);
CALL vigil_track_updated_at('condition_preset_alert_rules');
CALL vigil_protect_library_table('condition_preset_alert_rules');

CREATE TABLE drugs (
  id                text        PRIMARY KEY,
  organization_id   text        REFERENCES organizations (id) ON DELETE RESTRICT,
  name              text        NOT NULL,
  generic_name      text,
  brand_name        text,
  dosage_form       text,
  strength          text,
  manufacturer      text,
  ndc_number        text,
  rxnorm_code       text,
  drug_class        text,
  is_standardized   boolean     NOT NULL DEFAULT false,
  is_active         boolean     NOT NULL DEFAULT true,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           bigint      NOT NULL DEFAULT 0,
  CONSTRAINT drugs_organization_id_name_strength_key UNIQUE NULLS NOT DISTINCT (organization_id, name, strength),
  CONSTRAINT drugs_organization_id_ndc_number_key UNIQUE (organization_id, ndc_number),
  CONSTRAINT drugs_standardized_has_no_org CHECK (NOT is_standardized OR organization_id IS NULL)
);
CREATE UNIQUE INDEX drugs_standard_ndc_number_key ON drugs (ndc_number) WHERE organization_id IS NULL;
CALL vigil_track_updated_at('drugs');
CALL vigil_protect_library_table('drugs');

CALL vigil_guard_reference('assessment_template_items', 'metric_definition_id', 'metric_definitions');
CALL vigil_guard_reference('condition_preset_templates', 'template_id', 'assessment_templates');
CALL vigil_guard_reference('condition_preset_alert_rules', 'alert_rule_id', 'alert_rules');
