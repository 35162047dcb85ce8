package org.vigil.tenancy;

import java.util.Objects;

/**
 * A member's session that the transaction doing a request's work confirms as its first statement
 * (see {@link TenantScope#call(String, String, LiveSession, java.util.function.Supplier)}): the
 * user is still an active member of the active organization, the session (refresh-token family) is
 * live, and the membership still carries {@code required}. For a request whose security check was
 * deferred to its transaction instead of costing a statement of its own.
 */
public record LiveSession(String userId, String organizationId, String sessionId, Permission required)
        implements java.io.Serializable {

    public LiveSession {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(required, "required");
    }
}
