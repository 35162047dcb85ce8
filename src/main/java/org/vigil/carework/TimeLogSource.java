package org.vigil.carework;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum TimeLogSource {
    TIMER,
    MANUAL,
    ALERT_RESOLUTION,
    ADJUSTMENT
}
