-- Module `alerting`: alerts and the triage queue (seed: Alert).

CREATE TABLE alerts (
  id               text             PRIMARY KEY,
  organization_id  text             NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  patient_id       text             NOT NULL,
  rule_id          text             NOT NULL REFERENCES alert_rules (id) ON DELETE RESTRICT,
  clinician_id     text,
  status           text             NOT NULL DEFAULT 'PENDING'
                   CONSTRAINT alerts_status_check CHECK (status IN ('PENDING', 'ACKNOWLEDGED', 'RESOLVED', 'DISMISSED')),
  severity         text             NOT NULL
                   CONSTRAINT alerts_severity_check CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
  priority         integer          NOT NULL DEFAULT 0 CONSTRAINT alerts_priority_check CHECK (priority BETWEEN 0 AND 10),
  message          text             NOT NULL,
  details          jsonb,
  risk_score       double precision CONSTRAINT alerts_risk_score_check CHECK (risk_score BETWEEN 0 AND 10),
  priority_rank    integer,
  sla_breach_time  timestamptz,
  -- The user who claimed the alert (a User, not a Clinician).
  claimed_by_id    text             REFERENCES users (id) ON DELETE SET NULL,
  claimed_at       timestamptz,
  triggered_at     timestamptz      NOT NULL DEFAULT now(),
  acknowledged_at  timestamptz,
  resolved_at      timestamptz,
  resolution_notes text,
  action_taken     text,
  created_at       timestamptz      NOT NULL DEFAULT now(),
  updated_at       timestamptz      NOT NULL DEFAULT now(),
  -- Designed for triage: attribution, snooze, escalation, who resolved (evidence readings are in details).
  enrollment_id    text,
  resolved_by_id   text             REFERENCES users (id) ON DELETE SET NULL,
  snoozed_until    timestamptz,
  escalation_level integer          NOT NULL DEFAULT 0 CONSTRAINT alerts_escalation_level_check CHECK (escalation_level >= 0),
  escalated_at     timestamptz,
  version          bigint           NOT NULL DEFAULT 0,
  CONSTRAINT alerts_id_organization_id_key UNIQUE (id, organization_id),
  CONSTRAINT alerts_patient_fkey FOREIGN KEY (patient_id, organization_id)
    REFERENCES patients (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT alerts_clinician_fkey FOREIGN KEY (clinician_id, organization_id)
    REFERENCES clinicians (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT alerts_enrollment_fkey FOREIGN KEY (enrollment_id, organization_id)
    REFERENCES enrollments (id, organization_id) ON DELETE RESTRICT
);
-- Seed index: [organizationId, status] for fast triage queue queries.
CREATE INDEX alerts_organization_id_status_idx ON alerts (organization_id, status);
CREATE INDEX alerts_patient_id_triggered_at_idx ON alerts (patient_id, triggered_at);
CREATE INDEX alerts_rule_id_idx ON alerts (rule_id);
CREATE INDEX alerts_claimed_by_id_idx ON alerts (claimed_by_id) WHERE claimed_by_id IS NOT NULL;
CALL vigil_track_updated_at('alerts');
CALL vigil_protect_tenant_table('alerts');
CALL vigil_guard_reference('alerts', 'rule_id', 'alert_rules');
-- References to users must name a member of the writer's organization (or the signed-in user).
CALL vigil_guard_reference('alerts', 'claimed_by_id', 'users');
CALL vigil_guard_reference('alerts', 'resolved_by_id', 'users');
