package org.vigil.tenancy;

import java.time.Instant;

/** Published, inside its transaction, each time work runs as platform administration. */
public record PlatformAdministrationPerformed(String actorUserId, String reason, Instant at) {
}
