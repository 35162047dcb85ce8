-- Module `library`: assessment templates get a stable key (phq9, gad7…), the name by which alert
-- rules refer to a questionnaire ({"assessment": "phq9", …}) and the standard library matches its
-- shipped templates on upgrade. Like metric keys: unique per organization and among standardized
-- templates, and an organization's copy keeps the key of its source, taking its place.
ALTER TABLE assessment_templates ADD COLUMN key text
  CONSTRAINT assessment_templates_key_format CHECK (key ~ '^[a-z][a-z0-9_]*$');
-- Templates without a key (an organization's ad-hoc form) are not constrained.
CREATE UNIQUE INDEX assessment_templates_organization_key_key_key
  ON assessment_templates (organization_key, key) WHERE key IS NOT NULL;
