package org.vigil.carework;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum TaskType {
    FOLLOW_UP_CALL,
    MED_REVIEW,
    ADHERENCE_CHECK,
    LAB_ORDER,
    REFERRAL,
    CUSTOM
}
