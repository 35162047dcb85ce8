-- Module `identity`: email verification tokens, and the lookup of a password-reset token.
-- Tokens are 32 random bytes; only their SHA-256 hash is stored, looked up by exact hash (an
-- index probe, never a scan), valid one hour, single use.

CREATE TABLE email_verification_tokens (
  id          text        PRIMARY KEY,
  user_id     text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  email       text        NOT NULL,
  token_hash  text        NOT NULL CONSTRAINT email_verification_tokens_token_hash_key UNIQUE,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_verification_tokens_user_id_idx ON email_verification_tokens (user_id);
ALTER TABLE email_verification_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_verification_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY own_tokens ON email_verification_tokens TO vigil_app
  USING (user_id = vigil_current_user()) WITH CHECK (user_id = vigil_current_user());
CREATE POLICY platform_administration ON email_verification_tokens TO vigil_platform USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON email_verification_tokens TO vigil_app, vigil_platform;

DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('CREATE POLICY owner_token_lookup ON email_verification_tokens FOR SELECT TO %I USING (true)', current_user);
  END IF;
END
$$;

-- The account whose pending password reset has this token hash, or no row.
CREATE FUNCTION vigil_password_reset_lookup(p_token_hash text)
  RETURNS TABLE (id text, password_reset_expires timestamptz, is_active boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT u.id, u.password_reset_expires, u.is_active FROM users u WHERE u.password_reset_token = p_token_hash
  $$;

-- The email verification token with this hash, or no row.
CREATE FUNCTION vigil_email_verification_lookup(p_token_hash text)
  RETURNS TABLE (id text, user_id text, email text, expires_at timestamptz, used_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT t.id, t.user_id, t.email, t.expires_at, t.used_at FROM email_verification_tokens t
    WHERE t.token_hash = p_token_hash
  $$;

REVOKE ALL ON FUNCTION vigil_password_reset_lookup(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION vigil_email_verification_lookup(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vigil_password_reset_lookup(text) TO vigil_app;
GRANT EXECUTE ON FUNCTION vigil_email_verification_lookup(text) TO vigil_app;
