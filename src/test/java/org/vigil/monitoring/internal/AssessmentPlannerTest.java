package org.vigil.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.shared.Ids;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.TenantScope;

/** A scheduled questionnaire still pending a day after it was due becomes OVERDUE; sooner it does not. */
@VigilIntegrationTest
class AssessmentPlannerTest {

    @Autowired
    AssessmentPlanner planner;
    @Autowired
    TenantScope tenant;
    @Autowired
    TestData data;

    @Test
    void overdueOneDayAfterTheDueTimeNotBefore() {
        String clinic = data.organization();
        String patient = data.patient(clinic, null);
        String enrollment = data.enrollment(clinic, patient, data.clinician(clinic), data.careProgram(clinic));
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        String late = item(clinic, patient, enrollment, now.minus(Duration.ofDays(1)));
        String early = item(clinic, patient, enrollment, now.minus(Duration.ofDays(1)).plusSeconds(1));

        int marked = tenant.call(clinic, () -> planner.markOverdue(now));
        assertThat(marked).isOne();
        assertThat(status(late)).isEqualTo("OVERDUE");
        assertThat(status(early)).isEqualTo("PENDING");
    }

    @Test
    void theOverdueCheckIsAClusterSafeRecurringJob() {
        assertThat(data.platformQuery("SELECT count(*)::int FROM scheduled_tasks WHERE task_name = 'overdue-assessments'"))
                .isEqualTo(1);
    }

    private String item(String clinic, String patient, String enrollment, Instant dueAt) {
        String id = Ids.newId();
        data.platformUpdate("INSERT INTO scheduled_assessments (id, organization_id, patient_id, enrollment_id, template_id, "
                + "due_at) VALUES (?, ?, ?, ?, ?, ?)", id, clinic, patient, enrollment, data.template(clinic),
                Timestamp.from(dueAt));
        return id;
    }

    private String status(String id) {
        return data.platformString("SELECT status FROM scheduled_assessments WHERE id = ?", id);
    }
}
