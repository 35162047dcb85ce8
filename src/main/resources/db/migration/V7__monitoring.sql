-- Module `monitoring`: observations (seed), assessments, scheduled assessments, medications and
-- adherence, devices and their assignments to patients.
-- organization_id is on every table, including where the seed leaves it implicit (observations).

CREATE TABLE observations (
  id                text        PRIMARY KEY,
  patient_id        text        NOT NULL,
  enrollment_id     text,
  metric_id         text        NOT NULL REFERENCES metric_definitions (id) ON DELETE RESTRICT,
  -- The reading as typed JSON: a number, boolean, string or {systolic, diastolic}-style object.
  value             jsonb       NOT NULL,
  unit              text,
  source            text        NOT NULL DEFAULT 'MANUAL'
                    CONSTRAINT observations_source_check CHECK (source IN ('MANUAL', 'DEVICE', 'API', 'IMPORT')),
  source_identifier text,
  context           text
                    CONSTRAINT observations_context_check
                    CHECK (context IN ('WELLNESS', 'PROGRAM_ENROLLMENT', 'CLINICAL_MONITORING', 'ROUTINE_FOLLOWUP')),
  notes             text,
  recorded_at       timestamptz NOT NULL DEFAULT now(),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  organization_id   text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  CONSTRAINT observations_patient_fkey FOREIGN KEY (patient_id, organization_id)
    REFERENCES patients (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT observations_enrollment_fkey FOREIGN KEY (enrollment_id, organization_id)
    REFERENCES enrollments (id, organization_id) ON DELETE RESTRICT
);
CREATE INDEX observations_patient_id_metric_id_recorded_at_idx ON observations (patient_id, metric_id, recorded_at);
CREATE INDEX observations_enrollment_id_recorded_at_idx ON observations (enrollment_id, recorded_at) WHERE enrollment_id IS NOT NULL;
CREATE INDEX observations_organization_id_recorded_at_idx ON observations (organization_id, recorded_at);
CALL vigil_track_updated_at('observations');
CALL vigil_protect_tenant_table('observations');
CALL vigil_guard_reference('observations', 'metric_id', 'metric_definitions');

CREATE TABLE assessments (
  id              text        PRIMARY KEY,
  organization_id text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  patient_id      text        NOT NULL,
  enrollment_id   text,
  template_id     text        NOT NULL REFERENCES assessment_templates (id) ON DELETE RESTRICT,
  clinician_id    text,
  submitted_by_id text        REFERENCES users (id) ON DELETE SET NULL,
  source          text        NOT NULL DEFAULT 'MANUAL'
                  CONSTRAINT assessments_source_check CHECK (source IN ('MANUAL', 'DEVICE', 'API', 'IMPORT')),
  -- {metricDefinitionId: value}
  responses       jsonb       NOT NULL CONSTRAINT assessments_responses_object CHECK (jsonb_typeof(responses) = 'object'),
  -- Computed on the server from the template's scoring specification.
  score           numeric,
  score_band      text,
  score_details   jsonb,
  completed_at    timestamptz NOT NULL DEFAULT now(),
  notes           text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT assessments_id_organization_id_key UNIQUE (id, organization_id),
  CONSTRAINT assessments_patient_fkey FOREIGN KEY (patient_id, organization_id)
    REFERENCES patients (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT assessments_enrollment_fkey FOREIGN KEY (enrollment_id, organization_id)
    REFERENCES enrollments (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT assessments_clinician_fkey FOREIGN KEY (clinician_id, organization_id)
    REFERENCES clinicians (id, organization_id) ON DELETE RESTRICT
);
CREATE INDEX assessments_patient_id_completed_at_idx ON assessments (patient_id, completed_at);
CREATE INDEX assessments_template_id_idx ON assessments (template_id);
CALL vigil_track_updated_at('assessments');
CALL vigil_protect_tenant_table('assessments');
CALL vigil_guard_reference('assessments', 'template_id', 'assessment_templates');

-- Observations an assessment produced (its items and its total), so charts, rules and billing see them.
ALTER TABLE observations ADD COLUMN assessment_id text;
ALTER TABLE observations ADD CONSTRAINT observations_assessment_fkey FOREIGN KEY (assessment_id, organization_id)
  REFERENCES assessments (id, organization_id) ON DELETE RESTRICT;
CREATE INDEX observations_assessment_id_idx ON observations (assessment_id) WHERE assessment_id IS NOT NULL;

CREATE TABLE scheduled_assessments (
  id                      text        PRIMARY KEY,
  organization_id         text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  patient_id              text        NOT NULL,
  enrollment_id           text        NOT NULL,
  template_id             text        NOT NULL REFERENCES assessment_templates (id) ON DELETE RESTRICT,
  condition_preset_id     text        REFERENCES condition_presets (id) ON DELETE SET NULL,
  -- Days between administrations as in ConditionPresetTemplate.frequency ("7" = weekly).
  frequency               text,
  due_at                  timestamptz NOT NULL,
  status                  text        NOT NULL DEFAULT 'PENDING'
                          CONSTRAINT scheduled_assessments_status_check
                          CHECK (status IN ('PENDING', 'IN_PROGRESS', 'COMPLETED', 'OVERDUE', 'CANCELLED')),
  priority                integer     NOT NULL DEFAULT 0,
  is_required             boolean     NOT NULL DEFAULT true,
  completed_at            timestamptz,
  completed_assessment_id text        CONSTRAINT scheduled_assessments_completed_assessment_id_key UNIQUE,
  notes                   text,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  version                 bigint      NOT NULL DEFAULT 0,
  CONSTRAINT scheduled_assessments_patient_fkey FOREIGN KEY (patient_id, organization_id)
    REFERENCES patients (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT scheduled_assessments_enrollment_fkey FOREIGN KEY (enrollment_id, organization_id)
    REFERENCES enrollments (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT scheduled_assessments_assessment_fkey FOREIGN KEY (completed_assessment_id, organization_id)
    REFERENCES assessments (id, organization_id) ON DELETE RESTRICT
);
CREATE INDEX scheduled_assessments_organization_id_status_due_at_idx ON scheduled_assessments (organization_id, status, due_at);
CREATE INDEX scheduled_assessments_enrollment_id_idx ON scheduled_assessments (enrollment_id);
CALL vigil_track_updated_at('scheduled_assessments');
CALL vigil_protect_tenant_table('scheduled_assessments');
CALL vigil_guard_reference('scheduled_assessments', 'template_id', 'assessment_templates');

CREATE TABLE patient_medications (
  id               text        PRIMARY KEY,
  organization_id  text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  patient_id       text        NOT NULL,
  drug_id          text        REFERENCES drugs (id) ON DELETE RESTRICT,
  -- The name as prescribed, also for medications not in the formulary.
  medication_name  text        NOT NULL,
  dosage           text,
  frequency        text,
  -- Expected doses per day when the schedule is regular; drives adherence.
  doses_per_day    integer     CONSTRAINT patient_medications_doses_per_day_check CHECK (doses_per_day > 0),
  route            text,
  prescriber_id    text,
  start_date       date        NOT NULL,
  end_date         date,
  is_active        boolean     NOT NULL DEFAULT true,
  instructions     text,
  notes            text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          bigint      NOT NULL DEFAULT 0,
  CONSTRAINT patient_medications_id_organization_id_key UNIQUE (id, organization_id),
  CONSTRAINT patient_medications_period CHECK (end_date IS NULL OR end_date >= start_date),
  CONSTRAINT patient_medications_patient_fkey FOREIGN KEY (patient_id, organization_id)
    REFERENCES patients (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT patient_medications_prescriber_fkey FOREIGN KEY (prescriber_id, organization_id)
    REFERENCES clinicians (id, organization_id) ON DELETE RESTRICT
);
CREATE INDEX patient_medications_patient_id_idx ON patient_medications (patient_id);
CALL vigil_track_updated_at('patient_medications');
CALL vigil_protect_tenant_table('patient_medications');
CALL vigil_guard_reference('patient_medications', 'drug_id', 'drugs');

CREATE TABLE medication_adherence (
  id                    text        PRIMARY KEY,
  organization_id       text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  patient_medication_id text        NOT NULL,
  scheduled_for         timestamptz NOT NULL,
  taken_at              timestamptz,
  status                text        NOT NULL
                        CONSTRAINT medication_adherence_status_check CHECK (status IN ('TAKEN', 'LATE', 'MISSED', 'SKIPPED')),
  source                text        NOT NULL DEFAULT 'MANUAL'
                        CONSTRAINT medication_adherence_source_check CHECK (source IN ('MANUAL', 'DEVICE', 'API', 'IMPORT')),
  notes                 text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT medication_adherence_patient_medication_id_scheduled_for_key UNIQUE (patient_medication_id, scheduled_for),
  CONSTRAINT medication_adherence_medication_fkey FOREIGN KEY (patient_medication_id, organization_id)
    REFERENCES patient_medications (id, organization_id) ON DELETE CASCADE
);
CALL vigil_track_updated_at('medication_adherence');
CALL vigil_protect_tenant_table('medication_adherence');

CREATE TABLE devices (
  id              text        PRIMARY KEY,
  organization_id text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  vendor          text        NOT NULL,
  serial_number   text        NOT NULL,
  model           text,
  device_type     text,
  is_active       boolean     NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         bigint      NOT NULL DEFAULT 0,
  -- A physical device (vendor + serial/IMEI) is registered once, to one organization.
  CONSTRAINT devices_vendor_serial_number_key UNIQUE (vendor, serial_number),
  CONSTRAINT devices_id_organization_id_key UNIQUE (id, organization_id)
);
CALL vigil_track_updated_at('devices');
CALL vigil_protect_tenant_table('devices');

CREATE TABLE device_assignments (
  id              text        PRIMARY KEY,
  organization_id text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  device_id       text        NOT NULL,
  patient_id      text        NOT NULL,
  enrollment_id   text,
  assigned_at     timestamptz NOT NULL,
  unassigned_at   timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT device_assignments_period CHECK (unassigned_at IS NULL OR unassigned_at > assigned_at),
  CONSTRAINT device_assignments_device_fkey FOREIGN KEY (device_id, organization_id)
    REFERENCES devices (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT device_assignments_patient_fkey FOREIGN KEY (patient_id, organization_id)
    REFERENCES patients (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT device_assignments_enrollment_fkey FOREIGN KEY (enrollment_id, organization_id)
    REFERENCES enrollments (id, organization_id) ON DELETE RESTRICT
);
-- A device is with at most one patient at a time.
CREATE UNIQUE INDEX device_assignments_one_open_per_device ON device_assignments (device_id) WHERE unassigned_at IS NULL;
CREATE INDEX device_assignments_patient_id_idx ON device_assignments (patient_id);
CALL vigil_track_updated_at('device_assignments');
CALL vigil_protect_tenant_table('device_assignments');

-- References to users must name a member of the writer's organization (or the signed-in user).
CALL vigil_guard_reference('assessments', 'submitted_by_id', 'users');
