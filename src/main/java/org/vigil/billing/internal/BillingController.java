package org.vigil.billing.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.tenancy.TenantPrincipal;

/** Billing readiness, the month summary, the claims export and closing a month (docs/api.md "Billing"). */
@RestController
@RequestMapping("/api/v1/billing")
@Tag(name = "Billing")
class BillingController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String MONTH = "Calendar month YYYY-MM in the organization's time zone; default the current month";

    private final BillingReadiness billing;

    BillingController(BillingReadiness billing) {
        this.billing = billing;
    }

    @GetMapping("/readiness")
    @PreAuthorize("hasAuthority('BILLING_READ')")
    @Operation(summary = "Billing readiness of every enrollment for a month", description = "Per enrollment and code: "
            + "MET, NOT_MET, NOT_APPLICABLE or BLOCKED with the reason, the shortfall and its deadline, units and the "
            + "expected amount with the rate table that priced it. Ordered by patient, then enrollment.")
    PageResponse<BillingViews.EnrollmentView> readiness(@AuthenticationPrincipal TenantPrincipal caller,
            @Parameter(description = MONTH) @RequestParam(required = false) String month, @Valid @ModelAttribute PageQuery paging) {
        return billing.organization(caller, month, paging);
    }

    @GetMapping("/patients/{patientId}/readiness")
    @PreAuthorize("hasAuthority('BILLING_READ')")
    @Operation(summary = "One patient's billing readiness for a month", description = "Every billing enrollment of the "
            + "patient, with the rules across enrollments applied (404 for an unknown patient).")
    BillingViews.PatientView patientReadiness(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String patientId,
            @Parameter(description = MONTH) @RequestParam(required = false) String month) {
        return billing.patient(caller, patientId, month);
    }

    @GetMapping("/summary")
    @PreAuthorize("hasAuthority('BILLING_READ')")
    @Operation(summary = "Month summary", description = "Patients billable per code, expected revenue, and the patients "
            + "at risk of missing a threshold with what they need and by when.")
    BillingViews.SummaryView summary(@AuthenticationPrincipal TenantPrincipal caller,
            @Parameter(description = MONTH) @RequestParam(required = false) String month) {
        return billing.summary(caller, month);
    }

    @GetMapping(value = "/claims.csv", produces = "text/csv")
    @PreAuthorize("hasAuthority('BILLING_READ')")
    @Operation(summary = "Claims export (CSV)", description = "One line per billable code per patient per period: date of "
            + "service, CPT/HCPCS, units, billing clinician NPI, ICD-10 codes, amount. RFC 4180; formula-safe.")
    ResponseEntity<String> claims(@AuthenticationPrincipal TenantPrincipal caller,
            @Parameter(description = MONTH) @RequestParam(required = false) String month) {
        String csv = billing.claimsCsv(caller, month);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"billing-claims.csv\"").body(csv);
    }

    @PostMapping("/period-closes")
    @PreAuthorize("hasAuthority('BILLING_MANAGE')")
    @Operation(summary = "Close a month", description = "Stores an immutable snapshot of the month's claim lines. Only "
            + "a month that has ended; once (409 when already closed).")
    ResponseEntity<BillingViews.PeriodCloseView> close(@AuthenticationPrincipal TenantPrincipal caller,
            @Parameter(description = "Calendar month YYYY-MM (required)") @RequestParam(required = false) String month) {
        return ResponseEntity.status(HttpStatus.CREATED).body(billing.close(caller, month));
    }

    @GetMapping("/period-closes")
    @PreAuthorize("hasAuthority('BILLING_READ')")
    @Operation(summary = "A closed month", description = "The snapshot as closed, and the differences today's data "
            + "makes (ADDED, REMOVED, CHANGED); the snapshot itself never changes. 404 when the month is not closed.")
    BillingViews.PeriodCloseView closed(@AuthenticationPrincipal TenantPrincipal caller,
            @Parameter(description = "Calendar month YYYY-MM (required)") @RequestParam(required = false) String month) {
        return billing.closed(caller, month);
    }
}
