package org.vigil.tenancy;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The separate, explicit path for platform administration: work that must see or write across
 * organizations (maintaining the standardized library and billing catalog, creating
 * organizations, looking a user up by email before sign-in). It runs as the {@code vigil_platform}
 * role and every use is recorded in the audit log with its actor and reason, in the same
 * transaction. Nothing else can read another organization's rows.
 */
@Component
public class PlatformScope {

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlatformScope(PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
            ApplicationEventPublisher events, Clock clock) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Runs {@code work} as platform administration.
     *
     * @param actorUserId the platform administrator, or {@code null} for the system itself
     * @param reason      why, in words an auditor can read (never PHI)
     */
    public <T> T call(String actorUserId, String reason, Supplier<T> work) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("Platform administration needs a reason");
        }
        WorkContext requested = WorkContext.platform(actorUserId);
        Optional<WorkContext> current = WorkContext.current();
        if (current.isPresent()) {
            current.get().requireCompatible(requested);
            return work.get();
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A transaction is already running; platform work needs its own");
        }
        return transactions.execute(status -> {
            requested.bind(jdbc, null, ScopeStatement.NONE);
            events.publishEvent(new PlatformAdministrationPerformed(actorUserId, reason, clock.instant()));
            return work.get();
        });
    }

    public void run(String actorUserId, String reason, Runnable work) {
        call(actorUserId, reason, () -> {
            work.run();
            return null;
        });
    }
}
