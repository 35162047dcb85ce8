-- Module `identity`: the two lookups that must happen before anyone is known, each as narrow as a
-- key-hole. The application role cannot read the users or refresh_tokens tables before sign-in
-- (row-level security admits only the signed-in user); these functions, running with the owner's
-- rights, answer exactly one question each, by exact key (an index probe, never a scan).

-- Run with the owner's rights; a non-superuser owner is itself subject to FORCE ROW LEVEL SECURITY,
-- so it gets a read policy on exactly these two tables.
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('CREATE POLICY owner_sign_in_lookup ON users FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY owner_sign_in_lookup ON refresh_tokens FOR SELECT TO %I USING (true)', current_user);
  END IF;
END
$$;

-- The sign-in facts of the account with this email (compared lower-cased), or no row.
CREATE FUNCTION vigil_sign_in_lookup(p_email text)
  RETURNS TABLE (id text, password_hash text, is_active boolean, mfa_enabled boolean,
                 failed_login_count integer, locked_until timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT u.id, u.password_hash, u.is_active, u.mfa_enabled, u.failed_login_count, u.locked_until
    FROM users u WHERE u.email = lower(p_email)
  $$;

-- The refresh token with this SHA-256 hash, or no row.
CREATE FUNCTION vigil_refresh_token_lookup(p_token_hash text)
  RETURNS TABLE (id text, user_id text, organization_id text, family_id text,
                 expires_at timestamptz, used_at timestamptz, revoked_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT t.id, t.user_id, t.organization_id, t.family_id, t.expires_at, t.used_at, t.revoked_at
    FROM refresh_tokens t WHERE t.token_hash = p_token_hash
  $$;

REVOKE ALL ON FUNCTION vigil_sign_in_lookup(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION vigil_refresh_token_lookup(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vigil_sign_in_lookup(text) TO vigil_app;
GRANT EXECUTE ON FUNCTION vigil_refresh_token_lookup(text) TO vigil_app;
