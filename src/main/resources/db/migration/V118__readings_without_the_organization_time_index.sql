-- Module `monitoring`: one index entry fewer per stored reading.
--
-- observations_organization_id_recorded_at_idx (V7) served one statement: the rebuild of an
-- organization's daily rollup (vigil_rebuild_observation_daily, V90: after a time zone change, or
-- as a repair after readings were written with plain SQL). Every other read of readings names a
-- patient (the reading key and the enrollment index lead with theirs) or a metric. The rebuild
-- now reaches an organization's readings through its patients, by the reading key's leading
-- column; its result is the same (a reading's organization is its patient's: composite key, V7).
-- Its read of a whole organization (2,000 patients, 2.1 M readings, the ingestion benchmark's
-- database): 39.6 s with the index (which that plan did not even use: it walked the reading key),
-- 37.9 s through patients (a hash join over a sequential scan); a small organization's readings
-- are found by its patients' reading keys.
CREATE OR REPLACE FUNCTION vigil_rebuild_observation_daily(org text) RETURNS void
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
            FROM patients p
            JOIN observations o ON o.patient_id = p.id AND o.organization_id = org,
                 (SELECT coalesce(nullif(time_zone, ''), 'America/New_York') AS name FROM organizations WHERE id = org) z
           WHERE p.organization_id = org) r
   GROUP BY patient_id, metric_id, enrollment_id, local_date, source_class
   ORDER BY patient_id, metric_id, enrollment_id, local_date, source_class;
END
$$;

DROP INDEX observations_organization_id_recorded_at_idx;
