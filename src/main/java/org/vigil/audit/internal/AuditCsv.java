package org.vigil.audit.internal;

import java.util.List;

/**
 * Audit entries as CSV (RFC 4180): a header row, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break, quotes doubled. A text field that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe.
 */
final class AuditCsv {

    static final String HEADER = "id,createdAt,userId,action,resourceType,resourceId,patientId,outcome,ipAddress,userAgent,"
            + "hipaaRelevant,details";

    private AuditCsv() {
    }

    static String write(List<AuditEventView> entries) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (AuditEventView entry : entries) {
            row(csv, entry.id(), entry.createdAt().toString(), entry.userId(), entry.action(), entry.resourceType(),
                    entry.resourceId(), entry.patientId(), entry.outcome(), entry.ipAddress(), entry.userAgent(),
                    Boolean.toString(entry.hipaaRelevant()), entry.details() == null ? null : entry.details().toString());
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields[i]));
        }
        csv.append("\r\n");
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
