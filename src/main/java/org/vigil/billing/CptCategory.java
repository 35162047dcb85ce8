package org.vigil.billing;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum CptCategory {
    SETUP,
    DATA_COLLECTION,
    CLINICAL_TIME,
    TREATMENT_TIME
}
