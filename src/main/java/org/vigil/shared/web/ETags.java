package org.vigil.shared.web;

/**
 * Optimistic concurrency for every versioned resource: a read answers {@code ETag: "<version>"};
 * a change must send it back in {@code If-Match}. Missing → 428, stale or malformed → 412, and
 * nothing is changed.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; 428 when it is missing, 412 when it names none. */
    public static long expectedVersion(String header, String resource) {
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
        throw stale(resource);
    }

    /** Throws 412 unless {@code expected} is the current version. */
    public static void check(long expected, long current, String resource) {
        if (expected != current) {
            throw stale(resource);
        }
    }

    public static ApiProblem stale(String resource) {
        return ApiProblem.preconditionFailed("The " + resource + " changed since your last read (the ETag no longer "
                + "matches). Read it again and retry; nothing was changed.");
    }
}
