package org.vigil.alerting.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.alerting.SlaEscalation;

/**
 * Runs the SLA escalation every {@code vigil.alerts.escalation.interval} (default 1 minute) as a
 * db-scheduler recurring task: one row in {@code scheduled_tasks}, picked by exactly one node per
 * execution. Started by the alerting scheduler (see {@code MissingDataJob}). Off with
 * {@code vigil.alerts.escalation.enabled=false}. Whatever the scheduling, each level is reached
 * once (see {@link SlaEscalation}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vigil.alerts.escalation.enabled", havingValue = "true", matchIfMissing = true)
class SlaEscalationJob {

    @Bean
    RecurringTask<Void> slaEscalationTask(ObjectProvider<SlaEscalation> escalation,
            @Value("${vigil.alerts.escalation.interval:1m}") Duration interval) {
        return Tasks.recurring("alert-sla-escalation", FixedDelay.of(interval))
                .execute((instance, context) -> escalation.getObject().runOnce());
    }
}
