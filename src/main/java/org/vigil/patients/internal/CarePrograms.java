package org.vigil.patients.internal;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
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
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.shared.web.SortWhitelist;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The care programs of the caller's organization. A deactivated program takes no new enrollments;
 * its existing enrollments carry on until they end. A program that enrollments name is never
 * deleted (they are clinical and billing history).
 */
@Service
class CarePrograms {

    static final AuditedResource RESOURCE = AuditedResource.business("CareProgram");
    static final SortWhitelist SORT = SortWhitelist.of(Map.of("name", "name", "type", "type", "createdAt", "createdAt"),
            Sort.by("name"));

    private final TenantScope tenantScope;
    private final CareProgramRepository programs;
    private final EnrollmentRepository enrollments;
    private final RecordAccessAudit audit;
    private final JsonMapper json;

    CarePrograms(TenantScope tenantScope, CareProgramRepository programs, EnrollmentRepository enrollments,
            RecordAccessAudit audit, JsonMapper json) {
        this.tenantScope = tenantScope;
        this.programs = programs;
        this.enrollments = enrollments;
        this.audit = audit;
        this.json = json;
    }

    CareProgramView create(TenantPrincipal caller, CareProgramRequest request) {
        String settings = settings(request.settings());
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            CareProgram program = new CareProgram(caller.organizationId(), request.name().trim(), request.type());
            program.setDescription(Clinicians.blankToNull(request.description()));
            program.setSettings(settings);
            requireUniqueName(program);
            CareProgram saved = save(program);
            audit.created(RESOURCE, saved.getId(), null);
            return view(saved);
        });
    }

    CareProgramView read(TenantPrincipal caller, String id) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            CareProgram program = find(id);
            audit.read(RESOURCE, id, null);
            return view(program);
        });
    }

    PageResponse<CareProgramView> search(TenantPrincipal caller, CareProgramSearch search, PageQuery page, String sort) {
        Sort order = SORT.resolve(sort);
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Page<CareProgram> found = programs.findAll(matching(search), page.pageable(order));
            audit.searched(RESOURCE, found.getContent().stream().map(CareProgram::getId).toList(), search.used(), null);
            return PageResponse.of(found, this::view);
        });
    }

    CareProgramView replace(TenantPrincipal caller, String id, long expectedVersion, CareProgramRequest request) {
        String settings = settings(request.settings());
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            CareProgram program = find(id);
            ETags.check(expectedVersion, program.getVersion(), "care program");
            List<String> changed = new ArrayList<>();
            if (!program.getName().equals(request.name().trim())) {
                changed.add("name");
            }
            if (program.getType() != request.type()) {
                changed.add("type");
            }
            if (!Objects.equals(program.getDescription(), Clinicians.blankToNull(request.description()))) {
                changed.add("description");
            }
            if (!json.readTree(program.getSettings()).equals(json.readTree(settings))) {
                changed.add("settings");
            }
            if (changed.isEmpty()) {
                audit.read(RESOURCE, id, null);
                return view(program);
            }
            program.setName(request.name().trim());
            program.setType(request.type());
            program.setDescription(Clinicians.blankToNull(request.description()));
            program.setSettings(settings);
            requireUniqueName(program);
            CareProgram saved = save(program);
            audit.updated(RESOURCE, id, null, changed);
            return view(saved);
        });
    }

    CareProgramView setActive(TenantPrincipal caller, String id, long expectedVersion, boolean active) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            CareProgram program = find(id);
            ETags.check(expectedVersion, program.getVersion(), "care program");
            if (program.isActive() == active) {
                audit.read(RESOURCE, id, null);
                return view(program);
            }
            program.setActive(active);
            CareProgram saved = save(program);
            audit.updated(RESOURCE, id, null, List.of("isActive"));
            return view(saved);
        });
    }

    void delete(TenantPrincipal caller, String id, Long expectedVersion) {
        tenantScope.run(caller.organizationId(), caller.userId(), () -> {
            CareProgram program = find(id);
            if (expectedVersion != null) {
                ETags.check(expectedVersion, program.getVersion(), "care program");
            }
            long referencing = enrollments.countByCareProgramId(id);
            if (referencing > 0) {
                throw inUse(referencing);
            }
            try {
                programs.delete(program);
                programs.flush();
            } catch (DataIntegrityViolationException e) {
                // An enrollment written since the count: the foreign key refuses the delete.
                throw inUse(1);
            }
            audit.deleted(RESOURCE, id, null);
        });
    }

    private static ApiProblem inUse(long enrollments) {
        return ApiProblem.refused("Care program in use", "This care program is named by " + enrollments
                + " enrollment(s), which are kept as clinical and billing history. Deactivate it instead "
                + "(POST /api/v1/care-programs/{id}/deactivate): it then takes no new enrollments.");
    }

    private CareProgram find(String id) {
        return programs.findById(id).orElseThrow(() -> ApiProblem.notFound("care program"));
    }

    private String settings(JsonNode settings) {
        ProgramSettings.problem(settings).ifPresent(problem -> {
            throw ApiProblem.invalid("settings", problem);
        });
        return settings == null || settings.isNull() ? "{}" : json.writeValueAsString(settings);
    }

    private CareProgramView view(CareProgram p) {
        return new CareProgramView(p.getId(), p.getName(), p.getType(), p.getDescription(), json.readTree(p.getSettings()),
                p.isActive(), p.getVersion(), p.getCreatedAt(), p.getUpdatedAt());
    }

    private void requireUniqueName(CareProgram program) {
        if (programs.existsByNameIgnoreCaseAndIdNot(program.getName(), program.getId())) {
            throw duplicateName();
        }
    }

    private static ApiProblem duplicateName() {
        return ApiProblem.conflict("name", "Duplicate name", "Another care program of this organization has this name.");
    }

    private CareProgram save(CareProgram program) {
        try {
            return programs.saveAndFlush(program);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw ETags.stale("care program");
        } catch (DataIntegrityViolationException e) {
            org.vigil.shared.persistence.RefusedWrite.violated(e, "care_programs_organization_id_name_key").orElseThrow(() -> e);
            throw duplicateName();
        }
    }

    private static Specification<CareProgram> matching(CareProgramSearch search) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (search.name() != null && !search.name().isBlank()) {
                where.add(cb.like(cb.lower(root.get("name")), org.vigil.shared.persistence.LikePattern.contains(search.name()), '\\'));
            }
            if (search.type() != null) {
                where.add(cb.equal(root.get("type"), search.type()));
            }
            if (search.active() != null) {
                where.add(cb.equal(root.get("isActive"), search.active()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
