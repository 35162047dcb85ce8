-- Vigil database foundation: roles, helper functions and the row-level-security toolkit used by
-- every later migration.
--
-- Roles (cluster-wide, so created only when missing):
--   vigil_app       tenant work. NOLOGIN, NOBYPASSRLS, owns nothing. Every pooled connection runs
--                   `SET ROLE vigil_app` when it is opened, and each tenant transaction sets
--                   app.org_id (see org.vigil.tenancy.TenantScope). Policies admit only that
--                   organization's rows; with no organization set they admit none.
--   vigil_platform  explicit, audited platform administration (org.vigil.tenancy.PlatformScope):
--                   policies admit every row. Also NOLOGIN, NOBYPASSRLS.
-- The migration owner (the configured database user) owns the tables; FORCE ROW LEVEL SECURITY
-- subjects the owner to the policies too unless it is a superuser.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vigil_app') THEN
    CREATE ROLE vigil_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vigil_platform') THEN
    CREATE ROLE vigil_platform NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  -- A non-superuser owner must be a member to `SET ROLE`; a superuser may switch to any role.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT vigil_app, vigil_platform TO %I', current_user);
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO vigil_app, vigil_platform;

-- The organization the current transaction works for, or NULL (fail closed).
-- NULLIF: after a transaction that used SET LOCAL the setting exists but is ''.
CREATE FUNCTION vigil_current_org() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.org_id', true), '') $$;

-- The signed-in user of the current transaction, or NULL.
CREATE FUNCTION vigil_current_user() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.user_id', true), '') $$;

-- True when the text names a time zone PostgreSQL knows (used by organizations.time_zone).
CREATE FUNCTION vigil_is_time_zone(tz text) RETURNS boolean
  LANGUAGE plpgsql IMMUTABLE
  AS $$
BEGIN
  PERFORM now() AT TIME ZONE tz;
  RETURN true;
EXCEPTION WHEN invalid_parameter_value THEN
  RETURN false;
END
$$;

-- updated_at is maintained on every UPDATE unless the application set it itself (it uses its
-- injectable Clock); created_at/updated_at default to now() for rows written without them.
CREATE FUNCTION vigil_touch_updated_at() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END
$$;

CREATE PROCEDURE vigil_track_updated_at(t regclass)
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER touch_updated_at BEFORE UPDATE ON %s '
                 'FOR EACH ROW EXECUTE FUNCTION vigil_touch_updated_at()', t);
END
$$;

-- A tenant-owned table: organization_id NOT NULL; tenants see and write only their own rows.
CREATE PROCEDURE vigil_protect_tenant_table(t regclass)
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s TO vigil_app '
                 'USING (organization_id = vigil_current_org()) '
                 'WITH CHECK (organization_id = vigil_current_org())', t);
  EXECUTE format('CREATE POLICY platform_administration ON %s TO vigil_platform '
                 'USING (true) WITH CHECK (true)', t);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO vigil_app, vigil_platform', t);
END
$$;

-- A clinical-library table: organization_id NULL marks a standardized row, readable by every
-- tenant and writable by none (only platform administration maintains the standard library);
-- a non-NULL organization_id marks an organization's own copy, private to it.
CREATE PROCEDURE vigil_protect_library_table(t regclass)
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
  EXECUTE format('CREATE POLICY library_read ON %s FOR SELECT TO vigil_app '
                 'USING (organization_id IS NULL OR organization_id = vigil_current_org())', t);
  EXECUTE format('CREATE POLICY library_insert ON %s FOR INSERT TO vigil_app '
                 'WITH CHECK (organization_id = vigil_current_org())', t);
  EXECUTE format('CREATE POLICY library_update ON %s FOR UPDATE TO vigil_app '
                 'USING (organization_id = vigil_current_org()) '
                 'WITH CHECK (organization_id = vigil_current_org())', t);
  EXECUTE format('CREATE POLICY library_delete ON %s FOR DELETE TO vigil_app '
                 'USING (organization_id = vigil_current_org())', t);
  EXECUTE format('CREATE POLICY platform_administration ON %s TO vigil_platform '
                 'USING (true) WITH CHECK (true)', t);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO vigil_app, vigil_platform', t);
END
$$;

-- A global catalog (billing programs, CPT codes): every tenant reads it, only the platform writes.
CREATE PROCEDURE vigil_protect_catalog_table(t regclass)
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('GRANT SELECT ON %s TO vigil_app', t);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO vigil_platform', t);
END
$$;

-- A row may reference a shared row (a clinical-library row, or a user) only when the writer can
-- see it: for the library a standardized row or one of its own organization's; for users a
-- member of its organization. Foreign-key checks bypass row-level security, so without this a
-- tenant could point at another organization's private copy or staff by guessing an id. The
-- lookup runs as the writing role, under its policies.
-- Usage: CALL vigil_guard_reference('table', 'column', 'referenced table')
CREATE FUNCTION vigil_check_visible_reference() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  ref_id  text;
  old_id  text;
  visible boolean;
BEGIN
  EXECUTE format('SELECT ($1).%I', TG_ARGV[0]) INTO ref_id USING NEW;
  IF ref_id IS NULL THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    -- An unchanged reference was checked when it was written.
    EXECUTE format('SELECT ($1).%I', TG_ARGV[0]) INTO old_id USING OLD;
    IF old_id IS NOT DISTINCT FROM ref_id THEN
      RETURN NEW;
    END IF;
  END IF;
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1)', TG_ARGV[1]) INTO visible USING ref_id;
  IF NOT visible THEN
    RAISE EXCEPTION '%.% references %.id % which does not exist for this organization',
      TG_TABLE_NAME, TG_ARGV[0], TG_ARGV[1], ref_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE PROCEDURE vigil_guard_reference(t regclass, col text, target text)
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OF %I ON %s FOR EACH ROW '
                 'EXECUTE FUNCTION vigil_check_visible_reference(%L, %L)',
                 'guard_' || col, col, t, col, target);
END
$$;
