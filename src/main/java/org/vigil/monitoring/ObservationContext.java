package org.vigil.monitoring;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum ObservationContext {
    WELLNESS,
    PROGRAM_ENROLLMENT,
    CLINICAL_MONITORING,
    ROUTINE_FOLLOWUP
}
