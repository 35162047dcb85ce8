package org.vigil.patients;

/** What a patient consented to; stored as text, the CHECK constraint admits exactly these values. */
public enum ConsentType {
    /** Treatment in general. */
    TREATMENT,
    /** Billing of the services, including the Part B cost-sharing. */
    BILLING,
    /** Enrollment in a kind of program (RPM, CCM…): CMS requires documented consent for each. */
    PROGRAM
}
