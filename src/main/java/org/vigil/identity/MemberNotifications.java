package org.vigil.identity;

import java.util.Collection;

/**
 * Email to members of an organization (e.g. an alert past its deadline). Callers pass text without
 * PHI — mail leaves the system — and a path into Vigil where the member signs in to see more.
 * Call after the change being notified has committed, outside any transaction.
 */
public interface MemberNotifications {

    /** Sends to each active user of the list; returns how many messages went out. */
    int email(String organizationId, Collection<String> userIds, String subject, String text, String path);
}
