package org.vigil.tenancy;

import java.util.List;

/** Published inside the transaction that changed an organization's settings; field names only. */
public record OrganizationSettingsChanged(String organizationId, String actorUserId, List<String> changedFields) {
}
