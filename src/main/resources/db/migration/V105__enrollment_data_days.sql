-- Billing (issue 8) reads, for every enrollment of an organization, which days of each month had
-- device readings and which had self-reported ones (DatabaseBillingFacts.DATA_DAYS). Aggregating
-- them from observation_daily on every call read one rollup row per patient, metric, day and source
-- class (310,000 rows for 10,000 enrollments' month). This table keeps the same answer as one row
-- per enrollment and calendar month, the days as bit masks (bit d - 1 set: day d had such data).
--
-- It is maintained from observation_daily inside the database, by triggers over the rows each
-- statement inserted or deleted (statement-level, transition tables), so ingestion
-- (monitoring/internal/ObservationStore) is unchanged: its upsert adds a rollup row the first time a
-- (patient, metric, enrollment, day, source class) is seen, and only then can a mask gain a day; an
-- upsert that only adds readings to an existing row updates no key column and changes no mask.
-- Rollup rows are deleted only by vigil_rebuild_observation_daily (V90), which the masks follow.
-- Same days as observation_daily by construction (DataDaysFromRollupTest compares with raw readings).
CREATE TABLE enrollment_data_days (
  organization_id text    NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  enrollment_id   text    NOT NULL,
  month           date    NOT NULL CONSTRAINT enrollment_data_days_month_check CHECK (extract(day FROM month) = 1),
  device          integer NOT NULL DEFAULT 0,
  self_reported   integer NOT NULL DEFAULT 0,
  CONSTRAINT enrollment_data_days_pkey PRIMARY KEY (enrollment_id, month),
  CONSTRAINT enrollment_data_days_enrollment_fkey FOREIGN KEY (enrollment_id, organization_id)
    REFERENCES enrollments (id, organization_id) ON DELETE CASCADE
);
CREATE INDEX enrollment_data_days_organization_id_month_idx ON enrollment_data_days (organization_id, month);
CALL vigil_protect_tenant_table('enrollment_data_days');

-- Adds the days of rollup rows (given as a set) to the masks: OR is commutative, so concurrent
-- batches merge; rows are locked in key order (no deadlock between batches).
CREATE FUNCTION vigil_enrollment_data_days_added() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO enrollment_data_days AS m (organization_id, enrollment_id, month, device, self_reported)
  SELECT organization_id, enrollment_id, local_date - (extract(day FROM local_date)::int - 1),
         coalesce(bit_or(1 << (extract(day FROM local_date)::int - 1)) FILTER (WHERE source_class = 'DEVICE'), 0),
         coalesce(bit_or(1 << (extract(day FROM local_date)::int - 1)) FILTER (WHERE source_class = 'SELF_REPORTED'), 0)
    FROM new_rows
   WHERE enrollment_id IS NOT NULL AND source_class IN ('DEVICE', 'SELF_REPORTED')
   GROUP BY 1, 2, 3
   ORDER BY 2, 3
  ON CONFLICT ON CONSTRAINT enrollment_data_days_pkey DO UPDATE SET
    device = m.device | excluded.device,
    self_reported = m.self_reported | excluded.self_reported
   WHERE (m.device | excluded.device, m.self_reported | excluded.self_reported) IS DISTINCT FROM (m.device, m.self_reported);
  RETURN NULL;
END
$$;

-- Recomputes the masks of the enrollments' months whose rollup rows were deleted, from the rows left.
CREATE FUNCTION vigil_enrollment_data_days_removed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  DELETE FROM enrollment_data_days m
   USING (SELECT DISTINCT enrollment_id, local_date - (extract(day FROM local_date)::int - 1) AS month
            FROM old_rows WHERE enrollment_id IS NOT NULL AND source_class IN ('DEVICE', 'SELF_REPORTED')) a
   WHERE m.enrollment_id = a.enrollment_id AND m.month = a.month;
  INSERT INTO enrollment_data_days AS m (organization_id, enrollment_id, month, device, self_reported)
  SELECT d.organization_id, d.enrollment_id, a.month,
         coalesce(bit_or(1 << (extract(day FROM d.local_date)::int - 1)) FILTER (WHERE d.source_class = 'DEVICE'), 0),
         coalesce(bit_or(1 << (extract(day FROM d.local_date)::int - 1)) FILTER (WHERE d.source_class = 'SELF_REPORTED'), 0)
    FROM (SELECT DISTINCT enrollment_id, local_date - (extract(day FROM local_date)::int - 1) AS month
            FROM old_rows WHERE enrollment_id IS NOT NULL AND source_class IN ('DEVICE', 'SELF_REPORTED')) a
    JOIN observation_daily d ON d.enrollment_id = a.enrollment_id AND d.local_date >= a.month
                            AND d.local_date < (a.month + interval '1 month')::date
   WHERE d.source_class IN ('DEVICE', 'SELF_REPORTED')
   GROUP BY 1, 2, 3
   ORDER BY 2, 3
  ON CONFLICT ON CONSTRAINT enrollment_data_days_pkey DO UPDATE SET
    device = m.device | excluded.device,
    self_reported = m.self_reported | excluded.self_reported;
  RETURN NULL;
END
$$;

-- A rollup row whose key columns change (nothing does this today) moves its day: both months are recomputed.
CREATE FUNCTION vigil_enrollment_data_days_moved() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  k record;
BEGIN
  FOR k IN SELECT DISTINCT enrollment_id, local_date - (extract(day FROM local_date)::int - 1) AS month
             FROM (VALUES (OLD.enrollment_id, OLD.local_date), (NEW.enrollment_id, NEW.local_date)) v (enrollment_id, local_date)
            WHERE enrollment_id IS NOT NULL LOOP
    DELETE FROM enrollment_data_days WHERE enrollment_id = k.enrollment_id AND month = k.month;
    INSERT INTO enrollment_data_days AS m (organization_id, enrollment_id, month, device, self_reported)
    SELECT d.organization_id, d.enrollment_id, k.month,
           coalesce(bit_or(1 << (extract(day FROM d.local_date)::int - 1)) FILTER (WHERE d.source_class = 'DEVICE'), 0),
           coalesce(bit_or(1 << (extract(day FROM d.local_date)::int - 1)) FILTER (WHERE d.source_class = 'SELF_REPORTED'), 0)
      FROM observation_daily d
     WHERE d.enrollment_id = k.enrollment_id AND d.local_date >= k.month AND d.local_date < (k.month + interval '1 month')::date
       AND d.source_class IN ('DEVICE', 'SELF_REPORTED')
     GROUP BY 1, 2
    ON CONFLICT ON CONSTRAINT enrollment_data_days_pkey DO UPDATE SET
      device = m.device | excluded.device,
      self_reported = m.self_reported | excluded.self_reported;
  END LOOP;
  RETURN NULL;
END
$$;

CREATE FUNCTION vigil_enrollment_data_days_truncated() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  TRUNCATE enrollment_data_days;
  RETURN NULL;
END
$$;

CREATE TRIGGER enrollment_data_days_on_insert AFTER INSERT ON observation_daily
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vigil_enrollment_data_days_added();
CREATE TRIGGER enrollment_data_days_on_delete AFTER DELETE ON observation_daily
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION vigil_enrollment_data_days_removed();
-- Column list: the ingestion upsert (which sets only counts, values and times) never fires it.
CREATE TRIGGER enrollment_data_days_on_key_update AFTER UPDATE OF organization_id, enrollment_id, local_date, source_class
  ON observation_daily FOR EACH ROW
  WHEN (OLD.enrollment_id IS DISTINCT FROM NEW.enrollment_id OR OLD.local_date IS DISTINCT FROM NEW.local_date
        OR OLD.source_class IS DISTINCT FROM NEW.source_class OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
  EXECUTE FUNCTION vigil_enrollment_data_days_moved();
CREATE TRIGGER enrollment_data_days_on_truncate AFTER TRUNCATE ON observation_daily
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_enrollment_data_days_truncated();

-- The masks of the rollup as it stands, as platform administration (the migration owner is subject
-- to FORCE ROW LEVEL SECURITY).
SET LOCAL ROLE vigil_platform;
INSERT INTO enrollment_data_days (organization_id, enrollment_id, month, device, self_reported)
SELECT organization_id, enrollment_id, local_date - (extract(day FROM local_date)::int - 1),
       coalesce(bit_or(1 << (extract(day FROM local_date)::int - 1)) FILTER (WHERE source_class = 'DEVICE'), 0),
       coalesce(bit_or(1 << (extract(day FROM local_date)::int - 1)) FILTER (WHERE source_class = 'SELF_REPORTED'), 0)
  FROM observation_daily
 WHERE enrollment_id IS NOT NULL AND source_class IN ('DEVICE', 'SELF_REPORTED')
 GROUP BY 1, 2, 3;
RESET ROLE;
