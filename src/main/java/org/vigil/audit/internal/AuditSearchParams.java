package org.vigil.audit.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** The query parameters of the audit search and export; every filter is optional. */
record AuditSearchParams(
        @Size(max = 64) String userId,
        @Size(max = 64) String patientId,
        @Size(max = 100) String action,
        @Size(max = 100) String resourceType,
        @Size(max = 200) String resourceId,
        @IsoInstant String from,
        @IsoInstant String to,
        @Min(0) @Max(100_000) Integer page,
        @Min(1) @Max(AuditSearchParams.MAX_PAGE_SIZE) Integer size) {

    static final int MAX_PAGE_SIZE = 200;
    static final int DEFAULT_PAGE_SIZE = 50;

    AuditSearch.Filter filter() {
        return new AuditSearch.Filter(blankToNull(userId), blankToNull(patientId), blankToNull(action), blankToNull(resourceType),
                blankToNull(resourceId), IsoInstant.Validator.parse(from), IsoInstant.Validator.parse(to));
    }

    int pageOrDefault() {
        return page == null ? 0 : page;
    }

    int sizeOrDefault() {
        return size == null ? DEFAULT_PAGE_SIZE : size;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
