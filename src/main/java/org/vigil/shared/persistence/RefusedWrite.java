package org.vigil.shared.persistence;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Reads which table and constraint a refused write ran into from PostgreSQL's structured error
 * fields — never from the message text, which quotes stored values.
 */
public final class RefusedWrite {

    private RefusedWrite() {
    }

    /** For a refused delete: the table whose rows still reference the record, or null. */
    public static String referencingTable(DataIntegrityViolationException e) {
        ServerErrorMessage message = serverMessage(e);
        return message == null ? null : message.getTable();
    }

    /** What a person or client is told of a value with a NUL character ({@link #nulCharacter}). */
    public static final String NUL_DETAIL = "A value holds a NUL character (U+0000), which Vigil does not store or "
            + "look up; remove it and send the request again. Nothing was changed.";

    /**
     * PostgreSQL refuses the NUL character in text (SQLSTATE 22021, "invalid byte sequence"): a
     * parameter or field carrying one fails where it reaches the database, in a transaction that is
     * then rolled back. Bad input, wherever it is found.
     */
    public static boolean nulCharacter(Throwable e) {
        // the state alone: the message would quote the value
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "22021".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public static String constraint(DataIntegrityViolationException e) {
        ServerErrorMessage message = serverMessage(e);
        if (message != null && message.getConstraint() != null) {
            return message.getConstraint();
        }
        // A batched statement's error may reach us only through Hibernate's translation.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException hibernate) {
                return hibernate.getConstraintName();
            }
        }
        return null;
    }

    /**
     * Which of the {@code known} names the refused write ran into: a constraint (by PostgreSQL's
     * structured field) or a trigger's refusal (by its message, which Vigil's triggers word
     * without values).
     */
    public static java.util.Optional<String> violated(DataIntegrityViolationException e, String... known) {
        String constraint = constraint(e);
        for (String candidate : known) {
            if (candidate.equalsIgnoreCase(constraint)) {
                return java.util.Optional.of(candidate);
            }
        }
        // Only compared, never logged: a message may quote stored values.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String text = cause.getMessage();
            for (String candidate : known) {
                if (text != null && text.contains(candidate)) {
                    return java.util.Optional.of(candidate);
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static ServerErrorMessage serverMessage(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql) {
                return psql.getServerErrorMessage();
            }
        }
        return null;
    }
}
