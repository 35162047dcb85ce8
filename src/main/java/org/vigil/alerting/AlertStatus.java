package org.vigil.alerting;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum AlertStatus {
    PENDING,
    ACKNOWLEDGED,
    RESOLVED,
    DISMISSED
}
