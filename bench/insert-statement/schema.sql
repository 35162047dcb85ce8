-- The ingestion's insert statement on its own (bench/insert-statement.sh): the tables it writes, as
-- migrated (observations with its three keys and three indexes, observation_daily with its key, two
-- indexes and fillfactor 70; no row-level security), and 1.6 M stored readings of 2,000 patients.
CREATE OR REPLACE FUNCTION cid(n bigint) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT 'c' || lpad(to_hex(1700000000000 + n), 12, '0') || substr(md5(n::text), 1, 12) $$;
CREATE TABLE organizations (id text PRIMARY KEY, time_zone text);
CREATE TABLE metric_definitions (id text PRIMARY KEY);
CREATE TABLE patients (id text PRIMARY KEY, organization_id text NOT NULL REFERENCES organizations(id), UNIQUE (id, organization_id));
CREATE TABLE enrollments (id text PRIMARY KEY, organization_id text NOT NULL REFERENCES organizations(id), UNIQUE (id, organization_id));
CREATE TABLE observations (
  id text PRIMARY KEY, patient_id text NOT NULL, enrollment_id text,
  metric_id text NOT NULL REFERENCES metric_definitions (id) ON DELETE RESTRICT,
  value jsonb NOT NULL, unit text, source text NOT NULL DEFAULT 'MANUAL' CHECK (source IN ('MANUAL','DEVICE','API','IMPORT')),
  source_identifier text, context text, notes text,
  recorded_at timestamptz NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  organization_id text NOT NULL,
  CONSTRAINT observations_patient_fkey FOREIGN KEY (patient_id, organization_id) REFERENCES patients (id, organization_id),
  CONSTRAINT observations_enrollment_fkey FOREIGN KEY (enrollment_id, organization_id) REFERENCES enrollments (id, organization_id),
  CONSTRAINT observations_reading_key UNIQUE NULLS NOT DISTINCT (patient_id, metric_id, recorded_at, source, source_identifier));
CREATE INDEX ON observations (enrollment_id, recorded_at) WHERE enrollment_id IS NOT NULL;
CREATE TABLE observation_daily (organization_id text NOT NULL, patient_id text NOT NULL, metric_id text NOT NULL, enrollment_id text,
  local_date date NOT NULL, source_class text NOT NULL, reading_count int NOT NULL, numeric_count int NOT NULL DEFAULT 0,
  min_value numeric, max_value numeric, sum_value numeric, first_at timestamptz NOT NULL, last_at timestamptz NOT NULL,
  CONSTRAINT observation_daily_key UNIQUE NULLS NOT DISTINCT (patient_id, metric_id, local_date, source_class, enrollment_id)) WITH (fillfactor=70);
CREATE INDEX ON observation_daily (enrollment_id, local_date) WHERE enrollment_id IS NOT NULL;
CREATE INDEX ON observation_daily (organization_id, local_date);
INSERT INTO organizations VALUES ('org1', 'America/New_York');
INSERT INTO metric_definitions SELECT 'metric' || g FROM generate_series(0,7) g;
INSERT INTO patients SELECT cid(g), 'org1' FROM generate_series(1,2000) g;
INSERT INTO enrollments SELECT cid(100000+g), 'org1' FROM generate_series(1,2000) g;
-- 1.6 M stored readings: patient-major
INSERT INTO observations (id, patient_id, enrollment_id, metric_id, value, source, recorded_at, organization_id)
SELECT cid(1000000 + p*1000 + d*8*4 + k*8 + m), cid(p), CASE WHEN m < 3 THEN cid(100000+p) END, 'metric'||m, '120', 'DEVICE',
       timestamptz '2026-09-01' + d * interval '1 day' + k * interval '6 hours' + m * interval '1 second', 'org1'
  FROM generate_series(1,2000) p, generate_series(0,24) d, generate_series(0,3) k, generate_series(0,7) m;
VACUUM ANALYZE;
