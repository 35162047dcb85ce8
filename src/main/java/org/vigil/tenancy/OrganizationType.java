package org.vigil.tenancy;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum OrganizationType {
    HOSPITAL,
    CLINIC,
    PRACTICE,
    RESEARCH,
    INSURANCE,
    PHARMACY,
    PLATFORM
}
