package org.vigil.tenancy.internal;

import org.vigil.shared.web.ApiProblem;

/** Entity tags of versioned resources: {@code "<version>"}. */
final class IfMatch {

    private IfMatch() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; 428 when it is missing, 412 when it names none. */
    static long expectedVersion(String header) {
        if (header == null || header.isBlank()) {
            throw ApiProblem.preconditionRequired(
                    "Send 'If-Match' with the ETag of your last read, so that no one else's change is overwritten.");
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException e) {
                // falls through: names no version of this resource
            }
        }
        throw stale();
    }

    static ApiProblem stale() {
        return ApiProblem.preconditionFailed(
                "The settings changed since your last read (the ETag no longer matches). Read them again and retry.");
    }
}
