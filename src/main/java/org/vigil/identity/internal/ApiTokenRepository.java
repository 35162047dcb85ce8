package org.vigil.identity.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link ApiToken}; row-level security scopes every query to the current organization. */
public interface ApiTokenRepository extends JpaRepository<ApiToken, String> {
}
