-- Module `identity`: single sign-on with OpenID Connect. An identity is the pair (issuer, subject)
-- of a verified ID token; social_accounts.provider_id holds the subject and provider the
-- registration id. An identity belongs to at most one Vigil user.
CREATE UNIQUE INDEX social_accounts_issuer_subject_key ON social_accounts (issuer, provider_id);

DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('CREATE POLICY owner_social_account_lookup ON social_accounts FOR SELECT TO %I USING (true)',
                   current_user);
  END IF;
END
$$;

-- Before sign-in nobody is known, and row-level security admits a user's own social accounts
-- only. This answers exactly one question by exact key (an index probe): which user, if any, is
-- this verified identity linked to? It returns the user id and nothing else.
CREATE FUNCTION vigil_social_account_user(p_issuer text, p_subject text) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT s.user_id FROM social_accounts s WHERE s.issuer = p_issuer AND s.provider_id = p_subject
  $$;

REVOKE ALL ON FUNCTION vigil_social_account_user(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vigil_social_account_user(text, text) TO vigil_app;
