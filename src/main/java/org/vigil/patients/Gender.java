package org.vigil.patients;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum Gender {
    MALE,
    FEMALE,
    OTHER,
    UNKNOWN
}
