package org.vigil.library;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.vigil.tenancy.ScopeRead;
import org.vigil.tenancy.TenantScope;

/**
 * Library look-ups (metric definitions, the rules of condition presets) remembered between
 * transactions, per organization, and used only while the library has not changed: a lone
 * single-reading POST otherwise spends five of its ~22 statements reading the same few rows again.
 *
 * <p>The rule: every write to a table these look-ups read changes the organization's library
 * version or the standardized library's (V115 triggers, values from a sequence). A transaction
 * reads the version once, before its first look-up — the larger of its organization's and the
 * standardized library's; with the statement that scopes it ({@link ScopeRead}), so without a round
 * trip of its own — and takes a remembered result only if it was loaded under that very
 * version. What it loads itself was read after that version, so it is at least as new as the
 * version says, and is remembered only when the transaction commits: a transaction that changed
 * the library and rolled back leaves nothing behind, and a version it drew is never drawn again.
 *
 * <p>Only inside a tenant transaction (the organization is part of every key, so one
 * organization's look-ups never answer another's); elsewhere (platform administration, no
 * transaction) every look-up goes to the database. Results must be immutable: they are shared
 * between threads. At most {@value #MAX_ENTRIES} results; when full, all are forgotten.
 */
@Component
class LibraryCache implements ScopeRead {

    static final int MAX_ENTRIES = 10_000;

    private record Key(String organizationId, String kind, Object arguments) {
    }

    private record Entry(long version, Object value) {
    }

    /** What one transaction knows: its organization, the library version it read, what it loaded. */
    private record InTransaction(String organizationId, long version, Map<Key, Object> loaded) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    /** Per organization: look-ups answered from memory, and loaded inside its transactions (for tests). */
    private final Map<String, Counts> counts = new ConcurrentHashMap<>();

    private record Counts(AtomicLong hits, AtomicLong loads) {
    }

    /**
     * The result of {@code load} for this look-up ({@code kind} and its {@code arguments}, which
     * must have value equality), remembered or loaded.
     */
    @SuppressWarnings("unchecked")
    <T> T get(String kind, Object arguments, Supplier<T> load) {
        InTransaction tx = current();
        if (tx == null) {
            return load.get();
        }
        Key key = new Key(tx.organizationId(), kind, arguments);
        Object mine = tx.loaded().get(key);
        if (mine != null) {
            return (T) mine;
        }
        Entry entry = entries.get(key);
        Counts counted = counts.computeIfAbsent(tx.organizationId(),
                o -> new Counts(new AtomicLong(), new AtomicLong()));
        if (entry != null && entry.version() == tx.version()) {
            counted.hits().incrementAndGet();
            return (T) entry.value();
        }
        counted.loads().incrementAndGet();
        T value = load.get();
        tx.loaded().put(key, value);
        return value;
    }

    /** The library version the running transaction works under, if it read one (for tests). */
    OptionalLong versionInThisTransaction() {
        InTransaction tx = TransactionSynchronizationManager.isSynchronizationActive()
                ? (InTransaction) TransactionSynchronizationManager.getResource(this) : null;
        return tx == null ? OptionalLong.empty() : OptionalLong.of(tx.version());
    }

    long hits(String organizationId) {
        Counts c = counts.get(organizationId);
        return c == null ? 0 : c.hits().get();
    }

    long loads(String organizationId) {
        Counts c = counts.get(organizationId);
        return c == null ? 0 : c.loads().get();
    }

    /** The version, read by the statement that scopes each of an organization's transactions. */
    @Override
    public String sql() {
        return "(SELECT max(version) FROM library_versions WHERE organization_key IN ('', s.vigil_scope_org))";
    }

    @Override
    public void scoped(String organizationId, Object version) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getResource(this) == null) {
            begin(organizationId, version == null ? 0 : ((Number) version).longValue());
        }
    }

    /**
     * The running transaction's version and loads, or null (outside a tenant transaction, or one
     * scoped without the version: every look-up then goes to the database).
     */
    private InTransaction current() {
        Optional<String> organization = TenantScope.currentOrganization();
        if (organization.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        InTransaction tx = (InTransaction) TransactionSynchronizationManager.getResource(this);
        return tx != null && tx.organizationId().equals(organization.get()) ? tx : null;
    }

    private void begin(String organizationId, long version) {
        InTransaction created = new InTransaction(organizationId, version, new HashMap<>());
        TransactionSynchronizationManager.bindResource(this, created);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                remember(created);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(LibraryCache.this);
            }
        });
    }

    private void remember(InTransaction tx) {
        if (entries.size() + tx.loaded().size() > MAX_ENTRIES) {
            entries.clear();
        }
        // a result loaded under a later version (another transaction's) stays
        tx.loaded().forEach((key, value) -> entries.merge(key, new Entry(tx.version(), value),
                (present, loaded) -> present.version() > loaded.version() ? present : loaded));
    }
}
