package org.vigil.audit;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    DENIED
}
