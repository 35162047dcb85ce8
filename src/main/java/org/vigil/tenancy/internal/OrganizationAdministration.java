package org.vigil.tenancy.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.data.jpa.domain.Specification;
import org.vigil.shared.persistence.RefusedWrite;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.tenancy.OrganizationAdministered;
import org.vigil.tenancy.PlatformScope;

/**
 * Creating, listing and changing organizations: platform administration, so every call runs in
 * {@link PlatformScope} (audited with the administrator and the endpoint as reason).
 */
@Service
class OrganizationAdministration {

    private final PlatformScope platform;
    private final OrganizationRepository organizations;
    private final SettingsJson settingsJson;
    private final ApplicationEventPublisher events;

    OrganizationAdministration(PlatformScope platform, OrganizationRepository organizations, SettingsJson settingsJson,
            ApplicationEventPublisher events) {
        this.platform = platform;
        this.organizations = organizations;
        this.settingsJson = settingsJson;
        this.events = events;
    }

    OrganizationView create(String actor, OrganizationRequests.Create request) {
        return uniqueDomain(() -> platform.call(actor, "POST /api/v1/platform/organizations", () -> {
            String domain = normalized(request.domain());
            if (domain != null && organizations.existsByDomain(domain)) {
                throw domainTaken();
            }
            Organization organization = new Organization(request.name().trim(), request.type());
            organization.setDomain(domain);
            organization.setEmail(request.email());
            organization.setPhone(request.phone());
            organization.setAddress(request.address());
            organization.setWebsite(request.website());
            String zone = request.timeZone() == null ? OrganizationSettings.DEFAULT_TIME_ZONE : request.timeZone();
            organization.setTimeZone(zone);
            OrganizationSettings settings = OrganizationSettings.defaults(zone);
            if (request.settings() != null) {
                settings = request.settings().applyTo(settings);
            }
            organization.setSettings(settingsJson.write("{}", settings));
            organizations.saveAndFlush(organization);
            events.publishEvent(new OrganizationAdministered(organization.getId(), actor, "CREATED", List.of()));
            return OrganizationView.of(organization, settingsJson);
        }));
    }

    PageResponse<OrganizationView> list(String actor, OrganizationRequests.Filter filter, PageQuery page) {
        Sort newestFirst = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
        return platform.call(actor, "GET /api/v1/platform/organizations", () -> PageResponse.of(
                organizations.findAll(matching(filter), page.pageable(newestFirst)),
                organization -> OrganizationView.of(organization, settingsJson)));
    }

    private static Specification<Organization> matching(OrganizationRequests.Filter filter) {
        return (root, query, cb) -> {
            List<jakarta.persistence.criteria.Predicate> predicates = new java.util.ArrayList<>();
            if (filter.q() != null && !filter.q().isBlank()) {
                String pattern = org.vigil.shared.persistence.LikePattern.contains(filter.q());
                predicates.add(cb.or(cb.like(cb.lower(root.get("name")), pattern, '\\'),
                        cb.like(cb.lower(root.get("domain")), pattern, '\\')));
            }
            if (filter.active() != null) {
                predicates.add(cb.equal(root.get("isActive"), filter.active()));
            }
            return cb.and(predicates.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
    }

    OrganizationView update(String actor, String id, OrganizationRequests.Update request) {
        return uniqueDomain(() -> platform.call(actor, "PATCH /api/v1/platform/organizations/{id}", () -> {
            Organization organization = organizations.findById(id)
                    .orElseThrow(() -> ApiProblem.notFound("organization"));
            String domain = normalized(request.domain());
            if (domain != null && request.cleared().contains("domain")) {
                throw ApiProblem.invalid("clear", "cannot clear 'domain' and set it in the same request");
            }
            if (domain != null && organizations.existsByDomainAndIdNot(domain, id)) {
                throw domainTaken();
            }
            OrganizationChanges changes = new OrganizationChanges(organization, settingsJson);
            changes.apply(request, domain);
            if (!changes.names().isEmpty()) {
                organizations.saveAndFlush(organization);
                events.publishEvent(new OrganizationAdministered(id, actor, "UPDATED", changes.names()));
            }
            return OrganizationView.of(organization, settingsJson);
        }));
    }

    private static String normalized(String domain) {
        return domain == null ? null : domain.trim().toLowerCase(Locale.ROOT);
    }

    private static ApiProblem domainTaken() {
        return ApiProblem.conflict("Domain taken", "Another organization already uses that domain.");
    }

    /** Two administrators racing for the same domain: the loser gets the same 409 as a pre-checked one. */
    private static <T> T uniqueDomain(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (DataIntegrityViolationException e) {
            String constraint = String.valueOf(RefusedWrite.constraint(e));
            if (constraint.equals("organizations_domain_key")) {
                throw domainTaken();
            }
            if (constraint.equals("organizations_time_zone_check")) {
                throw ApiProblem.badRequest("Invalid request", "Field 'timeZone' names a zone the database does not know.");
            }
            throw e;
        }
    }
}
