package org.vigil.carework;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum TaskPriority {
    LOW,
    MEDIUM,
    HIGH,
    URGENT
}
