package org.vigil.patients.internal;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.vigil.audit.AuditedResource;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.patients.EnrollmentStatus;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.shared.web.SortWhitelist;
import org.vigil.tenancy.MembershipDirectory;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/**
 * The clinicians of the caller's organization. Every read and write runs in the caller's tenant
 * scope and is audited in the same transaction. A clinician is linked to a user only explicitly
 * ({@code userId}, an active member of the organization), never by matching emails (the system we
 * replace did, across organizations).
 */
@Service
class Clinicians {

    static final AuditedResource RESOURCE = AuditedResource.business("Clinician");
    static final SortWhitelist SORT = SortWhitelist.of(Map.of("lastName", "lastName", "firstName", "firstName",
            "email", "email", "createdAt", "createdAt"), Sort.by("lastName", "firstName"));

    private final TenantScope tenantScope;
    private final ClinicianRepository clinicians;
    private final EnrollmentRepository enrollments;
    private final MembershipDirectory directory;
    private final RecordAccessAudit audit;

    Clinicians(TenantScope tenantScope, ClinicianRepository clinicians, EnrollmentRepository enrollments,
            MembershipDirectory directory, RecordAccessAudit audit) {
        this.tenantScope = tenantScope;
        this.clinicians = clinicians;
        this.enrollments = enrollments;
        this.directory = directory;
        this.audit = audit;
    }

