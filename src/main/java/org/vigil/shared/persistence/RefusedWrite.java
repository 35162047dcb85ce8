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

    public static String constraint(DataIntegrityViolationException e) {
        ServerErrorMessage message = serverMessage(e);
        return message == null ? null : message.getConstraint();
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
