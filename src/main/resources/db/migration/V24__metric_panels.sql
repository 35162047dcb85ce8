-- Module `library`: metrics measured together as one panel. Blood pressure is the panel LOINC
-- 85354-9 of systolic (8480-6) and diastolic (8462-4) readings taken at the same moment: each
-- component is its own metric (own unit, ranges, rules) and names its panel, so a reading of the
-- panel ({"systolic": 142, "diastolic": 91}) becomes one observation per component.
ALTER TABLE metric_definitions
  ADD COLUMN panel_key text CONSTRAINT metric_definitions_panel_key_format CHECK (panel_key ~ '^[a-z][a-z0-9_]*$'),
  ADD COLUMN panel_loinc_code text,
  ADD COLUMN panel_component text CONSTRAINT metric_definitions_panel_component_format
    CHECK (panel_component ~ '^[a-z][a-zA-Z0-9]*$'),
  ADD CONSTRAINT metric_definitions_panel_complete
    CHECK ((panel_key IS NULL) = (panel_component IS NULL));
