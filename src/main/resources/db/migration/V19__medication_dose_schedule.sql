-- Module `monitoring`: a patient medication's dose and schedule as data, not only as text, so
-- adherence can be computed against the doses that were due: dose_amount + dose_unit (UCUM, e.g.
-- 10 mg) and schedule {timesOfDay: ["08:00", "20:00"], daysOfWeek?: ["MON", …], asNeeded: bool}.
ALTER TABLE patient_medications
  ADD COLUMN dose_amount numeric(12, 4) CONSTRAINT patient_medications_dose_amount_check CHECK (dose_amount > 0),
  ADD COLUMN dose_unit text,
  ADD COLUMN schedule jsonb CONSTRAINT patient_medications_schedule_object
    CHECK (schedule IS NULL OR (jsonb_typeof(schedule) = 'object'
      AND coalesce(jsonb_typeof(schedule -> 'timesOfDay'), 'array') = 'array'
      AND coalesce(jsonb_typeof(schedule -> 'daysOfWeek'), 'array') = 'array'
      AND coalesce(jsonb_typeof(schedule -> 'asNeeded'), 'boolean') = 'boolean'));
