-- Module `tenancy`: organizations and memberships. Module `identity`: users and credentials.
-- Seed: User (users), Organization (organizations). Designed here: user_organizations,
-- social_accounts, refresh_tokens, api_tokens.

CREATE TABLE organizations (
  id          text        PRIMARY KEY,
  name        text        NOT NULL,
  type        text        NOT NULL
              CONSTRAINT organizations_type_check
              CHECK (type IN ('HOSPITAL', 'CLINIC', 'PRACTICE', 'RESEARCH', 'INSURANCE', 'PHARMACY', 'PLATFORM')),
  domain      text        CONSTRAINT organizations_domain_key UNIQUE,
  email       text,
  phone       text,
  address     text,
  website     text,
  is_active   boolean     NOT NULL DEFAULT true,
  settings    jsonb       DEFAULT '{}'::jsonb
              CONSTRAINT organizations_settings_object CHECK (settings IS NULL OR jsonb_typeof(settings) = 'object'),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  -- Designed: calendar days and months (billing, rollups) are counted in the clinic's zone.
  time_zone   text        NOT NULL DEFAULT 'America/New_York'
              CONSTRAINT organizations_time_zone_check CHECK (vigil_is_time_zone(time_zone)),
  version     bigint      NOT NULL DEFAULT 0
);
CALL vigil_track_updated_at('organizations');

CREATE TABLE users (
  id                     text        PRIMARY KEY,
  -- Unique case-insensitively: stored lower-cased (the CHECK), so the UNIQUE constraint suffices.
  email                  text        NOT NULL CONSTRAINT users_email_key UNIQUE
                         CONSTRAINT users_email_lower_case CHECK (email = lower(email)),
  password_hash          text,
  first_name             text,
  last_name              text,
  avatar                 text,
  phone                  text,
  is_platform_admin      boolean     NOT NULL DEFAULT false,
  is_active              boolean     NOT NULL DEFAULT true,
  email_verified         boolean     NOT NULL DEFAULT false,
  mfa_enabled            boolean     NOT NULL DEFAULT false,
  -- Encrypted at rest by the identity module (never the plain TOTP secret).
  mfa_secret             text,
  -- One-way hashes of the single-use backup codes, never the codes.
  backup_codes           text[]      DEFAULT '{}'::text[],
  last_login_at          timestamptz,
  -- SHA-256 hash of the reset token (hex), so a lookup is one index probe, never a scan.
  password_reset_token   text        CONSTRAINT users_password_reset_token_key UNIQUE,
  password_reset_expires timestamptz,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  -- Designed for brute-force protection and session revocation.
  email_verified_at      timestamptz,
  failed_login_count     integer     NOT NULL DEFAULT 0,
  locked_until           timestamptz,
  password_changed_at    timestamptz,
  version                bigint      NOT NULL DEFAULT 0
);
CALL vigil_track_updated_at('users');

CREATE TABLE user_organizations (
  id              text        PRIMARY KEY,
  user_id         text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organization_id text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  role            text        NOT NULL
                  CONSTRAINT user_organizations_role_check
                  CHECK (role IN ('ORG_ADMIN', 'PHYSICIAN', 'CLINICIAN', 'NURSE', 'CARE_COORDINATOR',
                                  'BILLING_ADMIN', 'RESEARCHER', 'AUDITOR')),
  -- Explicit extra permissions granted on top of the role's template.
  permissions     text[]      NOT NULL DEFAULT '{}'::text[],
  is_active       boolean     NOT NULL DEFAULT true,
  joined_at       timestamptz NOT NULL DEFAULT now(),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         bigint      NOT NULL DEFAULT 0,
  CONSTRAINT user_organizations_user_id_organization_id_key UNIQUE (user_id, organization_id)
);
CREATE INDEX user_organizations_organization_id_idx ON user_organizations (organization_id);
CALL vigil_track_updated_at('user_organizations');

-- OpenID Connect account links. Provider access/refresh tokens are deliberately not stored.
CREATE TABLE social_accounts (
  id            text        PRIMARY KEY,
  user_id       text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  provider      text        NOT NULL,
  issuer        text,
  provider_id   text        NOT NULL,
  email         text,
  last_login_at timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT social_accounts_provider_provider_id_key UNIQUE (provider, provider_id)
);
CREATE INDEX social_accounts_user_id_idx ON social_accounts (user_id);
CALL vigil_track_updated_at('social_accounts');

