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
import org.vigil.alerting.MissingDataCheck;

/**
 * Runs the missing-data check every {@code vigil.alerts.missing-data-check.interval} (default 15
 * minutes) as a recurring task of the application's db-scheduler ({@code infrastructure.scheduling}),
 * so it runs once per interval however many nodes run. Off with
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
}
