package org.vigil.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who a user id is, for pages that show who claimed, closed or was sent something: the members of
 * one organization by display name (first and last name, else the email address). Users who are not
 * members of the organization are left out (row-level security hides them anyway).
 */
public interface MemberNames {

    record Member(String userId, String displayName) {
    }

    /** The display names of those of {@code userIds} who are (or were) members of the organization. */
    Map<String, String> of(String organizationId, String callerId, Collection<String> userIds);

    /** The organization's active members, by name. */
    List<Member> active(String organizationId, String callerId);
}
