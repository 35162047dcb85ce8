-- Module `billing`: reimbursement rate tables, each organization's billing policy, and closed
-- billing periods. The programs, codes and national rate tables themselves are data, loaded
-- idempotently at start from classpath billing/cms-catalog.json (org.vigil.billing.internal.CatalogLoader).

-- A rate table prices codes for dates of service in [effective_from, effective_to).
-- organization_id NULL: a national table shipped with Vigil (readable by every tenant, written only
-- by the platform); otherwise an organization's own negotiated rates, which replace the national
-- amount for the codes it lists. A loaded table is never edited: a CMS correction (e.g. CMS-1832-F2,
-- billing-rules-verified.md "Limits of this search") is a new table that names the one it supersedes,
-- and every computed amount records the table that priced it.
CREATE TABLE billing_rate_tables (
  id                text          PRIMARY KEY,
  organization_id   text          REFERENCES organizations (id) ON DELETE RESTRICT,
  code              text          NOT NULL,
  name              text          NOT NULL,
  effective_from    date          NOT NULL,
  effective_to      date,
  conversion_factor numeric(10, 4),
  source            text          NOT NULL,
  supersedes_id     text          REFERENCES billing_rate_tables (id) ON DELETE RESTRICT,
  created_at        timestamptz   NOT NULL DEFAULT now(),
  updated_at        timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT billing_rate_tables_period CHECK (effective_to IS NULL OR effective_to > effective_from)
);
CREATE UNIQUE INDEX billing_rate_tables_national_code ON billing_rate_tables (code) WHERE organization_id IS NULL;
CREATE UNIQUE INDEX billing_rate_tables_organization_code ON billing_rate_tables (organization_id, code)
  WHERE organization_id IS NOT NULL;
CALL vigil_track_updated_at('billing_rate_tables');
CALL vigil_protect_library_table('billing_rate_tables');

CREATE TABLE billing_rates (
  id              text           PRIMARY KEY,
  rate_table_id   text           NOT NULL REFERENCES billing_rate_tables (id) ON DELETE CASCADE,
  -- Copied from the table so row-level security applies to each rate as to its table.
  organization_id text           REFERENCES organizations (id) ON DELETE RESTRICT,
  cpt_code        text           NOT NULL CONSTRAINT billing_rates_cpt_code_format CHECK (cpt_code ~ '^[0-9A-Z][0-9]{3}[0-9A-Z]$'),
  -- NULL: no national amount (contractor-priced, or no figure in the sources).
  amount          numeric(10, 2) CONSTRAINT billing_rates_amount_check CHECK (amount IS NULL OR amount >= 0),
  -- false: the figure is kept from the domain documents but was marked [verify]/unresolved there.
  verified        boolean        NOT NULL DEFAULT false,
  note            text,
  created_at      timestamptz    NOT NULL DEFAULT now(),
  updated_at      timestamptz    NOT NULL DEFAULT now(),
  CONSTRAINT billing_rates_rate_table_id_cpt_code_key UNIQUE (rate_table_id, cpt_code)
);
CREATE INDEX billing_rates_organization_id_idx ON billing_rates (organization_id);
CALL vigil_track_updated_at('billing_rates');
CALL vigil_protect_library_table('billing_rates');

-- An organization's billing policy for the rules the sources leave unresolved
-- (billing-rules-verified.md §C rules 9, 10, 14, 18, 20 and §D). No row: every default below.
CREATE TABLE billing_policies (
  organization_id           text        PRIMARY KEY REFERENCES organizations (id) ON DELETE RESTRICT,
  -- §C rule 9: two-way real-time secure messaging as the interactive contact. UNRESOLVED; off.
  secure_messaging_counts   boolean     NOT NULL DEFAULT false,
  -- Add-on unit caps by code ({"99458": 2}); codes not listed use the catalog's cap (default 2
  -- where the MUE is unresolved, verified row 3).
  add_on_caps               jsonb       NOT NULL DEFAULT '{}'::jsonb
                            CONSTRAINT billing_policies_add_on_caps_object CHECK (jsonb_typeof(add_on_caps) = 'object'),
  -- §C rule 20: supervision of PCM clinical-staff time. UNRESOLVED; GENERAL (AAPC says DIRECT).
  pcm_staff_supervision     text        NOT NULL DEFAULT 'GENERAL'
                            CONSTRAINT billing_policies_pcm_staff_supervision_check CHECK (pcm_staff_supervision IN ('GENERAL', 'DIRECT')),
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  version                   bigint      NOT NULL DEFAULT 0
);
CALL vigil_track_updated_at('billing_policies');
CALL vigil_protect_tenant_table('billing_policies');

-- A closed billing month: the claim lines as they were when the period was closed. Immutable:
-- data that arrives later shows as a difference against this snapshot, never as a silent change.
CREATE TABLE billing_period_closes (
  id                text           PRIMARY KEY,
  organization_id   text           NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  -- The first day of the closed calendar month (organization time zone).
  month             date           NOT NULL CONSTRAINT billing_period_closes_month_first_day CHECK (extract(day FROM month) = 1),
  closed_at         timestamptz    NOT NULL,
  closed_by_user_id text           REFERENCES users (id) ON DELETE RESTRICT,
  -- Array of claim lines (org.vigil.billing.internal.ClaimLine as JSON).
  lines             jsonb          NOT NULL CONSTRAINT billing_period_closes_lines_array CHECK (jsonb_typeof(lines) = 'array'),
  total_amount      numeric(12, 2) NOT NULL,
  created_at        timestamptz    NOT NULL DEFAULT now(),
  CONSTRAINT billing_period_closes_organization_id_month_key UNIQUE (organization_id, month)
);
CALL vigil_protect_tenant_table('billing_period_closes');
CALL vigil_guard_reference('billing_period_closes', 'closed_by_user_id', 'users');

CREATE FUNCTION vigil_refuse_period_close_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'billing_period_closes is immutable: % is not allowed', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER billing_period_closes_immutable BEFORE UPDATE OR DELETE ON billing_period_closes
  FOR EACH ROW EXECUTE FUNCTION vigil_refuse_period_close_change();
CREATE TRIGGER billing_period_closes_no_truncate BEFORE TRUNCATE ON billing_period_closes
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_refuse_period_close_change();
