-- Module `billing`: the billing-program catalog (seed: BillingProgram, CPTCode). A global catalog:
-- every tenant reads it, only platform administration writes it. Organization-specific rates come
-- with the billing issue as their own tenant table.

CREATE TABLE billing_programs (
  id                text        PRIMARY KEY,
  name              text        NOT NULL,
  code              text        NOT NULL CONSTRAINT billing_programs_code_key UNIQUE,
  description       text,
  program_type      text        NOT NULL,
  payer             text,
  effective_date    timestamptz NOT NULL,
  expiration_date   timestamptz,
  -- Array of {ruleType: INSURANCE|DIAGNOSIS|CONSENT|CUSTOM, description, logic}.
  eligibility_rules jsonb       NOT NULL
                    CONSTRAINT billing_programs_eligibility_rules_shape CHECK (
                      jsonb_typeof(eligibility_rules) = 'array'
                      AND NOT jsonb_path_exists(eligibility_rules,
                        '$[*] ? (!(@.ruleType == "INSURANCE" || @.ruleType == "DIAGNOSIS" || @.ruleType == "CONSENT" || @.ruleType == "CUSTOM"))')),
  is_active         boolean     NOT NULL DEFAULT true,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT billing_programs_effective_period CHECK (expiration_date IS NULL OR expiration_date > effective_date)
);
CALL vigil_track_updated_at('billing_programs');
CALL vigil_protect_catalog_table('billing_programs');

CREATE TABLE cpt_codes (
  id                   text          PRIMARY KEY,
  billing_program_id   text          NOT NULL REFERENCES billing_programs (id) ON DELETE CASCADE,
  code                 text          NOT NULL,
  category             text          NOT NULL
                       CONSTRAINT cpt_codes_category_check
                       CHECK (category IN ('SETUP', 'DATA_COLLECTION', 'CLINICAL_TIME', 'TREATMENT_TIME')),
  description          text          NOT NULL,
  requirements         jsonb
                       CONSTRAINT cpt_codes_requirements_object CHECK (requirements IS NULL OR jsonb_typeof(requirements) = 'object'),
  -- Seed type Float; money is stored exactly (numeric), never as binary floating point.
  reimbursement_amount numeric(10, 2) CONSTRAINT cpt_codes_reimbursement_amount_check CHECK (reimbursement_amount >= 0),
  billing_frequency    text,
  is_active            boolean       NOT NULL DEFAULT true,
  created_at           timestamptz   NOT NULL DEFAULT now(),
  updated_at           timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT cpt_codes_billing_program_id_code_key UNIQUE (billing_program_id, code)
);
CALL vigil_track_updated_at('cpt_codes');
CALL vigil_protect_catalog_table('cpt_codes');
