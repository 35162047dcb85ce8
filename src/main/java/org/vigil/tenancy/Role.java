package org.vigil.tenancy;

/** Stored as text; the database CHECK constraint admits exactly these values. */
public enum Role {
    ORG_ADMIN,
    PHYSICIAN,
    CLINICIAN,
    NURSE,
    CARE_COORDINATOR,
    BILLING_ADMIN,
    RESEARCHER,
    AUDITOR
}
