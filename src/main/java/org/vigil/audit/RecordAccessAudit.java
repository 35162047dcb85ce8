package org.vigil.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.vigil.audit.internal.AuditAppender;
import org.vigil.tenancy.TenantPrincipal;

/**
 * Records every read and write of a clinical record: who (the signed-in member, or the scope's
 * user for work without a request), which organization, what (READ, SEARCH, CREATE, UPDATE,
 * DELETE), which record and which patient, from which address and user agent, when.
 *
 * <p>Call it inside the tenant transaction that reads or writes: the entry is written in that
 * transaction, so a change and its audit entry commit together or not at all, and a read whose
 * entry cannot be written fails instead of going unrecorded. Entries carry ids and field names,
 * never values (no PHI in the audit log's details either).
 */
@Component
public class RecordAccessAudit {

    private final AuditAppender appender;
    private final JdbcTemplate jdbc;

    RecordAccessAudit(AuditAppender appender, JdbcTemplate jdbc) {
        this.appender = appender;
        this.jdbc = jdbc;
    }

    public void read(AuditedResource resource, String id, String patientId) {
        record("READ", resource, id, patientId, Map.of());
    }

    /** A list or search: which records it returned and which filters were used (names, not values). */
    public void searched(AuditedResource resource, List<String> returnedIds, Collection<String> filtersUsed,
            String patientId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("returned", returnedIds);
        details.put("filters", new TreeSet<>(filtersUsed));
        record("SEARCH", resource, null, patientId, details);
    }

    public void created(AuditedResource resource, String id, String patientId) {
        record("CREATE", resource, id, patientId, Map.of());
    }

    /**
     * Records created at once for several patients (a batch of readings): one entry per patient
     * listing that patient's ids, all written in one statement.
     */
    public void createdAll(AuditedResource resource, Map<String, List<String>> idsByPatient) {
        if (idsByPatient.isEmpty()) {
            return;
        }
        Who who = who();
        List<AuditAppender.PatientEntry> entries = new ArrayList<>(idsByPatient.size());
        idsByPatient.forEach((patientId, ids) -> entries.add(new AuditAppender.PatientEntry(patientId,
                Map.of("created", ids))));
        appender.appendAll(who.organizationId, who.userId, "CREATE", resource.type(), who.address, who.agent, entries);
    }

    public void updated(AuditedResource resource, String id, String patientId, Collection<String> fieldsChanged) {
        record("UPDATE", resource, id, patientId, Map.of("fields", new TreeSet<>(fieldsChanged)));
    }

    public void deleted(AuditedResource resource, String id, String patientId) {
        record("DELETE", resource, id, patientId, Map.of());
    }

    private void record(String action, AuditedResource resource, String id, String patientId,
            Map<String, Object> details) {
        Who who = who();
        appender.append(who.organizationId, who.userId, action, resource.type(), id, patientId, who.address, who.agent,
                resource.phi() || patientId != null, details);
    }

    /** Who acts, for whom and from where. */
    private record Who(String organizationId, String userId, String address, String agent) {
    }

    private Who who() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Record access is audited inside the transaction that performs it");
        }
        String organizationId;
        String userId;
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof TenantPrincipal caller) {
            organizationId = caller.organizationId();
            userId = caller.userId();
        } else {
            // Work without a signed-in member (a job, the demo data): the scope says for whom.
            Map<String, Object> scope = jdbc.queryForMap("SELECT vigil_current_org() AS org, vigil_current_user() AS usr");
            organizationId = (String) scope.get("org");
            userId = (String) scope.get("usr");
        }
        String address = null;
        String agent = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            address = request.getRemoteAddr();
            agent = request.getHeader("User-Agent");
            if (agent != null && agent.length() > 300) {
                agent = agent.substring(0, 300);
            }
        }
        return new Who(organizationId, userId, address, agent);
    }
}
