package org.vigil.identity.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link User}; row-level security scopes every query to the current organization. */
public interface UserRepository extends JpaRepository<User, String> {
}
