-- Module `tenancy` (V1's reference guard): the same rule, cheaper. V1's trigger function read the
-- guarded column and looked the reference up with dynamic SQL (EXECUTE format(...)), which
-- PostgreSQL parses and plans on every call: two or three plannings per guarded column per row.
-- A row trigger fires for every proposed row of an INSERT ... ON CONFLICT, so the rule engine's
-- alert upsert (125 alerts a batch, three guarded columns) spent ~60 ms per statement here (found
-- with auto_explain in the ingestion benchmark). Now the column is read from the row as JSON and
-- the lookup is a static query per referenced table, planned once per connection; any other table
-- still takes the dynamic path. The lookup still runs as the writing role, under its policies.
CREATE OR REPLACE FUNCTION vigil_check_visible_reference() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  ref_id  text;
  visible boolean;
BEGIN
  ref_id := to_jsonb(NEW) ->> TG_ARGV[0];
  IF ref_id IS NULL THEN
    RETURN NEW;
  END IF;
  -- An unchanged reference was checked when it was written.
  IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) ->> TG_ARGV[0]) IS NOT DISTINCT FROM ref_id THEN
    RETURN NEW;
  END IF;
  CASE TG_ARGV[1]
    WHEN 'users' THEN
      visible := EXISTS (SELECT 1 FROM users WHERE id = ref_id);
    WHEN 'alert_rules' THEN
      visible := EXISTS (SELECT 1 FROM alert_rules WHERE id = ref_id);
    WHEN 'metric_definitions' THEN
      visible := EXISTS (SELECT 1 FROM metric_definitions WHERE id = ref_id);
    WHEN 'assessment_templates' THEN
      visible := EXISTS (SELECT 1 FROM assessment_templates WHERE id = ref_id);
    WHEN 'condition_presets' THEN
      visible := EXISTS (SELECT 1 FROM condition_presets WHERE id = ref_id);
    ELSE
      EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1)', TG_ARGV[1]) INTO visible USING ref_id;
  END CASE;
  IF NOT visible THEN
    RAISE EXCEPTION '%.% references %.id % which does not exist for this organization',
      TG_TABLE_NAME, TG_ARGV[0], TG_ARGV[1], ref_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END
$$;
