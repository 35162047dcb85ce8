package org.vigil.billing.internal;

import java.util.List;

/**
 * Claim lines as CSV (RFC 4180): a header row, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break, quotes doubled; a field a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe (as audit/internal/AuditCsv).
 * ICD-10 codes are separated by semicolons, primary first.
 */
final class ClaimsCsv {

    static final String HEADER = "patientId,enrollmentId,dateOfService,code,units,billingNpi,icd10Codes,amount,rateTable,final";

    private ClaimsCsv() {
    }

    static String write(List<BillingViews.ClaimLine> lines) {
        return append(start(), lines).toString();
    }

    /** The header row, to {@link #append} lines to. */
    static StringBuilder start() {
        return new StringBuilder(HEADER).append("\r\n");
    }

    static StringBuilder append(StringBuilder csv, List<BillingViews.ClaimLine> lines) {
        for (BillingViews.ClaimLine l : lines) {
            String[] fields = {l.patientId(), l.enrollmentId(), l.dateOfService().toString(), l.code(), Integer.toString(l.units()),
                    l.billingNpi(), String.join(";", l.icd10Codes()), l.amount() == null ? null : l.amount().toPlainString(),
                    l.rateTable(), Boolean.toString(!l.provisional())};
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(field(fields[i]));
            }
            csv.append("\r\n");
        }
        return csv;
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
