package org.vigil.tenancy;

import java.util.List;

/**
 * Published inside the platform-administration transaction that created or changed an
 * organization, so the audit log names the organization and the fields (never their values).
 *
 * @param action CREATED or UPDATED
 */
public record OrganizationAdministered(String organizationId, String actorUserId, String action,
        List<String> changedFields) {
}
