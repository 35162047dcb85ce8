-- Module `patients`: per-patient alert thresholds. A rule may name an override key instead of a
-- fixed number ({"override": "sbp_high", "default": 180}); a patient's row for that key replaces the
-- default for that patient only (a clinician's decision, with its reason, audited).
CREATE TABLE patient_threshold_overrides (
  id              text        PRIMARY KEY,
  organization_id text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  patient_id      text        NOT NULL,
  key             text        NOT NULL CONSTRAINT patient_threshold_overrides_key_format CHECK (key ~ '^[a-z][a-z0-9_]*$'),
  value           numeric     NOT NULL,
  reason          text        NOT NULL,
  set_by_user_id  text        REFERENCES users (id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT patient_threshold_overrides_patient_id_key_key UNIQUE (patient_id, key),
  CONSTRAINT patient_threshold_overrides_patient_fkey FOREIGN KEY (patient_id, organization_id)
    REFERENCES patients (id, organization_id) ON DELETE RESTRICT
);
CALL vigil_track_updated_at('patient_threshold_overrides');
CALL vigil_protect_tenant_table('patient_threshold_overrides');
CALL vigil_guard_reference('patient_threshold_overrides', 'set_by_user_id', 'users');
