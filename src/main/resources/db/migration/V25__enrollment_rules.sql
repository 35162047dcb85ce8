-- Module `patients`: enrollment rules the API enforces, with the database as the backstop.

-- At most one ACTIVE enrollment of a patient in a care program. The API checks first and answers
-- 409; this index also refuses the second of two concurrent requests.
CREATE UNIQUE INDEX enrollments_one_active_per_patient_program
  ON enrollments (organization_id, patient_id, care_program_id)
  WHERE status = 'ACTIVE';

-- The last status change: when, and the reason given (free text written by staff; clinical data,
-- never copied into logs or audit details).
ALTER TABLE enrollments
  ADD COLUMN status_changed_at timestamptz,
  ADD COLUMN status_reason     text;
