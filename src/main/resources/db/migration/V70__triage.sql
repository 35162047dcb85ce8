-- Module `alerting`: the triage queue (issue 7).

-- Escalations of an alert, one row per level: written by the SLA escalation job (escalated_by_id
-- NULL) or by a member, and read by open screens (the in-app notification). The unique key makes
-- "once per level" hold however many job runs or nodes race.
CREATE TABLE alert_escalations (
  id              text        PRIMARY KEY,
  organization_id text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  alert_id        text        NOT NULL,
  level           integer     NOT NULL CONSTRAINT alert_escalations_level_check CHECK (level >= 1),
  -- Who should act now: a member named by whoever escalated, or for the SLA job the claimant (NULL:
  -- the organization's queue as a whole).
  target_user_id  text        REFERENCES users (id) ON DELETE SET NULL,
  reason          text        NOT NULL,
  escalated_by_id text        REFERENCES users (id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT alert_escalations_alert_fkey FOREIGN KEY (alert_id, organization_id)
    REFERENCES alerts (id, organization_id) ON DELETE CASCADE,
  CONSTRAINT alert_escalations_alert_id_level_key UNIQUE (alert_id, level)
);
CREATE INDEX alert_escalations_organization_id_created_at_idx ON alert_escalations (organization_id, created_at);
CALL vigil_protect_tenant_table('alert_escalations');
CALL vigil_guard_reference('alert_escalations', 'target_user_id', 'users');
CALL vigil_guard_reference('alert_escalations', 'escalated_by_id', 'users');

-- The queue reads open alerts of one organization; the escalation job looks for breached ones.
CREATE INDEX alerts_open_queue_idx ON alerts (organization_id, triggered_at)
  WHERE status IN ('PENDING', 'ACKNOWLEDGED');
CREATE INDEX alerts_open_sla_breach_time_idx ON alerts (sla_breach_time)
  WHERE status IN ('PENDING', 'ACKNOWLEDGED');
