-- Module `tenancy`: invitations to join an organization, sent by email. The role is chosen by
-- the inviter, never by the invitee. Token: 32 random bytes, stored only as its SHA-256 hash,
-- valid seven days, single use.
CREATE TABLE invitations (
  id               text        PRIMARY KEY,
  organization_id  text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  email            text        NOT NULL CONSTRAINT invitations_email_lower_case CHECK (email = lower(email)),
  role             text        NOT NULL
                   CONSTRAINT invitations_role_check
                   CHECK (role IN ('ORG_ADMIN', 'PHYSICIAN', 'CLINICIAN', 'NURSE', 'CARE_COORDINATOR',
                                   'BILLING_ADMIN', 'RESEARCHER', 'AUDITOR')),
  token_hash       text        NOT NULL CONSTRAINT invitations_token_hash_key UNIQUE,
  invited_by_id    text        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  expires_at       timestamptz NOT NULL,
  accepted_at      timestamptz,
  accepted_user_id text        REFERENCES users (id) ON DELETE SET NULL,
  revoked_at       timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invitations_organization_id_idx ON invitations (organization_id, created_at DESC);
CALL vigil_track_updated_at('invitations');
CALL vigil_protect_tenant_table('invitations');
CALL vigil_guard_reference('invitations', 'invited_by_id', 'users');

DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('CREATE POLICY owner_invitation_lookup ON invitations FOR SELECT TO %I USING (true)', current_user);
  END IF;
END
$$;

-- The invitation with this token hash, or no row (before sign-in nobody is known).
CREATE FUNCTION vigil_invitation_lookup(p_token_hash text)
  RETURNS TABLE (id text, organization_id text, email text, role text, expires_at timestamptz,
                 accepted_at timestamptz, revoked_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT i.id, i.organization_id, i.email, i.role, i.expires_at, i.accepted_at, i.revoked_at
    FROM invitations i WHERE i.token_hash = p_token_hash
  $$;
REVOKE ALL ON FUNCTION vigil_invitation_lookup(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vigil_invitation_lookup(text) TO vigil_app;
