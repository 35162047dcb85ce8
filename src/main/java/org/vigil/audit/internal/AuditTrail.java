package org.vigil.audit.internal;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.vigil.audit.AuditOutcome;
import org.vigil.shared.Ids;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends one entry to the audit log. Inside a running (tenant or platform) transaction the entry
 * is written in it, so it commits or rolls back with the change it records; outside one it is
 * written in the entry's organization's scope (so that organization's auditors see it), or as an
 * organization-less entry. {@code details} carries identifiers and field names, never PHI.
 */
@Component
class AuditTrail {

    record Entry(String organizationId, String userId, String action, String resourceType, String resourceId,
            String patientId, AuditOutcome outcome, String ipAddress, String userAgent, Map<String, Object> details) {

        /** An entry about no particular patient. */
        Entry(String organizationId, String userId, String action, String resourceType, String resourceId,
                AuditOutcome outcome, String ipAddress, String userAgent, Map<String, Object> details) {
            this(organizationId, userId, action, resourceType, resourceId, null, outcome, ipAddress, userAgent,
                    details);
        }
    }

    private final AuditLogEntryRepository entries;
    private final TenantScope tenantScope;
    private final JsonMapper json;
    private final JdbcTemplate jdbc;

    AuditTrail(AuditLogEntryRepository entries, TenantScope tenantScope, JsonMapper json, JdbcTemplate jdbc) {
        this.entries = entries;
        this.tenantScope = tenantScope;
        this.json = json;
        this.jdbc = jdbc;
    }

    /**
     * Successful, HIPAA-relevant entries that differ only in patient and details, written in the
     * running transaction by one {@code INSERT … SELECT FROM unnest} (a batch of readings names up
     * to a few hundred patients; one statement per entry was a tenth of the batch's database time).
     */
    void appendAll(String organizationId, String userId, String action, String resourceType, String ipAddress,
            String userAgent, List<AuditAppender.PatientEntry> patientEntries) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Entries are appended together inside the transaction they record");
        }
        String[] ids = new String[patientEntries.size()];
        String[] patients = new String[ids.length];
        String[] details = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Ids.newId();
            patients[i] = patientEntries.get(i).patientId();
            details[i] = json.writeValueAsString(patientEntries.get(i).details());
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO audit_logs (id, organization_id, user_id, action, resource_type, patient_id, outcome,
                                            ip_address, user_agent, details, hipaa_relevant, created_at)
                    SELECT e.id, ?, ?, ?, ?, e.patient_id, 'SUCCESS', ?, ?, e.details::jsonb, true, ?
                      FROM unnest(?::text[], ?::text[], ?::text[]) AS e(id, patient_id, details)""");
            ps.setString(1, organizationId);
            ps.setString(2, userId);
            ps.setString(3, action);
            ps.setString(4, resourceType);
            ps.setString(5, ipAddress);
            ps.setString(6, userAgent);
            ps.setTimestamp(7, now);
            ps.setArray(8, con.createArrayOf("text", ids));
            ps.setArray(9, con.createArrayOf("text", patients));
            ps.setArray(10, con.createArrayOf("text", details));
            return ps;
        });
    }

    void append(Entry entry) {
        append(entry, true);
    }

    void append(Entry entry, boolean hipaaRelevant) {
        AuditLogEntry row = new AuditLogEntry(entry.organizationId(), entry.action());
        row.setUserId(entry.userId());
        row.setResourceType(entry.resourceType());
        row.setResourceId(entry.resourceId());
        row.setPatientId(entry.patientId());
        row.setOutcome(entry.outcome());
        row.setIpAddress(entry.ipAddress());
        row.setUserAgent(entry.userAgent());
        row.setHipaaRelevant(hipaaRelevant);
        row.setDetails(json.writeValueAsString(entry.details()));
        if (TransactionSynchronizationManager.isActualTransactionActive() || entry.organizationId() == null) {
            entries.save(row);
        } else {
            tenantScope.run(entry.organizationId(), entry.userId(), () -> entries.save(row));
        }
    }
}
