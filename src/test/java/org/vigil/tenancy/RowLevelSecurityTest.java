package org.vigil.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.shared.Ids;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/**
 * Tenant isolation enforced by PostgreSQL itself: the statements below deliberately name the other
 * organization's ids, as a buggy or malicious caller would, and the database refuses them.
 */
@VigilIntegrationTest
class RowLevelSecurityTest {

    @Autowired
    TenantScope tenant;
    @Autowired
    PlatformScope platform;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestData data;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("ownerDataSource")
    javax.sql.DataSource ownerDataSource;

    String clinicA;
    String clinicB;
    String patientA;
    String patientB;

    @BeforeEach
    void twoClinics() {
        clinicA = data.organization();
        clinicB = data.organization();
        patientA = data.patient(clinicA, "A-1");
        patientB = data.patient(clinicB, "B-1");
    }

    private <T> T asA(java.util.function.Supplier<T> work) {
        return tenant.call(clinicA, work);
    }

    @Test
    void anOrganizationSeesOnlyItsOwnRows() {
        List<String> visible = asA(() -> jdbc.queryForList(
                "SELECT id FROM patients WHERE id IN (?, ?)", String.class, patientA, patientB));
        assertThat(visible).containsExactly(patientA);
        Integer all = asA(() -> jdbc.queryForObject(
                "SELECT count(*) FROM patients WHERE organization_id <> ?", Integer.class, clinicA));
        assertThat(all).isZero();
    }

    @Test
    void anotherOrganizationsRowsCannotBeUpdatedOrDeleted() {
        int updated = asA(() -> jdbc.update("UPDATE patients SET last_name = 'Changed' WHERE id = ?", patientB));
        int deleted = asA(() -> jdbc.update("DELETE FROM patients WHERE id = ?", patientB));
        assertThat(updated).isZero();
        assertThat(deleted).isZero();
        String lastName = platform.call(null, "verify test", () -> jdbc.queryForObject(
                "SELECT last_name FROM patients WHERE id = ?", String.class, patientB));
        assertThat(lastName).isEqualTo("Patient");
    }

