package org.vigil.tenancy;

import static org.vigil.tenancy.Permission.*;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The permission template of each role. Clinical staff work with patient data; billing staff read
 * it and manage billing; auditors read the audit log and nothing clinical; administrators manage
 * members, settings and the library but are not clinicians by role. Encounter notes (NOTE_*) are
 * written by the clinical roles and read by them, administrators and billing staff (the
 * documentation behind a claim).
 */
public final class RolePermissions {

    private static final Set<Permission> CLINICAL_READ = EnumSet.of(PATIENT_READ, CLINICIAN_READ, PROGRAM_READ,
            ENROLLMENT_READ, OBSERVATION_READ, ASSESSMENT_READ, MEDICATION_READ, ALERT_READ, TIME_LOG_READ,
            TASK_READ, NOTE_READ, LIBRARY_READ, MEMBER_READ);

    private static final Map<Role, Set<Permission>> TEMPLATES = Map.of(
            Role.ORG_ADMIN, union(CLINICAL_READ, EnumSet.of(PATIENT_WRITE, CLINICIAN_WRITE, PROGRAM_WRITE,
                    ENROLLMENT_WRITE, LIBRARY_WRITE, MEMBER_MANAGE, ORGANIZATION_SETTINGS_MANAGE, AUDIT_READ,
                    BILLING_READ)),
            Role.PHYSICIAN, union(CLINICAL_READ, EnumSet.of(PATIENT_WRITE, ENROLLMENT_WRITE, OBSERVATION_WRITE,
                    ASSESSMENT_WRITE, MEDICATION_WRITE, ALERT_WORK, TIME_LOG_WRITE, TASK_WRITE, NOTE_WRITE, BILLING_READ)),
            Role.CLINICIAN, union(CLINICAL_READ, EnumSet.of(PATIENT_WRITE, ENROLLMENT_WRITE, OBSERVATION_WRITE,
                    ASSESSMENT_WRITE, MEDICATION_WRITE, ALERT_WORK, TIME_LOG_WRITE, TASK_WRITE, NOTE_WRITE)),
            Role.NURSE, union(CLINICAL_READ, EnumSet.of(OBSERVATION_WRITE, ASSESSMENT_WRITE, MEDICATION_WRITE,
                    ALERT_WORK, TIME_LOG_WRITE, TASK_WRITE, NOTE_WRITE)),
            Role.CARE_COORDINATOR, union(CLINICAL_READ, EnumSet.of(ENROLLMENT_WRITE, ASSESSMENT_WRITE, ALERT_WORK,
                    TIME_LOG_WRITE, TASK_WRITE, NOTE_WRITE)),
            Role.BILLING_ADMIN, EnumSet.of(PATIENT_READ, CLINICIAN_READ, PROGRAM_READ, ENROLLMENT_READ,
                    TIME_LOG_READ, NOTE_READ, BILLING_READ, BILLING_MANAGE, MEMBER_READ),
            Role.RESEARCHER, EnumSet.of(OBSERVATION_READ, ASSESSMENT_READ, LIBRARY_READ),
            Role.AUDITOR, EnumSet.of(AUDIT_READ, MEMBER_READ));

    private RolePermissions() {
    }

    /** The role's template plus the membership's explicit grants (unknown grant names are ignored). */
    public static Set<Permission> of(Role role, String... explicitGrants) {
        EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
        permissions.addAll(TEMPLATES.getOrDefault(role, Set.of()));
        if (explicitGrants != null) {
            Arrays.stream(explicitGrants)
                    .filter(name -> Arrays.stream(Permission.values()).anyMatch(p -> p.name().equals(name)))
                    .map(Permission::valueOf)
                    .forEach(permissions::add);
        }
        return Collections.unmodifiableSet(permissions);
    }

    private static Set<Permission> union(Set<Permission> first, Set<Permission> second) {
        EnumSet<Permission> all = EnumSet.copyOf(first);
        all.addAll(second);
        return all;
    }
}
