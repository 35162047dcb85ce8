package org.vigil.carework;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum EncounterType {
    RPM,
    RTM,
    CCM,
    PCM,
    APCM,
    BHI,
    TCM,
    GENERAL
}