    @Test
    void rowsCannotBeInsertedIntoAnotherOrganization() {
        assertThatThrownBy(() -> asA(() -> jdbc.update(
                "INSERT INTO patients (id, organization_id, first_name, last_name, date_of_birth) VALUES (?, ?, 'X', 'Y', ?)",
                Ids.newId(), clinicB, LocalDate.of(1960, 1, 1))))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void aRowCannotBeMovedToAnotherOrganization() {
        assertThatThrownBy(() -> asA(() -> jdbc.update(
                "UPDATE patients SET organization_id = ? WHERE id = ?", clinicB, patientA)))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void withNoOrganizationSetNothingIsVisible() {
        // The pool's connections run as vigil_app from the moment they open; no tenant means no rows.
        Integer patients = jdbc.queryForObject("SELECT count(*) FROM patients", Integer.class);
        Integer observations = jdbc.queryForObject("SELECT count(*) FROM observations", Integer.class);
        assertThat(patients).isZero();
        assertThat(observations).isZero();
        int updated = jdbc.update("UPDATE patients SET last_name = 'x'");
        assertThat(updated).isZero();
        // ...and the settings of a finished tenant transaction do not linger on the pooled connection.
        asA(() -> jdbc.queryForObject("SELECT count(*) FROM patients", Integer.class));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM patients", Integer.class)).isZero();
    }

    @Test
    void standardizedLibraryRowsAreVisibleToEveryTenantAndWritableByNone() {
        String standardMetric = data.metric(null);
        assertThat(asA(() -> jdbc.queryForList("SELECT id FROM metric_definitions WHERE id = ?", String.class, standardMetric)))
                .containsExactly(standardMetric);
        assertThat(tenant.call(clinicB, () -> jdbc.queryForList(
                "SELECT id FROM metric_definitions WHERE id = ?", String.class, standardMetric))).containsExactly(standardMetric);
        assertThat(asA(() -> jdbc.update("UPDATE metric_definitions SET display_name = 'Mine' WHERE id = ?", standardMetric))).isZero();
        assertThat(asA(() -> jdbc.update("DELETE FROM metric_definitions WHERE id = ?", standardMetric))).isZero();
        assertThatThrownBy(() -> asA(() -> jdbc.update(
                "INSERT INTO metric_definitions (id, key, display_name, value_type) VALUES (?, ?, 'Fake standard', 'NUMERIC')",
                Ids.newId(), "fake_" + Ids.newId())))
                .isInstanceOf(DataAccessException.class);
        String name = platform.call(null, "verify test", () -> jdbc.queryForObject(
                "SELECT display_name FROM metric_definitions WHERE id = ?", String.class, standardMetric));
        assertThat(name).isEqualTo("Test metric");
    }

    @Test
    void anOrganizationsLibraryCopyIsPrivateAndEditableByIt() {
        String copyOfA = data.metric(clinicA);
        assertThat(tenant.call(clinicB, () -> jdbc.queryForList(
                "SELECT id FROM metric_definitions WHERE id = ?", String.class, copyOfA))).isEmpty();
        assertThat(asA(() -> jdbc.update("UPDATE metric_definitions SET display_name = 'Ours' WHERE id = ?", copyOfA))).isOne();
    }

    @Test
    void aRowCannotReferenceAnotherOrganizationsRecordsByGuessingTheirIds() {
        String clinicianB = data.clinician(clinicB);
        String programA = data.careProgram(clinicA);
        // Composite (id, organization_id) foreign keys: B's clinician does not exist for A.
        assertThatThrownBy(() -> asA(() -> jdbc.update(
                "INSERT INTO enrollments (id, organization_id, patient_id, clinician_id, care_program_id, start_date) "
                        + "VALUES (?, ?, ?, ?, ?, now())", Ids.newId(), clinicA, patientA, clinicianB, programA)))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("enrollments_clinician_fkey");
        // Library references: B's private metric is invisible to A, so A cannot record against it.
        String metricOfB = data.metric(clinicB);
        assertThatThrownBy(() -> asA(() -> jdbc.update(
                "INSERT INTO observations (id, organization_id, patient_id, metric_id, value) VALUES (?, ?, ?, ?, '120'::jsonb)",
                Ids.newId(), clinicA, patientA, metricOfB)))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("does not exist for this organization");
        // A standardized metric is fine.
        String standardMetric = data.metric(null);
        assertThat(asA(() -> jdbc.update(
                "INSERT INTO observations (id, organization_id, patient_id, metric_id, value) VALUES (?, ?, ?, ?, '120'::jsonb)",
                Ids.newId(), clinicA, patientA, standardMetric))).isOne();
    }

    @Test
    void staffOfAnotherOrganizationCannotBeReferenced() {
        String nurseA = data.user();
        String nurseB = data.user();
        data.membership(clinicA, nurseA);
        data.membership(clinicB, nurseB);
        String sql = "INSERT INTO tasks (id, organization_id, patient_id, task_type, title, assigned_to_id) "
                + "VALUES (?, ?, ?, 'FOLLOW_UP_CALL', 'Call back', ?)";
        assertThat(asA(() -> jdbc.update(sql, Ids.newId(), clinicA, patientA, nurseA))).isOne();
        assertThatThrownBy(() -> asA(() -> jdbc.update(sql, Ids.newId(), clinicA, patientA, nurseB)))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("does not exist for this organization");
    }

    @Test
    void libraryChildRowsBelongToExactlyTheirParentsOrganization() {
        String copyOfA = data.conditionPreset(clinicA);
        String standard = data.conditionPreset(null);
        String sql = "INSERT INTO condition_preset_diagnoses (id, condition_preset_id, organization_id, icd10, label) "
                + "VALUES (?, ?, ?, 'I10', 'Essential hypertension')";
        // Even platform administration cannot hang a standardized (organization-less) row under A's
        // copy, where every tenant would see it, nor A's row under a standard preset.
        assertThatThrownBy(() -> platform.run(null, "library test", () -> jdbc.update(sql, Ids.newId(), copyOfA, null)))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> platform.run(null, "library test", () -> jdbc.update(sql, Ids.newId(), standard, clinicA)))
                .isInstanceOf(DataAccessException.class);
        assertThat(asA(() -> jdbc.update(sql, Ids.newId(), copyOfA, clinicA))).isOne();
    }

    @Test
    void theBillingCatalogIsReadableButNotWritableByTenants() {
        String program = data.billingProgram();
        assertThat(asA(() -> jdbc.queryForList("SELECT id FROM billing_programs WHERE id = ?", String.class, program)))
                .containsExactly(program);
        assertThatThrownBy(() -> asA(() -> jdbc.update("UPDATE billing_programs SET name = 'x' WHERE id = ?", program)))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void usersAndMembershipsAreVisibleOnlyWithinTheOrganization() {
        String nurseA = data.user();
        String nurseB = data.user();
        data.membership(clinicA, nurseA);
        data.membership(clinicB, nurseB);
        List<String> users = asA(() -> jdbc.queryForList(
                "SELECT id FROM users WHERE id IN (?, ?)", String.class, nurseA, nurseB));
        assertThat(users).containsExactly(nurseA);
        List<String> organizations = tenant.call(clinicA, nurseA, () -> jdbc.queryForList(
                "SELECT id FROM organizations WHERE id IN (?, ?)", String.class, clinicA, clinicB));
        assertThat(organizations).containsExactly(clinicA);
    }

    @Test
    void oneTransactionNeverWorksForTwoOrganizations() {
        assertThatThrownBy(() -> asA(() -> tenant.call(clinicB, () -> 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already works for");
        assertThat(asA(() -> tenant.call(clinicA, () -> TenantScope.currentOrganization().orElseThrow())))
                .isEqualTo(clinicA);
        assertThat(TenantScope.currentOrganization()).isEmpty();
    }

    @Test
    void platformAdministrationSeesEveryOrganizationAndIsAudited() {
        String reason = "support case " + Ids.newId();
        Integer both = platform.call(null, reason, () -> jdbc.queryForObject(
                "SELECT count(*) FROM patients WHERE id IN (?, ?)", Integer.class, patientA, patientB));
        assertThat(both).isEqualTo(2);
        Integer audited = platform.call(null, "verify test", () -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_logs WHERE action = 'PLATFORM_ADMINISTRATION' AND details ->> 'reason' = ?",
                Integer.class, reason));
        assertThat(audited).isOne();
    }

    @Test
    void theAuditLogIsAppendOnly() {
        platform.run(null, "append-only test", () -> { });
        assertThatThrownBy(() -> platform.run(null, "tamper test", () -> jdbc.update(
                "UPDATE audit_logs SET action = 'nothing' WHERE action = 'PLATFORM_ADMINISTRATION'")))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> platform.run(null, "tamper test", () -> jdbc.update("DELETE FROM audit_logs")))
                .isInstanceOf(DataAccessException.class);
        // Not even the schema owner can rewrite history: triggers refuse UPDATE, DELETE and TRUNCATE.
        JdbcTemplate owner = new JdbcTemplate(ownerDataSource);
        assertThatThrownBy(() -> owner.update("UPDATE audit_logs SET action = 'nothing'"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("DELETE FROM audit_logs"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.execute("TRUNCATE audit_logs"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    }
}
