package org.vigil.tenancy;

import java.util.EnumSet;
import java.util.Set;

/**
 * Nobody gives powers over people, configuration or oversight that they do not hold. Assigning a
 * role, or granting extra permissions, is refused when the result carries any of
 * {@link #ADMINISTRATIVE} that the person assigning lacks. Clinical and billing permissions may be
 * assigned by whoever manages members (that is their job: staffing the clinic); but a member
 * granted MEMBER_MANAGE alone cannot create administrators or auditors, or raise anyone above
 * themselves in those powers.
 */
public final class GrantCeiling {

    static final Set<Permission> ADMINISTRATIVE = EnumSet.of(Permission.MEMBER_MANAGE,
            Permission.ORGANIZATION_SETTINGS_MANAGE, Permission.AUDIT_READ);

    private GrantCeiling() {
    }

    public static boolean allows(Set<Permission> grantor, Role role, String... explicitGrants) {
        EnumSet<Permission> administrative = EnumSet.noneOf(Permission.class);
        administrative.addAll(RolePermissions.of(role, explicitGrants));
        administrative.retainAll(ADMINISTRATIVE);
        return grantor.containsAll(administrative);
    }
}
