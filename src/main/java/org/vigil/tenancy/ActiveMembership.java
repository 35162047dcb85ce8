package org.vigil.tenancy;

import java.util.Set;

/**
 * A user's active membership of an active organization, with the permissions it carries. When the
 * organization requires multi-factor authentication and the user has not enrolled, the membership
 * carries no permissions at all until they do ({@code mfaEnrolmentRequired}).
 */
public record ActiveMembership(String userId, String organizationId, String organizationName, Role role,
        Set<Permission> permissions, boolean mfaEnrolmentRequired) {
}
