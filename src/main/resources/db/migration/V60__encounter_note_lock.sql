-- Module `carework`: an attested encounter note is a signed clinical record. Once locked it never
-- changes and is never deleted, whatever path the write takes (API, job, console as vigil_app).

-- Locking is attestation: a locked note names who attested it and when.
ALTER TABLE encounter_notes
  ADD CONSTRAINT encounter_notes_locked_is_attested CHECK (NOT is_locked OR attested_at IS NOT NULL);

CREATE FUNCTION vigil_encounter_note_locked() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF OLD.is_locked THEN
    RAISE EXCEPTION 'encounter note % is attested and locked; it can no longer change', OLD.id
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'encounter_notes_locked';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
-- Named so that it fires before the other BEFORE UPDATE triggers (alphabetical order).
CREATE TRIGGER encounter_notes_locked BEFORE UPDATE OR DELETE ON encounter_notes
  FOR EACH ROW EXECUTE FUNCTION vigil_encounter_note_locked();
