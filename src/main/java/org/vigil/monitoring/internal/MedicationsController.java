package org.vigil.monitoring.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.Versioned;
import org.vigil.tenancy.TenantPrincipal;

/** A patient's medications and dose adherence. */
@RestController
@RequestMapping("/api/v1/patients/{patientId}/medications")
@Tag(name = "Medications")
class MedicationsController {

    private final Medications medications;

    MedicationsController(Medications medications) {
        this.medications = medications;
    }

    record Discontinuation(@NotNull LocalDate endDate) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('MEDICATION_READ')")
    @Operation(summary = "List a patient's medications", description = "Active first.")
    List<MedicationView> list(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String patientId) {
        return medications.list(caller, patientId);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('MEDICATION_WRITE')")
    @Operation(summary = "Add a medication", description = "Structured dose (doseAmount + doseUnit) and schedule "
            + "{timesOfDay: [\"08:00\"], daysOfWeek?: [\"MON\"], asNeeded?}.")
    ResponseEntity<MedicationView> add(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String patientId,
            @Valid @RequestBody MedicationRequest request) {
        Versioned<MedicationView> added = medications.add(caller, patientId, request);
        return added.created("/api/v1/patients/" + patientId + "/medications/" + added.body().id());
    }

    @PutMapping("/{medicationId}")
    @PreAuthorize("hasAuthority('MEDICATION_WRITE')")
    @Operation(summary = "Replace a medication", description = "Needs If-Match.")
    ResponseEntity<MedicationView> replace(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String patientId, @PathVariable String medicationId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody MedicationRequest request) {
        return medications.replace(caller, patientId, medicationId, ETags.expectedVersion(ifMatch, "medication"), request)
                .ok();
    }

    @PostMapping("/{medicationId}/discontinue")
    @PreAuthorize("hasAuthority('MEDICATION_WRITE')")
    @Operation(summary = "Discontinue a medication", description = "Sets endDate; history and adherence stay. Needs If-Match.")
    ResponseEntity<MedicationView> discontinue(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String patientId, @PathVariable String medicationId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Discontinuation request) {
        return medications.discontinue(caller, patientId, medicationId, ETags.expectedVersion(ifMatch, "medication"),
                request.endDate()).ok();
    }

    @PostMapping("/{medicationId}/adherence")
    @PreAuthorize("hasAuthority('MEDICATION_WRITE')")
    @Operation(summary = "Record a dose's outcome", description = "TAKEN or LATE with takenAt; MISSED; SKIPPED. "
            + "One outcome per scheduled dose (409 naming scheduledFor).")
    ResponseEntity<AdherenceView> record(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String patientId, @PathVariable String medicationId,
            @Valid @RequestBody AdherenceRequest request) {
        return ResponseEntity.status(201).body(medications.record(caller, patientId, medicationId, request));
    }

    @GetMapping("/{medicationId}/adherence")
    @PreAuthorize("hasAuthority('MEDICATION_READ')")
    @Operation(summary = "Dose outcomes and adherence over a period", description = "from/to are local dates of the "
            + "organization (at most 366 days); percent = (taken + late) / doses due by the schedule.")
    Medications.AdherencePage adherence(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String patientId, @PathVariable String medicationId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return medications.adherence(caller, patientId, medicationId, from, to);
    }
}
