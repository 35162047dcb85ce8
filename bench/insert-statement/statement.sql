-- 80 batches of 1,000 new readings in time order (125 patients x 8 metrics at a time, as the
-- ingestion benchmark sends them), run :run (each run its own ids and days), and the statement of
-- ObservationStore.INSERT over them; :on_conflict is its ON CONFLICT clause on the readings, or empty.
SET client_min_messages = warning;
DROP TABLE IF EXISTS batches;
CREATE TABLE batches AS
SELECT b, array_agg(id ORDER BY i) ids, array_agg(patient_id ORDER BY i) pats, array_agg(enrollment_id ORDER BY i) enrs,
       array_agg(metric_id ORDER BY i) mets, array_agg(value ORDER BY i) vals, array_agg(recorded_at ORDER BY i) ats
FROM (SELECT (n / 1000)::int b, n i, cid(50000000 + :run * 1000000 + n) id, cid(p) patient_id, CASE WHEN m < 3 THEN cid(100000+p) END enrollment_id,
             'metric'||m metric_id, '121' value,
             (timestamptz '2026-10-01' + :run * interval '10 days' + (s/4) * interval '1 day' + (s%4) * interval '6 hours' + m * interval '1 second')::text recorded_at
        FROM (SELECT n, n % 8 m, (n / 8) % 2000 + 1 p, n / 16000 s FROM generate_series(0, 79999) n) x) y
GROUP BY b;
PREPARE ins(int) AS
WITH input AS (
  SELECT t.* FROM batches, unnest(ids, pats, enrs, mets, vals, ats::text[]) AS t(id, patient_id, enrollment_id, metric_id, value, recorded_at) WHERE b = $1
), inserted AS (
  INSERT INTO observations (id, patient_id, enrollment_id, metric_id, value, unit, source, source_identifier, context, notes, recorded_at, created_at, updated_at, organization_id)
  SELECT id, patient_id, enrollment_id, metric_id, value::jsonb, 'mmHg', 'DEVICE', null, null, null, recorded_at::timestamptz, now(), now(), 'org1'
    FROM input ORDER BY patient_id, metric_id, recorded_at::timestamptz
  :on_conflict
  RETURNING id, patient_id, enrollment_id, metric_id, value, source, recorded_at
), zone AS (SELECT coalesce(nullif(time_zone, ''), 'America/New_York') AS name FROM organizations WHERE id = 'org1' FOR SHARE
), rollup AS (
  INSERT INTO observation_daily AS d (organization_id, patient_id, metric_id, enrollment_id, local_date, source_class, reading_count, numeric_count, min_value, max_value, sum_value, first_at, last_at)
  SELECT 'org1', patient_id, metric_id, enrollment_id, local_date, source_class, count(*), count(n), min(n), max(n), sum(n), min(recorded_at), max(recorded_at)
    FROM (SELECT i.patient_id, i.metric_id, i.enrollment_id, i.recorded_at, (i.recorded_at AT TIME ZONE (SELECT name FROM zone))::date AS local_date,
                 'DEVICE' AS source_class, CASE WHEN jsonb_typeof(i.value) = 'number' THEN (i.value #>> '{}')::numeric END AS n FROM inserted i) r
   GROUP BY patient_id, metric_id, enrollment_id, local_date, source_class
   ORDER BY patient_id, metric_id, enrollment_id, local_date, source_class
  ON CONFLICT ON CONSTRAINT observation_daily_key DO UPDATE SET reading_count = d.reading_count + excluded.reading_count,
    numeric_count = d.numeric_count + excluded.numeric_count, min_value = least(d.min_value, excluded.min_value), max_value = greatest(d.max_value, excluded.max_value),
    sum_value = coalesce(d.sum_value, 0) + excluded.sum_value, first_at = least(d.first_at, excluded.first_at), last_at = greatest(d.last_at, excluded.last_at)
)
SELECT count(*) FROM inserted;
