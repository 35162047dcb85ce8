-- Module `patients`: a patient's diagnoses and consents (designed; the seed has neither, but
-- billing needs both: chronic-condition counts come from diagnoses, and CMS requires documented
-- consent, including cost-sharing, for RPM/RTM/CCM/PCM/APCM).

CREATE TABLE patient_diagnoses (
  id              text        PRIMARY KEY,
  organization_id text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  patient_id      text        NOT NULL,
  -- ICD-10-CM, upper case with the dot after the category (I10, E11.9, I50.22).
  icd10_code      text        NOT NULL
                  CONSTRAINT patient_diagnoses_icd10_code_format
                  CHECK (icd10_code ~ '^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$'),
  label           text        NOT NULL,
  is_primary      boolean     NOT NULL DEFAULT false,
  onset_date      date,
  resolved_date   date,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         bigint      NOT NULL DEFAULT 0,
  CONSTRAINT patient_diagnoses_id_organization_id_key UNIQUE (id, organization_id),
  CONSTRAINT patient_diagnoses_period CHECK (resolved_date IS NULL OR onset_date IS NULL OR resolved_date >= onset_date),
  CONSTRAINT patient_diagnoses_patient_fkey FOREIGN KEY (patient_id, organization_id)
    REFERENCES patients (id, organization_id) ON DELETE RESTRICT
);
-- One current primary diagnosis per patient; the same code is listed once while unresolved.
CREATE UNIQUE INDEX patient_diagnoses_one_primary ON patient_diagnoses (patient_id)
  WHERE is_primary AND resolved_date IS NULL;
CREATE UNIQUE INDEX patient_diagnoses_current_code ON patient_diagnoses (patient_id, icd10_code)
  WHERE resolved_date IS NULL;
CREATE INDEX patient_diagnoses_organization_id_patient_id_idx ON patient_diagnoses (organization_id, patient_id);
CALL vigil_track_updated_at('patient_diagnoses');
CALL vigil_protect_tenant_table('patient_diagnoses');

-- Consents are legal records: never edited or deleted, only revoked (revoked_on set once).
CREATE TABLE patient_consents (
  id                        text        PRIMARY KEY,
  organization_id           text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  patient_id                text        NOT NULL,
  type                      text        NOT NULL
                            CONSTRAINT patient_consents_type_check CHECK (type IN ('TREATMENT', 'BILLING', 'PROGRAM')),
  -- For PROGRAM consents: which kind of program (the care program types).
  program_type              text
                            CONSTRAINT patient_consents_program_type_check
                            CHECK (program_type IN ('REMOTE_PATIENT_MONITORING', 'REMOTE_THERAPEUTIC_MONITORING',
                                   'CHRONIC_CARE_MANAGEMENT', 'PRINCIPAL_CARE_MANAGEMENT',
                                   'ADVANCED_PRIMARY_CARE_MANAGEMENT', 'BEHAVIORAL_HEALTH_INTEGRATION',
                                   'TRANSITIONAL_CARE_MANAGEMENT', 'GENERAL_WELLNESS')),
  consented_on              date        NOT NULL,
  method                    text        NOT NULL
                            CONSTRAINT patient_consents_method_check CHECK (method IN ('VERBAL', 'WRITTEN', 'ELECTRONIC')),
  -- CMS: consent must disclose the Part B cost-sharing (billing-and-clinical-codes.md).
  cost_sharing_acknowledged boolean     NOT NULL DEFAULT false,
  recorded_by_user_id       text        REFERENCES users (id) ON DELETE RESTRICT,
  revoked_on                date,
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  version                   bigint      NOT NULL DEFAULT 0,
  CONSTRAINT patient_consents_id_organization_id_key UNIQUE (id, organization_id),
  CONSTRAINT patient_consents_program_type_required
    CHECK ((type = 'PROGRAM') = (program_type IS NOT NULL)),
  CONSTRAINT patient_consents_revocation CHECK (revoked_on IS NULL OR revoked_on >= consented_on),
  CONSTRAINT patient_consents_patient_fkey FOREIGN KEY (patient_id, organization_id)
    REFERENCES patients (id, organization_id) ON DELETE RESTRICT
);
CREATE INDEX patient_consents_organization_id_patient_id_idx ON patient_consents (organization_id, patient_id);
CALL vigil_track_updated_at('patient_consents');
CALL vigil_protect_tenant_table('patient_consents');
CALL vigil_guard_reference('patient_consents', 'recorded_by_user_id', 'users');

-- Nothing but the revocation of a consent may change after it is recorded.
CREATE FUNCTION vigil_consent_only_revocation() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'patient_consents rows are legal records and are never deleted'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD.revoked_on IS NOT NULL
     OR (to_jsonb(NEW) - 'revoked_on' - 'updated_at' - 'version') <> (to_jsonb(OLD) - 'revoked_on' - 'updated_at' - 'version') THEN
    RAISE EXCEPTION 'a consent can only be revoked, once'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER patient_consents_only_revocation BEFORE UPDATE OR DELETE ON patient_consents
  FOR EACH ROW EXECUTE FUNCTION vigil_consent_only_revocation();
