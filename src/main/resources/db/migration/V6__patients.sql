-- Module `patients`: clinicians, patients, care programs and enrollments (all seed models).
-- References between tenant tables are composite (id, organization_id) foreign keys, so a row can
-- never point at another organization's row, whatever id it names.
-- Patients and clinicians are deactivated, not deleted: every reference to them is RESTRICT.

CREATE TABLE clinicians (
  id              text        PRIMARY KEY,
  organization_id text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  first_name      text        NOT NULL,
  last_name       text        NOT NULL,
  email           text        NOT NULL,
  phone           text,
  specialization  text,
  license_number  text,
  npi_number      text        CONSTRAINT clinicians_npi_number_format CHECK (npi_number ~ '^[0-9]{10}$'),
  credentials     text,
  department      text,
  is_active       boolean     NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  -- Designed: the explicit link to the user who works as this clinician (never matched by email).
  user_id         text        REFERENCES users (id) ON DELETE SET NULL,
  version         bigint      NOT NULL DEFAULT 0,
  CONSTRAINT clinicians_id_organization_id_key UNIQUE (id, organization_id),
  CONSTRAINT clinicians_organization_id_email_key UNIQUE (organization_id, email),
  CONSTRAINT clinicians_organization_id_user_id_key UNIQUE (organization_id, user_id),
  CONSTRAINT clinicians_organization_id_npi_number_key UNIQUE (organization_id, npi_number)
);
CALL vigil_track_updated_at('clinicians');
CALL vigil_protect_tenant_table('clinicians');

CREATE TABLE patients (
  id                    text        PRIMARY KEY,
  organization_id       text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  medical_record_number text,
  first_name            text        NOT NULL,
  last_name             text        NOT NULL,
  -- Seed type DateTime; a birth date is a calendar date with no time zone, stored as one so it
  -- can never shift by a day.
  date_of_birth         date        NOT NULL,
  gender                text        CONSTRAINT patients_gender_check CHECK (gender IN ('MALE', 'FEMALE', 'OTHER', 'UNKNOWN')),
  email                 text,
  phone                 text,
  address               text,
  emergency_contact     jsonb
                        CONSTRAINT patients_emergency_contact_object CHECK (emergency_contact IS NULL OR jsonb_typeof(emergency_contact) = 'object'),
  insurance_info        jsonb
                        CONSTRAINT patients_insurance_info_object CHECK (insurance_info IS NULL OR jsonb_typeof(insurance_info) = 'object'),
  is_active             boolean     NOT NULL DEFAULT true,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               bigint      NOT NULL DEFAULT 0,
  CONSTRAINT patients_organization_id_medical_record_number_key UNIQUE (organization_id, medical_record_number),
  CONSTRAINT patients_id_organization_id_key UNIQUE (id, organization_id)
);
CREATE INDEX patients_organization_id_name_idx ON patients (organization_id, last_name, first_name);
CREATE INDEX patients_organization_id_date_of_birth_idx ON patients (organization_id, date_of_birth);
CALL vigil_track_updated_at('patients');
CALL vigil_protect_tenant_table('patients');

CREATE TABLE care_programs (
  id              text        PRIMARY KEY,
  organization_id text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  name            text        NOT NULL,
  type            text        NOT NULL
                  CONSTRAINT care_programs_type_check
                  CHECK (type IN ('REMOTE_PATIENT_MONITORING', 'REMOTE_THERAPEUTIC_MONITORING',
                                  'CHRONIC_CARE_MANAGEMENT', 'PRINCIPAL_CARE_MANAGEMENT',
                                  'ADVANCED_PRIMARY_CARE_MANAGEMENT', 'BEHAVIORAL_HEALTH_INTEGRATION',
                                  'TRANSITIONAL_CARE_MANAGEMENT', 'GENERAL_WELLNESS')),
  description     text,
  is_active       boolean     NOT NULL DEFAULT true,
  settings        jsonb       NOT NULL DEFAULT '{}'::jsonb
                  CONSTRAINT care_programs_settings_object CHECK (jsonb_typeof(settings) = 'object'),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         bigint      NOT NULL DEFAULT 0,
  CONSTRAINT care_programs_organization_id_name_key UNIQUE (organization_id, name),
  CONSTRAINT care_programs_id_organization_id_key UNIQUE (id, organization_id)
);
CALL vigil_track_updated_at('care_programs');
CALL vigil_protect_tenant_table('care_programs');

CREATE TABLE enrollments (
  id                  text        PRIMARY KEY,
  organization_id     text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  patient_id          text        NOT NULL,
  clinician_id        text        NOT NULL,
  care_program_id     text        NOT NULL,
  billing_program_id  text        REFERENCES billing_programs (id) ON DELETE RESTRICT,
  status              text        NOT NULL DEFAULT 'ACTIVE'
                      CONSTRAINT enrollments_status_check
                      CHECK (status IN ('PENDING', 'ACTIVE', 'INACTIVE', 'COMPLETED', 'WITHDRAWN')),
  start_date          timestamptz NOT NULL,
  end_date            timestamptz,
  -- {eligible: boolean, insurance: {type: string}, chronicConditions: string[], consent?: boolean}
  billing_eligibility jsonb
                      CONSTRAINT enrollments_billing_eligibility_shape CHECK (
                        billing_eligibility IS NULL OR (
                          jsonb_typeof(billing_eligibility) = 'object'
                          AND coalesce(jsonb_typeof(billing_eligibility -> 'eligible'), 'missing') = 'boolean'
                          AND coalesce(jsonb_typeof(billing_eligibility -> 'insurance'), 'object') = 'object'
                          AND coalesce(jsonb_typeof(billing_eligibility -> 'chronicConditions'), 'array') = 'array'
                          AND coalesce(jsonb_typeof(billing_eligibility -> 'consent'), 'boolean') = 'boolean')),
  notes               text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  -- Designed: the condition preset that drives the enrollment's assessments and alert rules.
  condition_preset_id text        REFERENCES condition_presets (id) ON DELETE RESTRICT,
  version             bigint      NOT NULL DEFAULT 0,
  CONSTRAINT enrollments_id_organization_id_key UNIQUE (id, organization_id),
  CONSTRAINT enrollments_period CHECK (end_date IS NULL OR end_date >= start_date),
  CONSTRAINT enrollments_patient_fkey FOREIGN KEY (patient_id, organization_id)
    REFERENCES patients (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT enrollments_clinician_fkey FOREIGN KEY (clinician_id, organization_id)
    REFERENCES clinicians (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT enrollments_care_program_fkey FOREIGN KEY (care_program_id, organization_id)
    REFERENCES care_programs (id, organization_id) ON DELETE RESTRICT
);
CREATE INDEX enrollments_organization_id_status_idx ON enrollments (organization_id, status);
CREATE INDEX enrollments_patient_id_idx ON enrollments (patient_id);
CREATE INDEX enrollments_clinician_id_idx ON enrollments (clinician_id);
CREATE INDEX enrollments_care_program_id_idx ON enrollments (care_program_id);
CALL vigil_track_updated_at('enrollments');
CALL vigil_protect_tenant_table('enrollments');
CALL vigil_guard_reference('enrollments', 'condition_preset_id', 'condition_presets');
CALL vigil_guard_reference('clinicians', 'user_id', 'users');
