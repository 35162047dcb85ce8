-- Module `identity`: vigil_api_caller (V110) unchanged in what it answers, now in PL/pgSQL. A
-- SQL-language function with a SET clause (search_path, needed for SECURITY DEFINER) is never
-- inlined, and PostgreSQL parses and plans its body again on every call: 0.5 ms per API request in
-- the ingestion benchmark, the most expensive statement of a single-reading POST. PL/pgSQL keeps the
-- plan of its query for the life of the connection.
CREATE OR REPLACE FUNCTION vigil_api_caller(p_user_id text, p_organization_id text, p_family_id text)
  RETURNS TABLE (user_id text, organization_id text, name text, role text, permissions text[], mfa_missing boolean)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  RETURN QUERY
    SELECT uo.user_id, uo.organization_id, o.name, uo.role, uo.permissions,
           coalesce((o.settings ->> 'mfaRequired')::boolean, false) AND NOT u.mfa_enabled
    FROM user_organizations uo
    JOIN organizations o ON o.id = uo.organization_id
    JOIN users u ON u.id = uo.user_id
    WHERE uo.user_id = p_user_id AND uo.organization_id = p_organization_id
      AND uo.is_active AND o.is_active AND u.is_active
      AND EXISTS (SELECT 1 FROM refresh_tokens t
                  WHERE t.family_id = p_family_id AND t.user_id = p_user_id
                    AND t.revoked_at IS NULL AND t.expires_at > now());
END
$$;

REVOKE ALL ON FUNCTION vigil_api_caller(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vigil_api_caller(text, text, text) TO vigil_app;
