package org.vigil.tenancy;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way to work "as organization X": runs the given work in a transaction whose database
 * role is the unprivileged {@code vigil_app} and whose {@code app.org_id} (and, when known,
 * {@code app.user_id}) names the organization. PostgreSQL row-level security then admits only
 * that organization's rows (plus the read-only standardized library), whatever the code asks for.
 *
 * <pre>{@code
 * Patient patient = tenantScope.call(organizationId, () -> patients.findById(id).orElseThrow());
 * }</pre>
 *
 * Nested calls for the same organization join the running transaction; a nested call for a
 * different organization, or a call inside a transaction that is not tenant-scoped, is refused:
 * one transaction never works for two organizations.
 */
@Component
public class TenantScope {

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    TenantScope(PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
    }

    /** Runs {@code work} for the organization, with no signed-in user (jobs, device webhooks). */
    public <T> T call(String organizationId, Supplier<T> work) {
        return call(organizationId, null, work);
    }

    /** Runs {@code work} for the organization on behalf of the signed-in user. */
    public <T> T call(String organizationId, String userId, Supplier<T> work) {
        Objects.requireNonNull(organizationId, "organizationId");
        if (organizationId.isBlank()) {
            throw new IllegalArgumentException("organizationId must not be blank");
        }
        return within(WorkContext.tenant(organizationId, userId), work);
    }

    /**
     * Runs {@code work} on behalf of a signed-in user before an organization is chosen (sign-in,
     * the organization switcher): the user sees their own account, memberships and tokens, and no
     * organization's data.
     */
    public <T> T asUser(String userId, Supplier<T> work) {
        Objects.requireNonNull(userId, "userId");
        return within(WorkContext.tenant(null, userId), work);
    }

    private <T> T within(WorkContext requested, Supplier<T> work) {
        Optional<WorkContext> current = WorkContext.current();
        if (current.isPresent()) {
            current.get().requireCompatible(requested);
            return work.get();
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A transaction is already running without "
                    + requested.describe() + "; start scoped work outside it so that every statement is scoped");
        }
        return transactions.execute(status -> {
            requested.bind(jdbc);
            return work.get();
        });
    }

    public void run(String organizationId, Runnable work) {
        call(organizationId, null, () -> {
            work.run();
            return null;
        });
    }

    public void run(String organizationId, String userId, Runnable work) {
        call(organizationId, userId, () -> {
            work.run();
            return null;
        });
    }

    /** The organization the current transaction works for, if any. */
    public static Optional<String> currentOrganization() {
        return WorkContext.current().map(WorkContext::organizationId);
    }
}
