package org.vigil.tenancy.internal;

import java.time.Instant;
import java.util.List;
import org.vigil.tenancy.Role;

/**
 * A member of the caller's organization. {@code permissions} are the explicit grants on top of the
 * role's template; {@code mfaEnabled}: whether the user signs in with a second factor.
 */
record MemberView(String userId, String email, String name, Role role, boolean active, Instant joinedAt,
        List<String> permissions, boolean mfaEnabled) {
}
