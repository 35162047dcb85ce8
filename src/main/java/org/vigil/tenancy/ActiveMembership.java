package org.vigil.tenancy;

import java.util.Set;

/** A user's active membership of an active organization, with the permissions it carries. */
public record ActiveMembership(String userId, String organizationId, String organizationName, Role role,
        Set<Permission> permissions) {
}
