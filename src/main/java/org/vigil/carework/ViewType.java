package org.vigil.carework;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum ViewType {
    PATIENT_LIST,
    TRIAGE_QUEUE,
    ASSESSMENT_LIST,
    ENROLLMENT_LIST,
    ALERT_LIST,
    TASK_LIST
}
