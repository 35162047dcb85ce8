-- Module `alerting`: a new trigger of an open alert (message, details, risk score, priority,
-- trigger count, last_triggered_at, updated_at) and a re-rank (priority_rank) change no indexed
-- column any more, so PostgreSQL can write them as heap-only tuples: no new entry in each of the
-- table's nine indexes per update, and no trail of dead versions under the one-open-alert key for
-- the next upsert to walk. The ingestion benchmark's batch phase updates every open alert once per
-- batch (2,000 patients' "no blood pressure for 3 days" alerts); there the alert upsert had become
-- the second most expensive statement, 88 ms per evaluation.

-- The cool-down check (AlertWriter: a closed alert of the same patient and rule triggered within the
-- rule's cool-down) reads the few closed alerts of a patient and rule and filters on
-- last_triggered_at; an index on that column would make every trigger update a non-HOT one.
DROP INDEX alerts_patient_id_rule_id_last_triggered_at_idx;
CREATE INDEX alerts_closed_patient_id_rule_id_idx ON alerts (patient_id, rule_id)
  WHERE status IN ('RESOLVED', 'DISMISSED');

-- Room on each page for the updated versions (heap-only tuples must fit on the same page).
ALTER TABLE alerts SET (fillfactor = 80);
