package org.vigil.monitoring;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum ObservationSource {
    MANUAL,
    DEVICE,
    API,
    IMPORT
}
