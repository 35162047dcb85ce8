package org.vigil.tenancy;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
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
 * <p>The statement that scopes the transaction also reads what other modules need at the start of
 * each of an organization's transactions ({@link ScopeRead}): one round trip for all of it.
 *
 * <p>Nested calls for the same organization join the running transaction; a nested call for a
 * different organization, or a call inside a transaction that is not tenant-scoped, is refused:
 * one transaction never works for two organizations.
 */
@Component
public class TenantScope {

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final ScopeStatement scoping;

    TenantScope(PlatformTransactionManager transactionManager, JdbcTemplate jdbc, ObjectProvider<ScopeRead> reads) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.scoping = new ScopeStatement(reads.orderedStream().toList());
    }

    /** Runs {@code work} for the organization, with no signed-in user (jobs, device webhooks). */
    public <T> T call(String organizationId, Supplier<T> work) {
        return call(organizationId, null, work);
    }

    /** Runs {@code work} for the organization on behalf of the signed-in user. */
    public <T> T call(String organizationId, String userId, Supplier<T> work) {
        return call(organizationId, userId, null, work);
    }

    /**
     * {@link #call(String, String, Supplier)} for a request whose caller check was deferred to its
     * transaction: {@code session} (null: none to confirm) is confirmed by the statement that scopes
     * the transaction, without a round trip of its own, and a session that does not hold throws
     * {@link CallerRefused} before {@code work} runs. Joining a running transaction of the same
     * organization, it is confirmed by a statement of its own.
     */
    public <T> T call(String organizationId, String userId, LiveSession session, Supplier<T> work) {
        if (session != null && (!session.organizationId().equals(organizationId) || !session.userId().equals(userId))) {
            throw new IllegalArgumentException("The session to confirm is another member's");
        }
        Objects.requireNonNull(organizationId, "organizationId");
        if (organizationId.isBlank()) {
            throw new IllegalArgumentException("organizationId must not be blank");
        }
        return within(WorkContext.tenant(organizationId, userId), session, work);
    }

    /**
     * Runs {@code work} on behalf of a signed-in user before an organization is chosen (sign-in,
     * the organization switcher): the user sees their own account, memberships and tokens, and no
     * organization's data.
     */
    public <T> T asUser(String userId, Supplier<T> work) {
        Objects.requireNonNull(userId, "userId");
        return within(WorkContext.tenant(null, userId), null, work);
    }

    private <T> T within(WorkContext requested, LiveSession session, Supplier<T> work) {
        Optional<WorkContext> current = WorkContext.current();
        if (current.isPresent()) {
            current.get().requireCompatible(requested);
            if (session != null) {
                WorkContext.requireLive(session, MembershipDirectory.inLiveSession(jdbc, session.userId(),
                        session.organizationId(), session.sessionId()).orElse(null));
            }
            return work.get();
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A transaction is already running without "
                    + requested.describe() + "; start scoped work outside it so that every statement is scoped");
        }
        return transactions.execute(status -> {
            requested.bind(jdbc, session, scoping);
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
