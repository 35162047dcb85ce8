package org.vigil.tenancy;

/**
 * A value another module needs at the start of every tenant transaction, read by the statement
 * that scopes the transaction ({@link TenantScope}) instead of by a statement of its own: one round
 * trip fewer per transaction. The library's version is one (the library module's cache).
 *
 * <p>The sub-select names the organization as {@code s.vigil_scope_org}: the scoping statement's
 * column that set {@code app.org_id}. Depending on it, the sub-select runs only once the
 * transaction's settings apply, as the transaction's role, under its row-level security.
 */
public interface ScopeRead {

    /** A scalar sub-select, in parentheses, naming the organization as {@code s.vigil_scope_org}. */
    String sql();

    /** In the transaction just scoped for {@code organizationId}: the sub-select's value (or null). */
    void scoped(String organizationId, Object value);
}
