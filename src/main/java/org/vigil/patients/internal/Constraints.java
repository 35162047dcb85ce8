package org.vigil.patients.internal;

import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;

/** Which database constraint a failed write violated, so it can be answered as 409/404 instead of 500. */
final class Constraints {

    private Constraints() {
    }

    /** Which of the {@code known} constraint names {@code e} reports (by name, or in a cause's message). */
    static Optional<String> violated(DataIntegrityViolationException e, String... known) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String name = cause instanceof org.hibernate.exception.ConstraintViolationException hibernate
                    ? hibernate.getConstraintName() : null;
            String message = cause.getMessage();
            for (String candidate : known) {
                if (candidate.equalsIgnoreCase(name) || (message != null && message.contains(candidate))) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code text} as a case-insensitive "contains" LIKE pattern with its wildcards escaped ('\'). */
    static String containsPattern(String text) {
        return "%" + text.trim().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }
}
