-- Module `library`: a version number for each organization's own library and one for the
-- standardized library (''), changed by every write to the rows that the metric and rule look-ups
-- of ingestion and alert evaluation read. Those look-ups are remembered between transactions
-- (org.vigil.library.LibraryCache) and used only while the version a transaction reads — one
-- statement per transaction instead of up to five look-ups — is the one they were loaded under.
--
-- Versions come from a sequence, never from version + 1: a change that is rolled back leaves its
-- number unused for ever, so no later change can bring back a number a look-up was loaded under.
CREATE SEQUENCE library_version_seq;

CREATE TABLE library_versions (
  organization_key text   PRIMARY KEY,  -- the organization's id, or '' for the standardized library
  version          bigint NOT NULL
);

-- A tenant reads the standardized library's version and its own, and writes its own (through the
-- trigger below, when it changes its own library); platform administration writes any. ENABLE
-- without FORCE: the migration owner (a later migration that writes library rows) is not subject
-- to these policies; vigil_app and vigil_platform, as every other role but the owner, are.
ALTER TABLE library_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY library_versions_read ON library_versions FOR SELECT TO vigil_app
  USING (organization_key = '' OR organization_key = vigil_current_org());
CREATE POLICY library_versions_insert ON library_versions FOR INSERT TO vigil_app
  WITH CHECK (organization_key = vigil_current_org());
CREATE POLICY library_versions_update ON library_versions FOR UPDATE TO vigil_app
  USING (organization_key = vigil_current_org()) WITH CHECK (organization_key = vigil_current_org());
CREATE POLICY platform_administration ON library_versions TO vigil_platform USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE ON library_versions TO vigil_app, vigil_platform;
GRANT USAGE ON SEQUENCE library_version_seq TO vigil_app, vigil_platform;

CREATE FUNCTION vigil_bump_library_version() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO library_versions AS v (organization_key, version)
      VALUES (coalesce(OLD.organization_id, ''), nextval('library_version_seq'))
      ON CONFLICT (organization_key) DO UPDATE SET version = excluded.version;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.organization_id IS DISTINCT FROM OLD.organization_id) THEN
    INSERT INTO library_versions AS v (organization_key, version)
      VALUES (coalesce(NEW.organization_id, ''), nextval('library_version_seq'))
      ON CONFLICT (organization_key) DO UPDATE SET version = excluded.version;
  END IF;
  RETURN NULL;
END
$$;

-- Every table the remembered look-ups read (MetricCatalog, AlertRuleCatalog).
CREATE TRIGGER library_version_on_change AFTER INSERT OR UPDATE OR DELETE ON metric_definitions
  FOR EACH ROW EXECUTE FUNCTION vigil_bump_library_version();
CREATE TRIGGER library_version_on_change AFTER INSERT OR UPDATE OR DELETE ON alert_rules
  FOR EACH ROW EXECUTE FUNCTION vigil_bump_library_version();
CREATE TRIGGER library_version_on_change AFTER INSERT OR UPDATE OR DELETE ON condition_preset_alert_rules
  FOR EACH ROW EXECUTE FUNCTION vigil_bump_library_version();
CREATE TRIGGER library_version_on_change AFTER INSERT OR UPDATE OR DELETE ON condition_preset_templates
  FOR EACH ROW EXECUTE FUNCTION vigil_bump_library_version();
CREATE TRIGGER library_version_on_change AFTER INSERT OR UPDATE OR DELETE ON assessment_template_items
  FOR EACH ROW EXECUTE FUNCTION vigil_bump_library_version();

-- TRUNCATE (nothing in Vigil truncates these tables; a repair by hand might) names no
-- organization: every version changes. The standardized library's row always exists, so even
-- an organization without a row of its own sees the change.
INSERT INTO library_versions (organization_key, version) VALUES ('', nextval('library_version_seq'));
CREATE FUNCTION vigil_bump_every_library_version() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE library_versions SET version = nextval('library_version_seq');
  RETURN NULL;
END
$$;
CREATE TRIGGER library_version_on_truncate AFTER TRUNCATE ON metric_definitions
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_bump_every_library_version();
CREATE TRIGGER library_version_on_truncate AFTER TRUNCATE ON alert_rules
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_bump_every_library_version();
CREATE TRIGGER library_version_on_truncate AFTER TRUNCATE ON condition_preset_alert_rules
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_bump_every_library_version();
CREATE TRIGGER library_version_on_truncate AFTER TRUNCATE ON condition_preset_templates
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_bump_every_library_version();
CREATE TRIGGER library_version_on_truncate AFTER TRUNCATE ON assessment_template_items
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_bump_every_library_version();
