package org.vigil.library.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.shared.persistence.RefusedWrite;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/**
 * The drug formulary: standardized entries (read-only) and the organization's own. Entries are
 * deactivated rather than deleted, since patient medications refer to them.
 */
@RestController
@RequestMapping("/api/v1/library/drugs")
@Tag(name = "Clinical library")
@Validated
class DrugsController {

    private final TenantScope tenantScope;
    private final DrugRepository drugs;

    DrugsController(TenantScope tenantScope, DrugRepository drugs) {
        this.tenantScope = tenantScope;
        this.drugs = drugs;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('LIBRARY_READ')")
    @Operation(summary = "Search the formulary", description = "q matches name, generic or brand name "
            + "(case-insensitive); at most 100 entries, active ones unless active=false.")
    List<DrugView> search(@AuthenticationPrincipal TenantPrincipal caller,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false, defaultValue = "true") boolean active) {
        String term = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> drugs
                .findAll(Sort.by("name", "strength", "id")).stream()
                .filter(drug -> drug.isActive() == active)
                .filter(drug -> term.isEmpty() || contains(drug.getName(), term) || contains(drug.getGenericName(), term)
                        || contains(drug.getBrandName(), term))
                .limit(100).map(DrugView::of).toList());
    }

    private static boolean contains(String value, String term) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(term);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_READ')")
    ResponseEntity<DrugView> get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id) {
        DrugView drug = tenantScope.call(caller.organizationId(), caller.userId(), () -> DrugView.of(find(id)));
        return ResponseEntity.ok().eTag(ETags.of(drug.version())).body(drug);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Add an organization formulary entry", description = "409 when the organization has the "
            + "same name and strength, or the same NDC.")
    ResponseEntity<DrugView> create(@AuthenticationPrincipal TenantPrincipal caller,
            @Valid @RequestBody DrugRequest request) {
        DrugView drug = unique(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Drug entry = new Drug(caller.organizationId(), request.name().trim());
            apply(entry, request);
            return DrugView.of(drugs.saveAndFlush(entry));
        }));
        return ResponseEntity.created(URI.create("/api/v1/library/drugs/" + drug.id())).eTag(ETags.of(drug.version()))
                .body(drug);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('LIBRARY_WRITE')")
    @Operation(summary = "Replace an organization formulary entry", description = "Needs If-Match; standardized 409.")
    ResponseEntity<DrugView> replace(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DrugRequest request) {
        long expected = ETags.expectedVersion(ifMatch, "drug");
        DrugView drug = unique(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Drug entry = find(id);
            StandardItems.refuseChange(entry.getOrganizationId() == null, "drug");
            ETags.check(expected, entry.getVersion(), "drug");
            entry.setName(request.name().trim());
            apply(entry, request);
            return DrugView.of(drugs.saveAndFlush(entry));
        }));
        return ResponseEntity.ok().eTag(ETags.of(drug.version())).body(drug);
    }

    private Drug find(String id) {
        return drugs.findById(id).orElseThrow(() -> ApiProblem.notFound("drug"));
    }

    private static void apply(Drug drug, DrugRequest request) {
        drug.setGenericName(request.genericName());
        drug.setBrandName(request.brandName());
        drug.setDosageForm(request.dosageForm());
        drug.setStrength(request.strength());
        drug.setManufacturer(request.manufacturer());
        drug.setNdcNumber(request.ndcNumber());
        drug.setRxnormCode(request.rxnormCode());
        drug.setDrugClass(request.drugClass());
        drug.setActive(request.isActive() == null || request.isActive());
    }

    private static DrugView unique(java.util.function.Supplier<DrugView> work) {
        try {
            return work.get();
        } catch (DataIntegrityViolationException e) {
            String constraint = String.valueOf(RefusedWrite.constraint(e));
            if (constraint.equals("drugs_organization_id_name_strength_key")) {
                throw ApiProblem.conflict("name", "Already in the formulary",
                        "Your organization's formulary already has this drug in this strength.");
            }
            if (constraint.equals("drugs_organization_id_ndc_number_key")) {
                throw ApiProblem.conflict("ndcNumber", "NDC taken", "Your organization's formulary already has this NDC.");
            }
            throw e;
        }
    }
}
