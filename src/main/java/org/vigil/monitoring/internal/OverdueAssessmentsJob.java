package org.vigil.monitoring.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.tenancy.PlatformScope;

/**
 * Marks scheduled questionnaires OVERDUE a day after they were due, every
 * {@code vigil.assessments.overdue-check.interval} (default 1 hour), as a recurring task of the
 * application's db-scheduler: once per interval across the cluster. The update is set-based and
 * idempotent, so a repeated run changes nothing. It runs as platform administration (all
 * organizations at once, audited).
 */
@Configuration(proxyBeanMethods = false)
class OverdueAssessmentsJob {

    @Bean
    RecurringTask<Void> overdueAssessmentsTask(AssessmentPlanner planner, PlatformScope platform, Clock clock,
            @Value("${vigil.assessments.overdue-check.interval:1h}") Duration interval) {
        return Tasks.recurring("overdue-assessments", FixedDelay.of(interval)).execute((instance, context) ->
                platform.run(null, "Mark scheduled assessments overdue", () -> planner.markOverdue(clock.instant())));
    }
}