-- Opaque refresh tokens, stored only as SHA-256 hashes, rotated on use; a reused token revokes its
-- whole family.
CREATE TABLE refresh_tokens (
  id              text        PRIMARY KEY,
  user_id         text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organization_id text        REFERENCES organizations (id) ON DELETE CASCADE,
  family_id       text        NOT NULL,
  token_hash      text        NOT NULL CONSTRAINT refresh_tokens_token_hash_key UNIQUE,
  expires_at      timestamptz NOT NULL,
  used_at         timestamptz,
  revoked_at      timestamptz,
  replaced_by_id  text        REFERENCES refresh_tokens (id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_user_id_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id);

-- Long-lived API tokens for integrations (device gateways, EHR feeds), scoped to one organization.
CREATE TABLE api_tokens (
  id              text        PRIMARY KEY,
  organization_id text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  user_id         text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name            text        NOT NULL,
  token_prefix    text        NOT NULL,
  token_hash      text        NOT NULL CONSTRAINT api_tokens_token_hash_key UNIQUE,
  scopes          text[]      NOT NULL DEFAULT '{}'::text[],
  expires_at      timestamptz,
  last_used_at    timestamptz,
  revoked_at      timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_tokens_organization_id_idx ON api_tokens (organization_id);
CALL vigil_track_updated_at('api_tokens');

-- Row-level security ---------------------------------------------------------------------------

-- organizations: a tenant sees its own organization and those its signed-in user belongs to
-- (the organization switcher); it may update only its own; creating and deleting organizations
-- is platform administration.
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY organization_read ON organizations FOR SELECT TO vigil_app
  USING (id = vigil_current_org()
         OR id IN (SELECT uo.organization_id FROM user_organizations uo
                   WHERE uo.user_id = vigil_current_user() AND uo.is_active));
CREATE POLICY organization_update ON organizations FOR UPDATE TO vigil_app
  USING (id = vigil_current_org()) WITH CHECK (id = vigil_current_org());
CREATE POLICY platform_administration ON organizations TO vigil_platform USING (true) WITH CHECK (true);
GRANT SELECT, UPDATE ON organizations TO vigil_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON organizations TO vigil_platform;

-- user_organizations: the organization's memberships, plus the signed-in user's own.
ALTER TABLE user_organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY membership_read ON user_organizations FOR SELECT TO vigil_app
  USING (organization_id = vigil_current_org() OR user_id = vigil_current_user());
CREATE POLICY membership_insert ON user_organizations FOR INSERT TO vigil_app
  WITH CHECK (organization_id = vigil_current_org());
CREATE POLICY membership_update ON user_organizations FOR UPDATE TO vigil_app
  USING (organization_id = vigil_current_org()) WITH CHECK (organization_id = vigil_current_org());
CREATE POLICY membership_delete ON user_organizations FOR DELETE TO vigil_app
  USING (organization_id = vigil_current_org());
CREATE POLICY platform_administration ON user_organizations TO vigil_platform USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON user_organizations TO vigil_app, vigil_platform;

-- users: a tenant sees the signed-in user and the members of its organization, and may update
-- only the signed-in user. Creating users (invitation, registration) and looking a user up by
-- email before sign-in are platform operations of the identity module.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY user_read ON users FOR SELECT TO vigil_app
  USING (id = vigil_current_user()
         OR id IN (SELECT uo.user_id FROM user_organizations uo
                   WHERE uo.organization_id = vigil_current_org()));
CREATE POLICY user_update ON users FOR UPDATE TO vigil_app
  USING (id = vigil_current_user()) WITH CHECK (id = vigil_current_user());
CREATE POLICY platform_administration ON users TO vigil_platform USING (true) WITH CHECK (true);
GRANT SELECT, UPDATE ON users TO vigil_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON users TO vigil_platform;

-- social_accounts and refresh_tokens belong to a user, not an organization.
ALTER TABLE social_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE social_accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY own_accounts ON social_accounts TO vigil_app
  USING (user_id = vigil_current_user()) WITH CHECK (user_id = vigil_current_user());
CREATE POLICY platform_administration ON social_accounts TO vigil_platform USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON social_accounts TO vigil_app, vigil_platform;

ALTER TABLE refresh_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE refresh_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY own_tokens ON refresh_tokens TO vigil_app
  USING (user_id = vigil_current_user()) WITH CHECK (user_id = vigil_current_user());
CREATE POLICY platform_administration ON refresh_tokens TO vigil_platform USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON refresh_tokens TO vigil_app, vigil_platform;

CALL vigil_protect_tenant_table('api_tokens');
CALL vigil_guard_reference('api_tokens', 'user_id', 'users');
