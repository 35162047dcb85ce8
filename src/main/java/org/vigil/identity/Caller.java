package org.vigil.identity;

import java.util.Set;
import org.vigil.tenancy.Permission;
import org.vigil.tenancy.Role;
import org.vigil.tenancy.TenantPrincipal;

/**
 * Who is calling: the signed-in user, the one organization the request acts in, and what they may do.
 * Serializable because the web session keeps it (its permissions are re-read on every request).
 */
public record Caller(String userId, String organizationId, Role role, Set<Permission> permissions)
        implements TenantPrincipal, java.io.Serializable {

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }
}
