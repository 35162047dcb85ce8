package org.vigil.tenancy.internal;

import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;

/** Entity tags of the organization settings (see {@link ETags}). */
final class IfMatch {

    private IfMatch() {
    }

    static String etag(long version) {
        return ETags.of(version);
    }

    static long expectedVersion(String header) {
        return ETags.expectedVersion(header, "settings");
    }

    static ApiProblem stale() {
        return ETags.stale("settings");
    }
}
