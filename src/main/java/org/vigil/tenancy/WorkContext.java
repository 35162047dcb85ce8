package org.vigil.tenancy;

import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who the current transaction works for: an organization (tenant role) or the platform. Bound to
 * the transaction as a resource and applied to its connection with transaction-local settings, so
 * nothing leaks to the next user of the pooled connection.
 */
record WorkContext(String role, String organizationId, String userId) {

    static final String TENANT_ROLE = "vigil_app";
    static final String PLATFORM_ROLE = "vigil_platform";
    private static final Object KEY = WorkContext.class;

    static WorkContext tenant(String organizationId, String userId) {
        return new WorkContext(TENANT_ROLE, organizationId, userId);
    }

    static WorkContext platform(String userId) {
        return new WorkContext(PLATFORM_ROLE, null, userId);
    }

    static Optional<WorkContext> current() {
        return Optional.ofNullable((WorkContext) TransactionSynchronizationManager.getResource(KEY));
    }

    /**
     * Scopes the transaction's connection with {@code statement} (one round trip: role, settings,
     * the {@code session} to confirm if any, and other modules' reads) and binds this context; a
     * session that does not hold throws {@link CallerRefused} before anything else runs.
     */
    void bind(JdbcTemplate jdbc, LiveSession session, ScopeStatement statement) {
        statement.run(jdbc, this, session);
        TransactionSynchronizationManager.bindResource(KEY, this);
        TransactionSynchronizationManager.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
            }
        });
    }

    /** Throws unless {@code membership} (the live answer for the session, or null) carries what the session requires. */
    static void requireLive(LiveSession session, ActiveMembership membership) {
        if (membership == null) {
            throw new CallerRefused(true);
        }
        if (!membership.permissions().contains(session.required())) {
            throw new CallerRefused(false);
        }
    }

    void requireCompatible(WorkContext requested) {
        if (!Objects.equals(role, requested.role) || !Objects.equals(organizationId, requested.organizationId)) {
            throw new IllegalStateException("This transaction already works for "
                    + describe() + "; it cannot also work for " + requested.describe());
        }
        if (requested.userId != null && !Objects.equals(userId, requested.userId)) {
            throw new IllegalStateException("This transaction already works on behalf of another user");
        }
    }

    String describe() {
        if (PLATFORM_ROLE.equals(role)) {
            return "platform administration";
        }
        return organizationId == null ? "user " + userId + " (no organization)" : "organization " + organizationId;
    }
}
