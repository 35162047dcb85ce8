-- Module `identity`: whether a sign-in session (a refresh-token family) is still live, asked on
-- every API request before anyone is known: access tokens name their session (claim `sid`), so
-- logout, refresh-token reuse and "all sessions revoked" end the access tokens of that session at
-- once instead of when they expire. A key-hole like V11: one boolean, by exact family id (indexed in V2).

CREATE FUNCTION vigil_session_live(p_family_id text)
  RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT EXISTS (SELECT 1 FROM refresh_tokens t
                   WHERE t.family_id = p_family_id AND t.revoked_at IS NULL AND t.expires_at > now())
  $$;

REVOKE ALL ON FUNCTION vigil_session_live(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vigil_session_live(text) TO vigil_app;
