-- Module `audit`: every access to a patient's records names the patient, so that an auditor can
-- answer "who looked at this patient's data, and when" with one indexed query. No foreign key: an
-- audit entry must outlive whatever it describes.
ALTER TABLE audit_logs ADD COLUMN patient_id text;
CREATE INDEX audit_logs_organization_id_patient_id_created_at_idx
  ON audit_logs (organization_id, patient_id, created_at DESC) WHERE patient_id IS NOT NULL;
