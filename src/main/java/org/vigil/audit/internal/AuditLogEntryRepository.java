package org.vigil.audit.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link AuditLogEntry}; row-level security scopes every query to the current organization. */
public interface AuditLogEntryRepository extends JpaRepository<AuditLogEntry, String> {
}
