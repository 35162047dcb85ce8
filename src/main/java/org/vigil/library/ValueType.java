package org.vigil.library;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum ValueType {
    NUMERIC,
    INTEGER,
    BOOLEAN,
    CATEGORICAL,
    ORDINAL,
    TEXT
}
