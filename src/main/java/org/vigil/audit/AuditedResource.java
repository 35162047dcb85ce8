package org.vigil.audit;

/**
 * A kind of record whose every read and write is audited, as named in the audit log's
 * {@code resourceType}. {@code phi}: it is (or reveals) protected health information, which marks
 * its entries HIPAA-relevant.
 */
public record AuditedResource(String type, boolean phi) {

    public static AuditedResource phi(String type) {
        return new AuditedResource(type, true);
    }

    public static AuditedResource business(String type) {
        return new AuditedResource(type, false);
    }
}
