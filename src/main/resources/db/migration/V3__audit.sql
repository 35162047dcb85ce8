-- Module `audit`: the append-only audit log (who, what, which record, from where, when).
-- Rows are only ever inserted: UPDATE, DELETE and TRUNCATE are refused by triggers, for every
-- role including the owner, and the application roles are granted nothing but SELECT and INSERT.
-- `details` carries identifiers and field names, never PHI values.

CREATE TABLE audit_logs (
  id              text        PRIMARY KEY,
  organization_id text        REFERENCES organizations (id) ON DELETE RESTRICT,
  user_id         text        REFERENCES users (id) ON DELETE RESTRICT,
  action          text        NOT NULL,
  resource_type   text,
  resource_id     text,
  outcome         text        NOT NULL DEFAULT 'SUCCESS'
                  CONSTRAINT audit_logs_outcome_check CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
  ip_address      text,
  user_agent      text,
  details         jsonb       NOT NULL DEFAULT '{}'::jsonb,
  hipaa_relevant  boolean     NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_logs_organization_id_created_at_idx ON audit_logs (organization_id, created_at DESC);
CREATE INDEX audit_logs_user_id_created_at_idx ON audit_logs (user_id, created_at DESC);
CREATE INDEX audit_logs_resource_idx ON audit_logs (resource_type, resource_id);

CREATE FUNCTION vigil_refuse_audit_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_logs_append_only BEFORE UPDATE OR DELETE ON audit_logs
  FOR EACH ROW EXECUTE FUNCTION vigil_refuse_audit_change();
CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_refuse_audit_change();

-- A tenant reads its organization's entries and writes entries for itself (or organization-less
-- ones such as a failed sign-in); the platform reads and writes all.
ALTER TABLE audit_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_logs FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON audit_logs FOR SELECT TO vigil_app
  USING (organization_id = vigil_current_org());
CREATE POLICY audit_append ON audit_logs FOR INSERT TO vigil_app
  WITH CHECK (organization_id IS NULL OR organization_id = vigil_current_org());
CREATE POLICY platform_read ON audit_logs FOR SELECT TO vigil_platform USING (true);
CREATE POLICY platform_append ON audit_logs FOR INSERT TO vigil_platform WITH CHECK (true);
GRANT SELECT, INSERT ON audit_logs TO vigil_app, vigil_platform;
