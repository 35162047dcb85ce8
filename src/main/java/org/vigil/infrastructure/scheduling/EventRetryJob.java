package org.vigil.infrastructure.scheduling;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * The safety net of the event publication registry: an event whose listener failed (a deadlock, a
 * node stopped mid-way) stays incomplete; every {@code vigil.events.retry.interval} (default 1
 * minute) the publications older than {@code vigil.events.retry.older-than} (default 2 minutes) are
 * resubmitted, so a reading is evaluated even if its first evaluation failed, without waiting for a
 * restart. Listeners are idempotent (alerts are upserts, plans ON CONFLICT DO NOTHING).
 */
@Configuration(proxyBeanMethods = false)
class EventRetryJob {

    @Bean
    RecurringTask<Void> incompleteEventsTask(IncompleteEventPublications incomplete,
            @Value("${vigil.events.retry.interval:1m}") Duration interval,
            @Value("${vigil.events.retry.older-than:2m}") Duration olderThan) {
        return Tasks.recurring("resubmit-incomplete-events", FixedDelay.of(interval))
                .execute((instance, context) -> incomplete.resubmitIncompletePublicationsOlderThan(olderThan));
    }
}
