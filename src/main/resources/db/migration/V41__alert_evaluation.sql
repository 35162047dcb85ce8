-- Module `alerting`: alerts raised by the rule engine (issue 6).

-- One open alert per patient and rule: a new trigger updates it instead of opening another.
-- The evaluator upserts against this index, so two concurrent evaluations cannot open two.
CREATE UNIQUE INDEX alerts_one_open_per_patient_rule ON alerts (patient_id, rule_id)
  WHERE status IN ('PENDING', 'ACKNOWLEDGED');

-- When the rule last held for the patient (the first trigger is triggered_at) and how often it
-- held while the alert was open; the rule's cool-down counts from last_triggered_at.
ALTER TABLE alerts
  ADD COLUMN last_triggered_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN trigger_count     integer NOT NULL DEFAULT 1 CONSTRAINT alerts_trigger_count_check CHECK (trigger_count >= 1);
UPDATE alerts SET last_triggered_at = triggered_at;
CREATE INDEX alerts_patient_id_rule_id_last_triggered_at_idx ON alerts (patient_id, rule_id, last_triggered_at);
