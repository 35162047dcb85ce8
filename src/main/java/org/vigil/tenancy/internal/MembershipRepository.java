package org.vigil.tenancy.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link Membership}; row-level security scopes every query to the current organization. */
public interface MembershipRepository extends JpaRepository<Membership, String> {

    Optional<Membership> findByUserIdAndOrganizationId(String userId, String organizationId);
}
