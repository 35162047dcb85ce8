package org.vigil.tenancy.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link Organization}; row-level security scopes every query to the current organization. */
public interface OrganizationRepository extends JpaRepository<Organization, String>,
        org.springframework.data.jpa.repository.JpaSpecificationExecutor<Organization> {

    boolean existsByDomain(String domain);

    boolean existsByDomainAndIdNot(String domain, String id);
}
