package org.vigil.tenancy;

/**
 * What a member may do in an organization. A member's permissions are their role's template
 * ({@link RolePermissions}) plus any explicit grants on the membership; every endpoint declares the
 * one it needs.
 */
public enum Permission {
    PATIENT_READ, PATIENT_WRITE,
    CLINICIAN_READ, CLINICIAN_WRITE,
    PROGRAM_READ, PROGRAM_WRITE,
    ENROLLMENT_READ, ENROLLMENT_WRITE,
    OBSERVATION_READ, OBSERVATION_WRITE,
    ASSESSMENT_READ, ASSESSMENT_WRITE,
    MEDICATION_READ, MEDICATION_WRITE,
    ALERT_READ, ALERT_WORK,
    TIME_LOG_READ, TIME_LOG_WRITE,
    TASK_READ, TASK_WRITE,
    NOTE_READ, NOTE_WRITE,
    LIBRARY_READ, LIBRARY_WRITE,
    BILLING_READ, BILLING_MANAGE,
    MEMBER_READ, MEMBER_MANAGE,
    ORGANIZATION_SETTINGS_MANAGE,
    AUDIT_READ
}
