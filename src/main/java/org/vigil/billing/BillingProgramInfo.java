package org.vigil.billing;

import java.time.Instant;
import java.util.Set;

/** What other modules may know of a billing program of the global catalog. */
public record BillingProgramInfo(String id, String code, String name, String programType, boolean active,
        Instant effectiveDate, Instant expirationDate, Set<RemoteMonitoring> remoteMonitoring) {
}
