package org.vigil.tenancy;

import java.util.List;

/**
 * Published inside the transaction that changed a membership (role, active, extra permissions).
 * Carries the names of the changed fields, never their values.
 */
public record MembershipChanged(String organizationId, String actorUserId, String membershipId,
        String memberUserId, List<String> changedFields) {
}
