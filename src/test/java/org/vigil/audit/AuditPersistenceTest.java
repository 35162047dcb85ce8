package org.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.audit.internal.AuditLogEntry;
import org.vigil.audit.internal.AuditLogEntryRepository;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.TenantScope;

/** Audit log entries round-trip through JPA and stay with their organization. */
@VigilIntegrationTest
class AuditPersistenceTest {

    @Autowired TenantScope tenant;
    @Autowired TestData data;
    @Autowired AuditLogEntryRepository entries;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anEntryWrittenByAnOrganizationIsReadByItOnly() throws Exception {
        String clinic = data.organization();
        String user = data.user();
        data.membership(clinic, user);
        String patient = data.patient(clinic, "MRN-AU1");
        String details = "{\"fields\": [\"dateOfBirth\", \"insuranceInfo\"], \"route\": \"/patients/{id}\"}";

        String id = tenant.call(clinic, user, () -> {
            AuditLogEntry entry = new AuditLogEntry(clinic, "PATIENT_VIEWED");
            entry.setUserId(user);
            entry.setResourceType("patient");
            entry.setResourceId(patient);
            entry.setOutcome(AuditOutcome.SUCCESS);
            entry.setIpAddress("203.0.113.7");
            entry.setUserAgent("Mozilla/5.0");
            entry.setDetails(details);
            entry.setHipaaRelevant(true);
            return entries.save(entry).getId();
        });

        AuditLogEntry stored = tenant.call(clinic, () -> entries.findById(id).orElseThrow());
        assertThat(stored.getOrganizationId()).isEqualTo(clinic);
        assertThat(stored.getUserId()).isEqualTo(user);
        assertThat(stored.getAction()).isEqualTo("PATIENT_VIEWED");
        assertThat(stored.getResourceType()).isEqualTo("patient");
        assertThat(stored.getResourceId()).isEqualTo(patient);
        assertThat(stored.getOutcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(stored.getIpAddress()).isEqualTo("203.0.113.7");
        assertThat(stored.isHipaaRelevant()).isTrue();
        assertThat(stored.getCreatedAt()).isNotNull();
        JSONAssert.assertEquals(details, stored.getDetails(), true);

        String otherClinic = data.organization();
        assertThat(tenant.call(otherClinic, () -> entries.findById(id))).isEmpty();
        assertThat(tenant.call(otherClinic, () -> entries.count())).isZero();

        // Append-only: not even the organization itself can change or remove its entry.
        assertThatThrownBy(() -> tenant.run(clinic, () -> jdbc.update(
                "UPDATE audit_logs SET action = 'NOTHING_HAPPENED' WHERE id = ?", id)))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> tenant.run(clinic, () -> jdbc.update("DELETE FROM audit_logs WHERE id = ?", id)))
                .isInstanceOf(DataAccessException.class);
        assertThat(tenant.call(clinic, () -> entries.findById(id).orElseThrow().getAction())).isEqualTo("PATIENT_VIEWED");
    }

    @Test
    void anOrganizationCannotWriteEntriesForAnother() {
        String clinic = data.organization();
        String otherClinic = data.organization();
        AuditLogEntry forged = new AuditLogEntry(otherClinic, "PATIENT_EXPORTED");
        assertThatThrownBy(() -> tenant.run(clinic, () -> entries.saveAndFlush(forged)))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("row-level security");
        assertThat(tenant.call(otherClinic, () -> entries.count())).isZero();
    }
}
