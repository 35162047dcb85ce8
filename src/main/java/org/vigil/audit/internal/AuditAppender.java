package org.vigil.audit.internal;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.vigil.audit.AuditOutcome;

/** The audit module's own entry point for its public recorders (see {@code RecordAccessAudit}). */
@Component
public class AuditAppender {

    private final AuditTrail trail;

    AuditAppender(AuditTrail trail) {
        this.trail = trail;
    }

    /** One patient's entry of {@link #appendAll}: the patient and the entry's details (ids, never PHI). */
    public record PatientEntry(String patientId, Map<String, Object> details) {
    }

    /** Several entries differing only in patient and details, in one statement (HIPAA-relevant: they name patients). */
    public void appendAll(String organizationId, String userId, String action, String resourceType, String ipAddress,
            String userAgent, List<PatientEntry> entries) {
        trail.appendAll(organizationId, userId, action, resourceType, ipAddress, userAgent, entries);
    }

    public void append(String organizationId, String userId, String action, String resourceType, String resourceId,
            String patientId, String ipAddress, String userAgent, boolean hipaaRelevant, Map<String, Object> details) {
        trail.append(new AuditTrail.Entry(organizationId, userId, action, resourceType, resourceId, patientId,
                AuditOutcome.SUCCESS, ipAddress, userAgent, details), hipaaRelevant);
    }
}
