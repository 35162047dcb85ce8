package org.vigil.carework;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum TaskStatus {
    PENDING,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED
}
