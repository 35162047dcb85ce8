-- Billing (issue 8) counts device days from the daily rollup instead of raw observations. Billing
-- needs three kinds of source apart, not two: DEVICE readings (remote physiologic monitoring days),
-- SELF_REPORTED ones (MANUAL, API: remote therapeutic monitoring also counts them) and OTHER
-- (IMPORTed history, which counts toward neither). The rollup's device flag becomes that source
-- class; from_device stays, derived from it, for the dashboards and queries that read it.

-- The one definition of a reading's source class, used by the ingestion upsert and the rebuild below.
CREATE FUNCTION vigil_observation_source_class(source text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE source WHEN 'DEVICE' THEN 'DEVICE' WHEN 'MANUAL' THEN 'SELF_REPORTED'
                           WHEN 'API' THEN 'SELF_REPORTED' ELSE 'OTHER' END $$;

-- The non-device rows merged MANUAL, API and IMPORT, and readings stored before V40 were never
-- rolled up: the rollup is rebuilt whole from observations below (exact by construction).
TRUNCATE observation_daily;
ALTER TABLE observation_daily DROP CONSTRAINT observation_daily_key;
ALTER TABLE observation_daily DROP COLUMN from_device;
ALTER TABLE observation_daily ADD COLUMN source_class text NOT NULL
  CONSTRAINT observation_daily_source_class_check CHECK (source_class IN ('DEVICE', 'SELF_REPORTED', 'OTHER'));
ALTER TABLE observation_daily ADD COLUMN from_device boolean GENERATED ALWAYS AS (source_class = 'DEVICE') STORED;
ALTER TABLE observation_daily ADD CONSTRAINT observation_daily_key
  UNIQUE NULLS NOT DISTINCT (patient_id, metric_id, local_date, source_class, enrollment_id);
-- Billing reads an organization's days before a month's end (DatabaseBillingFacts.DATA_DAYS) through
-- the existing (organization_id, local_date) index, or a scan when the organization is most of the table.

-- Rebuilds one organization's rollup from its observations, with local dates in its current time
-- zone. Locks the organization row first (ingestion reads the zone FOR SHARE, see
-- monitoring/internal/ObservationStore), so no batch can write rows in the old zone meanwhile.
-- Runs as the caller, under row-level security: the organization's own tenant scope or platform
-- administration. Also the remedy after readings were written with plain SQL (fixtures, repairs).
CREATE FUNCTION vigil_rebuild_observation_daily(org text) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM 1 FROM organizations WHERE id = org FOR NO KEY UPDATE;
  DELETE FROM observation_daily WHERE organization_id = org;
  INSERT INTO observation_daily (organization_id, patient_id, metric_id, enrollment_id, local_date, source_class,
      reading_count, numeric_count, min_value, max_value, sum_value, first_at, last_at)
  SELECT org, patient_id, metric_id, enrollment_id, local_date, source_class, count(*), count(n), min(n), max(n), sum(n),
         min(recorded_at), max(recorded_at)
    FROM (SELECT o.patient_id, o.metric_id, o.enrollment_id, o.recorded_at,
                 (o.recorded_at AT TIME ZONE z.name)::date AS local_date,
                 vigil_observation_source_class(o.source) AS source_class,
                 CASE WHEN jsonb_typeof(o.value) = 'number' THEN (o.value #>> '{}')::numeric END AS n
            FROM observations o,
                 (SELECT coalesce(nullif(time_zone, ''), 'America/New_York') AS name FROM organizations WHERE id = org) z
           WHERE o.organization_id = org) r
   GROUP BY patient_id, metric_id, enrollment_id, local_date, source_class
   ORDER BY patient_id, metric_id, enrollment_id, local_date, source_class;
END
$$;

-- Local dates depend on the organization's zone: when it changes, its rollup is rebuilt in the
-- same transaction (33–51 s for 1.24 M readings on a busy 2-vCPU machine: a rare settings change
-- that holds ingestion of that organization meanwhile).
CREATE FUNCTION vigil_rebuild_observation_daily_on_zone_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM vigil_rebuild_observation_daily(NEW.id);
  RETURN NULL;
END
$$;
CREATE TRIGGER rebuild_observation_daily_on_zone_change AFTER UPDATE OF time_zone ON organizations
  FOR EACH ROW
  WHEN (coalesce(nullif(OLD.time_zone, ''), 'America/New_York') IS DISTINCT FROM coalesce(nullif(NEW.time_zone, ''), 'America/New_York'))
  EXECUTE FUNCTION vigil_rebuild_observation_daily_on_zone_change();

-- The backfill reads and writes every organization's rows: as platform administration, whose
-- policies admit them all (the migration owner is subject to FORCE ROW LEVEL SECURITY).
SET LOCAL ROLE vigil_platform;
INSERT INTO observation_daily (organization_id, patient_id, metric_id, enrollment_id, local_date, source_class,
    reading_count, numeric_count, min_value, max_value, sum_value, first_at, last_at)
SELECT organization_id, patient_id, metric_id, enrollment_id, local_date, source_class, count(*), count(n), min(n), max(n),
       sum(n), min(recorded_at), max(recorded_at)
  FROM (SELECT o.organization_id, o.patient_id, o.metric_id, o.enrollment_id, o.recorded_at,
               (o.recorded_at AT TIME ZONE coalesce(nullif(g.time_zone, ''), 'America/New_York'))::date AS local_date,
               vigil_observation_source_class(o.source) AS source_class,
               CASE WHEN jsonb_typeof(o.value) = 'number' THEN (o.value #>> '{}')::numeric END AS n
          FROM observations o JOIN organizations g ON g.id = o.organization_id) r
 GROUP BY organization_id, patient_id, metric_id, enrollment_id, local_date, source_class;
RESET ROLE;
