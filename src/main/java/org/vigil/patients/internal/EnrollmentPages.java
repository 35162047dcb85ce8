package org.vigil.patients.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.vigil.billing.BillingCatalog;
import org.vigil.billing.BillingProgramInfo;
import org.vigil.library.ConditionPresetCatalog;
import org.vigil.library.ConditionPresetInfo;
import org.vigil.patients.EnrollmentStatus;
import org.vigil.shared.web.PageQuery;
import org.vigil.tenancy.OrganizationZones;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/**
 * What the chart's enrollment table and the enrollment form show: enrollments with the names of
 * what they reference, and the choices (active care programs, clinicians, condition presets,
 * billing programs). Reads go through the same audited services as the API.
 */
@Component
class EnrollmentPages {

    /** One enrollment as the chart lists it. */
    record Row(String id, EnrollmentStatus status, String program, String programType, String clinician,
            String preset, String billingProgram, String period, Boolean eligible) {
    }

    record Choice(String id, String label) {
    }

    /** A billing program to choose, with its type (RPM, RTM, CCM…) for the eligibility check. */
    record BillingChoice(String id, String label, String programType) {
    }

    record Choices(List<Choice> programs, List<Choice> clinicians, List<Choice> presets, List<BillingChoice> billing) {
    }

    private final Enrollments enrollments;
    private final CarePrograms programs;
    private final Clinicians clinicians;
    private final ConditionPresetCatalog presets;
    private final BillingCatalog billing;
    private final OrganizationZones zones;
    private final TenantScope tenantScope;

    EnrollmentPages(Enrollments enrollments, CarePrograms programs, Clinicians clinicians,
            ConditionPresetCatalog presets, BillingCatalog billing, OrganizationZones zones, TenantScope tenantScope) {
        this.enrollments = enrollments;
        this.programs = programs;
        this.clinicians = clinicians;
        this.presets = presets;
        this.billing = billing;
        this.zones = zones;
        this.tenantScope = tenantScope;
    }

    List<Row> rows(TenantPrincipal caller, String patientId) {
        List<EnrollmentView> found = enrollments.search(caller, new EnrollmentSearch(patientId, null, null, null),
                new PageQuery(0, PageQuery.MAX_SIZE), null).items();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, CareProgramView> programById = new HashMap<>();
        programs.search(caller, new CareProgramSearch(null, null, null), new PageQuery(0, PageQuery.MAX_SIZE), null)
                .items().forEach(p -> programById.put(p.id(), p));
        Map<String, String> clinicianById = new HashMap<>();
        clinicians.search(caller, new ClinicianSearch(null, null, null, null), new PageQuery(0, PageQuery.MAX_SIZE), null)
                .items().forEach(c -> clinicianById.put(c.id(), name(c)));
        ZoneId zone = tenantScope.call(caller.organizationId(), caller.userId(), () -> zones.zoneOf(caller.organizationId()));
        Map<String, String> presetNames = new HashMap<>();
        Map<String, String> billingNames = new HashMap<>();
        tenantScope.run(caller.organizationId(), caller.userId(), () -> found.forEach(e -> {
            if (e.conditionPresetId() != null) {
                presetNames.computeIfAbsent(e.conditionPresetId(),
                        id -> presets.findVisible(id).map(ConditionPresetInfo::name).orElse("—"));
            }
            if (e.billingProgramId() != null) {
                billingNames.computeIfAbsent(e.billingProgramId(),
                        id -> billing.find(id).map(BillingProgramInfo::name).orElse("—"));
            }
        }));
        return found.stream().map(e -> {
            CareProgramView program = programById.get(e.careProgramId());
            Boolean eligible = e.billingEligibility() != null && e.billingEligibility().has("eligible")
                    ? e.billingEligibility().get("eligible").asBoolean() : null;
            return new Row(e.id(), e.status(), program == null ? "—" : program.name(),
                    program == null ? null : program.type().name(), clinicianById.getOrDefault(e.clinicianId(), "—"),
                    e.conditionPresetId() == null ? null : presetNames.get(e.conditionPresetId()),
                    e.billingProgramId() == null ? null : billingNames.get(e.billingProgramId()),
                    LocalDate.ofInstant(e.startDate(), zone) + (e.endDate() == null ? " –"
                            : " – " + LocalDate.ofInstant(e.endDate(), zone)), eligible);
        }).toList();
    }

    Choices choices(TenantPrincipal caller) {
        List<Choice> programChoices = programs.search(caller, new CareProgramSearch(null, null, true),
                new PageQuery(0, PageQuery.MAX_SIZE), null).items().stream()
                .map(p -> new Choice(p.id(), p.name())).toList();
        List<Choice> clinicianChoices = clinicians.search(caller, new ClinicianSearch(null, null, null, true),
                new PageQuery(0, PageQuery.MAX_SIZE), null).items().stream()
                .map(c -> new Choice(c.id(), name(c))).toList();
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> new Choices(programChoices,
                clinicianChoices,
                presets.activeVisible().stream().map(p -> new Choice(p.id(), p.name())).toList(),
                billing.active().stream().map(b -> new BillingChoice(b.id(), b.name(), b.programType())).toList()));
    }

    /** The type (RPM, CCM…) of a billing program of the catalog, or null. */
    String billingType(TenantPrincipal caller, String billingProgramId) {
        if (billingProgramId == null) {
            return null;
        }
        return tenantScope.call(caller.organizationId(), caller.userId(),
                () -> billing.find(billingProgramId).map(BillingProgramInfo::programType).orElse(null));
    }

    /** Midnight of that date in the organization's time zone. */
    Instant startOfDay(TenantPrincipal caller, LocalDate date) {
        ZoneId zone = tenantScope.call(caller.organizationId(), caller.userId(), () -> zones.zoneOf(caller.organizationId()));
        return date.atStartOfDay(zone).toInstant();
    }

    LocalDate today(TenantPrincipal caller) {
        ZoneId zone = tenantScope.call(caller.organizationId(), caller.userId(), () -> zones.zoneOf(caller.organizationId()));
        return LocalDate.now(zone);
    }

    private static String name(ClinicianView c) {
        return c.firstName() + " " + c.lastName() + (c.credentials() == null ? "" : ", " + c.credentials());
    }
}
