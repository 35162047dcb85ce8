package org.vigil.identity.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link SocialAccount}; row-level security scopes every query to the current organization. */
public interface SocialAccountRepository extends JpaRepository<SocialAccount, String> {
}
