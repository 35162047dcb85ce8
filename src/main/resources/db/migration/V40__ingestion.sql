-- Module `monitoring`: ingestion of readings (issue 6).

-- A reading is identified by who, what, when and from where: the same patient, metric, instant,
-- source and source identifier (a device serial, an upstream system's message id) is the same
-- reading, so a resend after an outage is recognised and never stored twice. NULLS NOT DISTINCT:
-- two manual readings without a source identifier at the same instant are one reading too.
-- The unique index also serves the seed's [patientId, metricId, recordedAt] time-series queries,
-- so the plain index it replaces would only cost writes.
ALTER TABLE observations ADD CONSTRAINT observations_reading_key
  UNIQUE NULLS NOT DISTINCT (patient_id, metric_id, recorded_at, source, source_identifier);
DROP INDEX observations_patient_id_metric_id_recorded_at_idx;

-- Daily rollup: one row per patient, metric, enrollment, local date (in the organization's time
-- zone) and kind of source, maintained by the ingestion with one set-based INSERT ... ON CONFLICT
-- per batch (no trigger). Device-sourced readings (source DEVICE) are kept apart from the others
-- because remote physiologic monitoring counts only days with device data. min/max/sum cover
-- numeric readings; reading_count counts every reading.
CREATE TABLE observation_daily (
  organization_id text        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  patient_id      text        NOT NULL,
  metric_id       text        NOT NULL REFERENCES metric_definitions (id) ON DELETE RESTRICT,
  enrollment_id   text,
  local_date      date        NOT NULL,
  from_device     boolean     NOT NULL,
  reading_count   integer     NOT NULL CONSTRAINT observation_daily_count_check CHECK (reading_count > 0),
  numeric_count   integer     NOT NULL DEFAULT 0,
  min_value       numeric,
  max_value       numeric,
  sum_value       numeric,
  first_at        timestamptz NOT NULL,
  last_at         timestamptz NOT NULL,
  CONSTRAINT observation_daily_key
    UNIQUE NULLS NOT DISTINCT (patient_id, metric_id, local_date, from_device, enrollment_id),
  CONSTRAINT observation_daily_patient_fkey FOREIGN KEY (patient_id, organization_id)
    REFERENCES patients (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT observation_daily_enrollment_fkey FOREIGN KEY (enrollment_id, organization_id)
    REFERENCES enrollments (id, organization_id) ON DELETE RESTRICT
);
-- Device days of an enrollment in a month (billing) and of an organization (dashboards).
CREATE INDEX observation_daily_enrollment_id_local_date_idx ON observation_daily (enrollment_id, local_date)
  WHERE enrollment_id IS NOT NULL;
CREATE INDEX observation_daily_organization_id_local_date_idx ON observation_daily (organization_id, local_date);
CALL vigil_protect_tenant_table('observation_daily');

-- The metric reference guard of V7 ran one lookup per inserted row (a row trigger). The same
-- rule, checked once per statement over all new rows (transition table), costs one query per
-- batch instead of one per reading. It still runs as the writing role, under its policies.
DROP TRIGGER guard_metric_id ON observations;
CREATE FUNCTION vigil_check_observation_metrics() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  missing text;
BEGIN
  SELECT n.metric_id INTO missing FROM new_rows n
   WHERE NOT EXISTS (SELECT 1 FROM metric_definitions m WHERE m.id = n.metric_id) LIMIT 1;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'observations.metric_id references metric_definitions.id % which does not exist for this organization',
      missing USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER guard_metric_id_on_insert AFTER INSERT ON observations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vigil_check_observation_metrics();
CREATE TRIGGER guard_metric_id_on_update AFTER UPDATE ON observations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vigil_check_observation_metrics();
