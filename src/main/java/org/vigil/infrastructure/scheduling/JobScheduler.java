package org.vigil.infrastructure.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one db-scheduler of the application: it runs every {@link RecurringTask} bean any module
 * declares. An execution is a row in {@code scheduled_tasks} that exactly one node picks, so each
 * job runs once per interval however many nodes run. A fresh scheduler is created on every
 * lifecycle start (a db-scheduler cannot be restarted once stopped, and Spring stops and starts
 * contexts, e.g. paused test contexts) and stopped with the context, before the DataSource closes.
 * Off with {@code vigil.jobs.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "vigil.jobs.enabled", havingValue = "true", matchIfMissing = true)
class JobScheduler implements SmartLifecycle {

    private final DataSource dataSource;
    private final ObjectProvider<RecurringTask<?>> tasks;
    private final Duration pollingInterval;
    private volatile Scheduler scheduler;

    JobScheduler(DataSource dataSource, ObjectProvider<RecurringTask<?>> tasks,
            @Value("${vigil.jobs.polling-interval:30s}") Duration pollingInterval) {
        this.dataSource = dataSource;
        this.tasks = tasks;
        this.pollingInterval = pollingInterval;
    }

    @Override
    public synchronized void start() {
        List<RecurringTask<?>> recurring = tasks.orderedStream().toList();
        if (recurring.isEmpty()) {
            return;
        }
        scheduler = Scheduler.create(dataSource).startTasks(recurring).threads(2).pollingInterval(pollingInterval)
                .build();
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
}
