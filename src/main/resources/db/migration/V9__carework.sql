-- Module `carework`: time logs (seed: TimeLog), tasks, encounter notes and saved views.

CREATE TABLE time_logs (
  id                        text        PRIMARY KEY,
  patient_id                text        NOT NULL,
  -- Critical (seed): a Clinician id, never a User id; the composite key makes it the same
  -- organization's clinician too.
  clinician_id              text        NOT NULL,
  enrollment_id             text,
  activity                  text        NOT NULL
                            CONSTRAINT time_logs_activity_check
                            CHECK (activity IN ('CALL_PATIENT', 'REVIEW_DATA', 'MEDICATION_ADJUSTMENT', 'CARE_PLAN_UPDATE',
                                                'DOCUMENTATION', 'COORDINATION', 'EDUCATION', 'OTHER')),
  -- Minutes spent.
  duration                  integer     NOT NULL CONSTRAINT time_logs_duration_check CHECK (duration > 0 AND duration <= 1440),
  cpt_code                  text,
  notes                     text,
  billable                  boolean     NOT NULL DEFAULT false,
  logged_at                 timestamptz NOT NULL DEFAULT now(),
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  organization_id           text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  -- Designed: CMS treatment-management codes need real-time interactive (audio/video) contact.
  interactive_communication boolean     NOT NULL DEFAULT false,
  -- The interval the minutes cover, so the same minutes can never count twice.
  started_at                timestamptz,
  ended_at                  timestamptz,
  source                    text        NOT NULL DEFAULT 'MANUAL'
                            CONSTRAINT time_logs_source_check CHECK (source IN ('TIMER', 'MANUAL', 'ALERT_RESOLUTION', 'ADJUSTMENT')),
  alert_id                  text,
  created_by_id             text        REFERENCES users (id) ON DELETE SET NULL,
  version                   bigint      NOT NULL DEFAULT 0,
  CONSTRAINT time_logs_interval CHECK (ended_at IS NULL OR started_at IS NULL OR ended_at > started_at),
  CONSTRAINT time_logs_patient_fkey FOREIGN KEY (patient_id, organization_id)
    REFERENCES patients (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT time_logs_clinician_fkey FOREIGN KEY (clinician_id, organization_id)
    REFERENCES clinicians (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT time_logs_enrollment_fkey FOREIGN KEY (enrollment_id, organization_id)
    REFERENCES enrollments (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT time_logs_alert_fkey FOREIGN KEY (alert_id, organization_id)
    REFERENCES alerts (id, organization_id) ON DELETE RESTRICT
);
CREATE INDEX time_logs_enrollment_id_logged_at_idx ON time_logs (enrollment_id, logged_at);
CREATE INDEX time_logs_patient_id_logged_at_idx ON time_logs (patient_id, logged_at);
CREATE INDEX time_logs_clinician_id_logged_at_idx ON time_logs (clinician_id, logged_at);
CALL vigil_track_updated_at('time_logs');
CALL vigil_protect_tenant_table('time_logs');

CREATE TABLE tasks (
  id               text        PRIMARY KEY,
  organization_id  text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  patient_id       text,
  task_type        text        NOT NULL
                   CONSTRAINT tasks_task_type_check
                   CHECK (task_type IN ('FOLLOW_UP_CALL', 'MED_REVIEW', 'ADHERENCE_CHECK', 'LAB_ORDER', 'REFERRAL', 'CUSTOM')),
  title            varchar(200) NOT NULL,
  description      text,
  status           text        NOT NULL DEFAULT 'PENDING'
                   CONSTRAINT tasks_status_check CHECK (status IN ('PENDING', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
  priority         text        NOT NULL DEFAULT 'MEDIUM'
                   CONSTRAINT tasks_priority_check CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
  due_date         timestamptz,
  completed_at     timestamptz,
  completion_notes text,
  assigned_to_id   text        REFERENCES users (id) ON DELETE SET NULL,
  assigned_by_id   text        REFERENCES users (id) ON DELETE SET NULL,
  completed_by_id  text        REFERENCES users (id) ON DELETE SET NULL,
  alert_id         text,
  assessment_id    text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          bigint      NOT NULL DEFAULT 0,
  CONSTRAINT tasks_patient_fkey FOREIGN KEY (patient_id, organization_id)
    REFERENCES patients (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT tasks_alert_fkey FOREIGN KEY (alert_id, organization_id)
    REFERENCES alerts (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT tasks_assessment_fkey FOREIGN KEY (assessment_id, organization_id)
    REFERENCES assessments (id, organization_id) ON DELETE RESTRICT
);
CREATE INDEX tasks_organization_id_assigned_to_id_status_due_date_idx ON tasks (organization_id, assigned_to_id, status, due_date);
CREATE INDEX tasks_organization_id_patient_id_status_idx ON tasks (organization_id, patient_id, status);
CREATE INDEX tasks_organization_id_due_date_status_idx ON tasks (organization_id, due_date, status);
CALL vigil_track_updated_at('tasks');
CALL vigil_protect_tenant_table('tasks');

CREATE TABLE encounter_notes (
  id               text        PRIMARY KEY,
  organization_id  text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  patient_id       text        NOT NULL,
  clinician_id     text        NOT NULL,
  alert_id         text,
  encounter_type   text        NOT NULL
                   CONSTRAINT encounter_notes_encounter_type_check
                   CHECK (encounter_type IN ('RPM', 'RTM', 'CCM', 'PCM', 'APCM', 'BHI', 'TCM', 'GENERAL')),
  subjective       text,
  objective        text,
  assessment       text,
  plan             text,
  additional_notes text,
  vitals_snapshot  jsonb,
  is_locked        boolean     NOT NULL DEFAULT false,
  attested_by_id   text        REFERENCES users (id) ON DELETE RESTRICT,
  attested_at      timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          bigint      NOT NULL DEFAULT 0,
  CONSTRAINT encounter_notes_attestation CHECK ((attested_by_id IS NULL) = (attested_at IS NULL)),
  CONSTRAINT encounter_notes_patient_fkey FOREIGN KEY (patient_id, organization_id)
    REFERENCES patients (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT encounter_notes_clinician_fkey FOREIGN KEY (clinician_id, organization_id)
    REFERENCES clinicians (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT encounter_notes_alert_fkey FOREIGN KEY (alert_id, organization_id)
    REFERENCES alerts (id, organization_id) ON DELETE RESTRICT
);
CREATE INDEX encounter_notes_patient_id_created_at_idx ON encounter_notes (patient_id, created_at);
CALL vigil_track_updated_at('encounter_notes');
CALL vigil_protect_tenant_table('encounter_notes');

CREATE TABLE saved_views (
  id              text        PRIMARY KEY,
  organization_id text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  user_id         text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name            text        NOT NULL,
  description     text,
  view_type       text        NOT NULL
                  CONSTRAINT saved_views_view_type_check
                  CHECK (view_type IN ('PATIENT_LIST', 'TRIAGE_QUEUE', 'ASSESSMENT_LIST', 'ENROLLMENT_LIST', 'ALERT_LIST', 'TASK_LIST')),
  filters         jsonb       NOT NULL DEFAULT '{}'::jsonb,
  display_config  jsonb       NOT NULL DEFAULT '{}'::jsonb,
  is_shared       boolean     NOT NULL DEFAULT false,
  is_default      boolean     NOT NULL DEFAULT false,
  usage_count     integer     NOT NULL DEFAULT 0,
  last_used_at    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         bigint      NOT NULL DEFAULT 0,
  CONSTRAINT saved_views_organization_id_user_id_name_key UNIQUE (organization_id, user_id, name)
);
-- At most one default view per user, organization and view type.
CREATE UNIQUE INDEX saved_views_one_default ON saved_views (organization_id, user_id, view_type) WHERE is_default;
CALL vigil_track_updated_at('saved_views');
CALL vigil_protect_tenant_table('saved_views');

-- References to users must name a member of the writer's organization (or the signed-in user).
CALL vigil_guard_reference('time_logs', 'created_by_id', 'users');
CALL vigil_guard_reference('tasks', 'assigned_to_id', 'users');
CALL vigil_guard_reference('tasks', 'assigned_by_id', 'users');
CALL vigil_guard_reference('tasks', 'completed_by_id', 'users');
CALL vigil_guard_reference('encounter_notes', 'attested_by_id', 'users');
CALL vigil_guard_reference('saved_views', 'user_id', 'users');
