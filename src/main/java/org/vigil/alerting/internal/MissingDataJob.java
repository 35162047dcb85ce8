package org.vigil.alerting.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.alerting.MissingDataCheck;

/**
 * Runs the missing-data check every {@code vigil.alerts.missing-data-check.interval} (default 15
 * minutes) with db-scheduler: the execution is a row in {@code scheduled_tasks} that exactly one
 * node of a cluster picks, so the check runs once per interval however many nodes run. Off with
 * {@code vigil.alerts.missing-data-check.enabled=false} (the test suite calls the check directly
 * with its controllable clock).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vigil.alerts.missing-data-check.enabled", havingValue = "true", matchIfMissing = true)
class MissingDataJob {

    @Bean
    RecurringTask<Void> missingDataTask(ObjectProvider<MissingDataCheck> check,
            @Value("${vigil.alerts.missing-data-check.interval:15m}") Duration interval) {
        return Tasks.recurring("missing-data-check", FixedDelay.of(interval))
                .execute((instance, context) -> check.getObject().runOnce());
    }

    /**
     * Starts a fresh db-scheduler on every lifecycle start (a db-scheduler cannot be restarted once
     * stopped, and Spring stops and starts contexts, e.g. paused test contexts) and stops it with
     * the context, before the DataSource closes. Runs every recurring task of the module (the
     * missing-data check, the SLA escalation).
     */
    @Bean
    SmartLifecycle alertSchedulerLifecycle(DataSource dataSource, List<RecurringTask<?>> recurringTasks) {
        return new SmartLifecycle() {
            private volatile Scheduler scheduler;

            @Override
            public synchronized void start() {
                scheduler = Scheduler.create(dataSource).startTasks(recurringTasks).threads(1)
                        .pollingInterval(Duration.ofSeconds(30)).build();
                scheduler.start();
            }

            @Override
            public synchronized void stop() {
                if (scheduler != null) {
                    scheduler.stop();
                    scheduler = null;
                }
            }

            @Override
            public boolean isRunning() {
                return scheduler != null;
            }
        };
    }
}
