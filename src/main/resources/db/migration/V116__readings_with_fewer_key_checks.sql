-- Module `monitoring` (issue 6): foreign key checks were half of the statement that stores a batch
-- of readings (EXPLAIN ANALYZE of an 800-reading batch: five checks per reading and four more per
-- rollup row it opens, each a look-up and a row lock of the referenced row). Two kinds of them
-- proved nothing new.
--
-- 1. The organization, checked twice. observations and enrollment_data_days carry a composite key
--    to their patient or enrollment — (patient_id, organization_id) → patients (id,
--    organization_id), (enrollment_id, organization_id) → enrollments (id, organization_id) — and
--    those rows reference organizations themselves (ON DELETE RESTRICT). So their organization
--    exists and cannot be deleted under them without a single-column key to organizations
--    (MonitoringPersistenceTest: another organization's, or none, is still refused).
ALTER TABLE observations DROP CONSTRAINT observations_organization_id_fkey;
ALTER TABLE enrollment_data_days DROP CONSTRAINT enrollment_data_days_organization_id_fkey;

-- 2. The daily rollup's keys. observation_daily is derived: its rows are written only by the
--    statement that inserts the readings they sum, from exactly those rows (ObservationStore), or
--    rebuilt from the stored readings (vigil_rebuild_observation_daily, V90). Its patient,
--    enrollment, metric and organization are those of readings that have just passed their own
--    keys in the same statement, and readings are never updated or deleted by Vigil, so a rollup row
--    cannot name a patient, enrollment or metric that is not there, and those cannot be deleted while
--    readings name them (their keys on observations are RESTRICT). Checking each new rollup row's
--    four references again cost about a fifth of such a statement. A rollup row written by hand is
--    not checked (nor is it summed from readings; the rebuild replaces it). ObservationStoreTest:
--    a reading refused by its keys leaves no rollup row.
ALTER TABLE observation_daily DROP CONSTRAINT observation_daily_organization_id_fkey;
ALTER TABLE observation_daily DROP CONSTRAINT observation_daily_patient_fkey;
ALTER TABLE observation_daily DROP CONSTRAINT observation_daily_enrollment_fkey;
ALTER TABLE observation_daily DROP CONSTRAINT observation_daily_metric_id_fkey;
