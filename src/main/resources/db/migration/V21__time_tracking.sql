-- Module `carework`: server-side timers (one running timer per user) and the reason for each
-- adjustment of a time log. A stopped timer becomes a time log covering [started_at, ended_at).
CREATE TABLE running_timers (
  id              text        PRIMARY KEY,
  organization_id text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  user_id         text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  patient_id      text        NOT NULL,
  enrollment_id   text,
  activity        text        NOT NULL
                  CONSTRAINT running_timers_activity_check
                  CHECK (activity IN ('CALL_PATIENT', 'REVIEW_DATA', 'MEDICATION_ADJUSTMENT', 'CARE_PLAN_UPDATE',
                                      'DOCUMENTATION', 'COORDINATION', 'EDUCATION', 'OTHER')),
  started_at      timestamptz NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  -- One running timer per user, whatever the organization.
  CONSTRAINT running_timers_user_id_key UNIQUE (user_id),
  CONSTRAINT running_timers_patient_fkey FOREIGN KEY (patient_id, organization_id)
    REFERENCES patients (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT running_timers_enrollment_fkey FOREIGN KEY (enrollment_id, organization_id)
    REFERENCES enrollments (id, organization_id) ON DELETE RESTRICT
);
CALL vigil_track_updated_at('running_timers');
CALL vigil_protect_tenant_table('running_timers');
CALL vigil_guard_reference('running_timers', 'user_id', 'users');

ALTER TABLE time_logs ADD COLUMN adjustment_reason text;
CREATE INDEX time_logs_clinician_id_started_at_idx ON time_logs (clinician_id, started_at) WHERE started_at IS NOT NULL;
