package org.vigil.identity;

import java.util.Set;
import org.vigil.tenancy.LiveSession;
import org.vigil.tenancy.Permission;
import org.vigil.tenancy.Role;
import org.vigil.tenancy.TenantPrincipal;

/**
 * Who is calling: the signed-in user, the one organization the request acts in, and what they may do.
 * Serializable because the web session keeps it (its permissions are re-read on every request).
 * {@code unconfirmed}: for the few API requests whose live membership and session check runs in
 * their own transaction instead of before the handler, the session to confirm there (the role and
 * permissions are then the session's last confirmed ones); null for every other request.
 */
public record Caller(String userId, String organizationId, Role role, Set<Permission> permissions,
        LiveSession unconfirmed) implements TenantPrincipal, java.io.Serializable {

    /** A caller checked live before the request reached its handler. */
    public Caller(String userId, String organizationId, Role role, Set<Permission> permissions) {
        this(userId, organizationId, role, permissions, null);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    @Override
    public LiveSession unconfirmedSession() {
        return unconfirmed;
    }
}
