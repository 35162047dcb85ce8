package org.vigil.tenancy;

/**
 * A {@link LiveSession} did not hold when its transaction confirmed it; nothing of the work ran.
 * {@code sessionEnded}: the session, the membership, the user or the organization is no longer
 * active (answered like an ended token, 401); otherwise the membership no longer carries the
 * permission (403).
 */
public final class CallerRefused extends RuntimeException {

    private final boolean sessionEnded;

    CallerRefused(boolean sessionEnded) {
        super(sessionEnded ? "The session has ended, or its user is no longer an active member of an active organization"
                : "The membership no longer carries the permission this request needs", null, false, false);
        this.sessionEnded = sessionEnded;
    }

    public boolean sessionEnded() {
        return sessionEnded;
    }
}
