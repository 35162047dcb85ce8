package org.vigil.library;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum AlertSeverity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
