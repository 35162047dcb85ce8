-- Module `identity` (with `tenancy`'s membership rule): who is calling the API, asked on every
-- request. One key-hole statement instead of a session check plus a tenant transaction (BEGIN,
-- scope, membership query, COMMIT): the active membership of the token's user in the token's
-- organization — membership, organization and user all active — and only while the token's
-- session (refresh-token family) of that user is live, so logout, refresh-token reuse, "all
-- sessions revoked" and deactivation end access at once. The caller's user, organization and
-- session come from an access token whose signature was verified; the answer is at most one row,
-- by exact keys (primary key / unique index probes).

-- Run with the owner's rights; a non-superuser owner is itself subject to FORCE ROW LEVEL SECURITY,
-- so it gets a read policy on the two tables this reads beyond V11's (users, refresh_tokens).
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('CREATE POLICY owner_api_caller_lookup ON organizations FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY owner_api_caller_lookup ON user_organizations FOR SELECT TO %I USING (true)', current_user);
  END IF;
END
$$;

CREATE FUNCTION vigil_api_caller(p_user_id text, p_organization_id text, p_family_id text)
  RETURNS TABLE (user_id text, organization_id text, name text, role text, permissions text[], mfa_missing boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT uo.user_id, uo.organization_id, o.name, uo.role, uo.permissions,
           coalesce((o.settings ->> 'mfaRequired')::boolean, false) AND NOT u.mfa_enabled
    FROM user_organizations uo
    JOIN organizations o ON o.id = uo.organization_id
    JOIN users u ON u.id = uo.user_id
    WHERE uo.user_id = p_user_id AND uo.organization_id = p_organization_id
      AND uo.is_active AND o.is_active AND u.is_active
      AND EXISTS (SELECT 1 FROM refresh_tokens t
                  WHERE t.family_id = p_family_id AND t.user_id = p_user_id
                    AND t.revoked_at IS NULL AND t.expires_at > now())
  $$;

REVOKE ALL ON FUNCTION vigil_api_caller(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vigil_api_caller(text, text, text) TO vigil_app;
