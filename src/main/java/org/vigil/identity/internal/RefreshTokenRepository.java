package org.vigil.identity.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link RefreshToken}; row-level security scopes every query to the current organization. */
public interface RefreshTokenRepository extends JpaRepository<RefreshToken, String> {
}
