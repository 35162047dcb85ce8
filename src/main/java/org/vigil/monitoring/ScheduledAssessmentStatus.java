package org.vigil.monitoring;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum ScheduledAssessmentStatus {
    PENDING,
    IN_PROGRESS,
    COMPLETED,
    OVERDUE,
    CANCELLED
}