    ClinicianView create(TenantPrincipal caller, ClinicianRequest request) {
        requireMember(caller, request.userId());
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Clinician clinician = new Clinician(caller.organizationId(), request.firstName().trim(),
                    request.lastName().trim(), normalizedEmail(request.email()));
            apply(clinician, request);
            requireUnique(clinician);
            Clinician saved = save(clinician);
            audit.created(RESOURCE, saved.getId(), null);
            return ClinicianView.of(saved);
        });
    }

    ClinicianView read(TenantPrincipal caller, String id) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Clinician clinician = find(id);
            audit.read(RESOURCE, id, null);
            return ClinicianView.of(clinician);
        });
    }

    PageResponse<ClinicianView> search(TenantPrincipal caller, ClinicianSearch search, PageQuery page, String sort) {
        Sort order = SORT.resolve(sort);
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Page<Clinician> found = clinicians.findAll(matching(search), page.pageable(order));
            audit.searched(RESOURCE, found.getContent().stream().map(Clinician::getId).toList(), search.used(), null);
            return PageResponse.of(found, ClinicianView::of);
        });
    }

    ClinicianView replace(TenantPrincipal caller, String id, long expectedVersion, ClinicianRequest request) {
        // A link that changes must name an active member; one kept as it was is not re-judged here
        // (a member who left is unlinked by clearing the field). The membership lookup runs in its
        // own scope, so it is made before the write's; the reference trigger remains the backstop.
        String linked = Clinicians.blankToNull(request.userId());
        if (linked != null && !linked.equals(tenantScope.call(caller.organizationId(), caller.userId(),
                () -> clinicians.findById(id).map(Clinician::getUserId).orElse(null)))) {
            requireMember(caller, linked);
        }
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Clinician clinician = find(id);
            ETags.check(expectedVersion, clinician.getVersion(), "clinician");
            List<String> changed = changes(clinician, request);
            if (changed.isEmpty()) {
                audit.read(RESOURCE, id, null);
                return ClinicianView.of(clinician);
            }
            clinician.setFirstName(request.firstName().trim());
            clinician.setLastName(request.lastName().trim());
            clinician.setEmail(normalizedEmail(request.email()));
            apply(clinician, request);
            requireUnique(clinician);
            Clinician saved = save(clinician);
            audit.updated(RESOURCE, id, null, changed);
            return ClinicianView.of(saved);
        });
    }

    /**
     * Deactivation keeps the clinician and their history but takes them off new work. A clinician
     * still responsible for ACTIVE or PENDING enrollments is not deactivated: those patients would
     * be left without an active responsible clinician, so they are reassigned first.
     */
    ClinicianView setActive(TenantPrincipal caller, String id, long expectedVersion, boolean active) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Clinician clinician = find(id);
            ETags.check(expectedVersion, clinician.getVersion(), "clinician");
            if (clinician.isActive() == active) {
                audit.read(RESOURCE, id, null);
                return ClinicianView.of(clinician);
            }
            if (!active) {
                long open = enrollments.countByClinicianIdAndStatusIn(id,
                        EnumSet.of(EnrollmentStatus.ACTIVE, EnrollmentStatus.PENDING));
                if (open > 0) {
                    throw ApiProblem.refused("Clinician has open enrollments", "This clinician is responsible for "
                            + open + " active or pending enrollment(s). Assign them to another clinician "
                            + "(PUT /api/v1/enrollments/{id}) before deactivating.");
                }
            }
            clinician.setActive(active);
            Clinician saved = save(clinician);
            audit.updated(RESOURCE, id, null, List.of("isActive"));
            return ClinicianView.of(saved);
        });
    }

    /**
     * Deletes a clinician who was never used. One referenced by enrollments, time logs, alerts,
     * notes or assessments is refused (409): deactivate instead, which keeps that history.
     */
    void delete(TenantPrincipal caller, String id, Long expectedVersion) {
        tenantScope.run(caller.organizationId(), caller.userId(), () -> {
            Clinician clinician = find(id);
            if (expectedVersion != null) {
                ETags.check(expectedVersion, clinician.getVersion(), "clinician");
            }
            long referencing = enrollments.countByClinicianId(id);
            if (referencing > 0) {
                throw ApiProblem.refused("Clinician in use", "This clinician is named by " + referencing
                        + " enrollment(s), which are kept as clinical and billing history. Deactivate the clinician "
                        + "instead (POST /api/v1/clinicians/{id}/deactivate).");
            }
            try {
                clinicians.delete(clinician);
                clinicians.flush();
            } catch (DataIntegrityViolationException e) {
                throw ApiProblem.refused("Clinician in use", "This clinician is named by clinical records (time logs, "
                        + "alerts, notes, assessments or devices), which are kept as history. Deactivate the clinician "
                        + "instead (POST /api/v1/clinicians/{id}/deactivate).");
            }
            audit.deleted(RESOURCE, id, null);
        });
    }

    private Clinician find(String id) {
        return clinicians.findById(id).orElseThrow(() -> ApiProblem.notFound("clinician"));
    }

    /** The linked user must be an active member of this organization (checked before the write's scope). */
    private void requireMember(TenantPrincipal caller, String userId) {
        if (userId != null && !userId.isBlank() && directory.find(userId.trim(), caller.organizationId()).isEmpty()) {
            throw ApiProblem.invalid("userId", "must be the id of an active member of this organization");
        }
    }

    private static void apply(Clinician clinician, ClinicianRequest request) {
        clinician.setPhone(blankToNull(request.phone()));
        clinician.setSpecialization(blankToNull(request.specialization()));
        clinician.setLicenseNumber(blankToNull(request.licenseNumber()));
        clinician.setNpiNumber(blankToNull(request.npiNumber()));
        clinician.setCredentials(blankToNull(Credentials.canonical(request.credentials()).orElseThrow()));
        clinician.setDepartment(blankToNull(request.department()));
        clinician.setUserId(blankToNull(request.userId()));
    }

    private static List<String> changes(Clinician c, ClinicianRequest r) {
        List<String> changed = new ArrayList<>();
        diff(changed, "firstName", c.getFirstName(), r.firstName().trim());
        diff(changed, "lastName", c.getLastName(), r.lastName().trim());
        diff(changed, "email", c.getEmail(), normalizedEmail(r.email()));
        diff(changed, "phone", c.getPhone(), blankToNull(r.phone()));
        diff(changed, "specialization", c.getSpecialization(), blankToNull(r.specialization()));
        diff(changed, "licenseNumber", c.getLicenseNumber(), blankToNull(r.licenseNumber()));
        diff(changed, "npiNumber", c.getNpiNumber(), blankToNull(r.npiNumber()));
        diff(changed, "credentials", c.getCredentials(), blankToNull(Credentials.canonical(r.credentials()).orElseThrow()));
        diff(changed, "department", c.getDepartment(), blankToNull(r.department()));
        diff(changed, "userId", c.getUserId(), blankToNull(r.userId()));
        return changed;
    }

    private static void diff(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    /** Checked first for a readable 409; the unique constraints stay as the backstop for races. */
    private void requireUnique(Clinician clinician) {
        if (clinicians.existsByEmailIgnoreCaseAndIdNot(clinician.getEmail(), clinician.getId())) {
            throw duplicate("email");
        }
        if (clinician.getNpiNumber() != null && clinicians.existsByNpiNumberAndIdNot(clinician.getNpiNumber(), clinician.getId())) {
            throw duplicate("npiNumber");
        }
        if (clinician.getUserId() != null && clinicians.existsByUserIdAndIdNot(clinician.getUserId(), clinician.getId())) {
            throw duplicate("userId");
        }
    }

    private Clinician save(Clinician clinician) {
        try {
            return clinicians.saveAndFlush(clinician);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw ETags.stale("clinician");
        } catch (DataIntegrityViolationException e) {
            String constraint = org.vigil.shared.persistence.RefusedWrite.violated(e, "clinicians_organization_id_email_key",
                    "clinicians_organization_id_npi_number_key", "clinicians_organization_id_user_id_key", "references users.id")
                    .orElseThrow(() -> e);
            switch (constraint) {
                case "clinicians_organization_id_email_key" -> throw duplicate("email");
                case "clinicians_organization_id_npi_number_key" -> throw duplicate("npiNumber");
                case "clinicians_organization_id_user_id_key" -> throw duplicate("userId");
                default -> throw ApiProblem.invalid("userId", "must be the id of an active member of this organization");
            }
        }
    }

    private static ApiProblem duplicate(String field) {
        String what = switch (field) {
            case "email" -> "this email";
            case "npiNumber" -> "this NPI";
            default -> "this user linked";
        };
        return ApiProblem.conflict(field, "Duplicate " + field, "Another clinician of this organization has " + what + ".");
    }

    private static Specification<Clinician> matching(ClinicianSearch search) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (search.name() != null && !search.name().isBlank()) {
                String pattern = org.vigil.shared.persistence.LikePattern.contains(search.name());
                where.add(cb.or(cb.like(cb.lower(root.get("firstName")), pattern, '\\'),
                        cb.like(cb.lower(root.get("lastName")), pattern, '\\')));
            }
            if (search.email() != null && !search.email().isBlank()) {
                where.add(cb.like(cb.lower(root.get("email")), org.vigil.shared.persistence.LikePattern.contains(search.email()), '\\'));
            }
            if (search.npi() != null) {
                where.add(cb.equal(root.get("npiNumber"), search.npi()));
            }
            if (search.active() != null) {
                where.add(cb.equal(root.get("isActive"), search.active()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    static String normalizedEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
