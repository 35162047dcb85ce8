package org.vigil.carework;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum TimeLogActivity {
    CALL_PATIENT,
    REVIEW_DATA,
    MEDICATION_ADJUSTMENT,
    CARE_PLAN_UPDATE,
    DOCUMENTATION,
    COORDINATION,
    EDUCATION,
    OTHER
}
