package org.vigil.billing.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.vigil.billing.engine.Readiness;

/** Response records of the billing API. Money is exact (decimal), never binary floating point. */
final class BillingViews {

    private BillingViews() {
    }

    @Schema(name = "BillingRuleResult")
    record RuleView(String ruleType, String description, boolean passed, String detail) {
        static RuleView of(Readiness.RuleResult r) {
            return new RuleView(r.ruleType(), r.description(), r.passed(), r.detail());
        }
    }

    @Schema(name = "BillingWarning")
    record WarningView(String code, String message) {
        static WarningView of(Readiness.Warning w) {
            return new WarningView(w.code().name(), w.message());
        }
    }

    @Schema(name = "BillingCodeResult", description = "One code for one period: status MET, NOT_MET, NOT_APPLICABLE or BLOCKED")
    record CodeView(String code, String description, String programCode, String status, String reason, String shortfall,
            LocalDate deadline, int units, LocalDate periodStart, LocalDate periodEnd, LocalDate dateOfService,
            boolean billedInMonth, boolean provisional, BigDecimal unitAmount, BigDecimal amount, String rateTable,
            Boolean rateVerified, String source) {
        static CodeView of(Readiness.CodeResult c) {
            return new CodeView(c.code(), c.description(), c.programCode(), c.status().name(), c.reason(), c.shortfall(),
                    c.deadline(), c.units(), c.periodStart(), c.periodEnd(), c.dateOfService(), c.billedInMonth(), c.provisional(),
                    c.unitAmount(), c.amount(), c.rateTable(), c.rateVerified(), c.source());
        }
    }

    @Schema(name = "BillingEnrollmentReadiness")
    record EnrollmentView(String enrollmentId, String patientId, String billingProgramId, String programKind, String month,
            boolean eligible, BigDecimal expectedAmount, List<RuleView> eligibility, List<CodeView> codes,
            List<WarningView> warnings) {
        static EnrollmentView of(Readiness.Enrollment e) {
            return new EnrollmentView(e.enrollmentId(), e.patientId(), e.billingProgramId(), e.programKind(), e.month().toString(),
                    e.eligible(), e.expectedAmount(), e.eligibility().stream().map(RuleView::of).toList(),
                    e.codes().stream().map(CodeView::of).toList(), e.warnings().stream().map(WarningView::of).toList());
        }
    }

    @Schema(name = "BillingPatientReadiness")
    record PatientView(String patientId, String month, LocalDate asOf, BigDecimal expectedAmount, List<EnrollmentView> enrollments) {
    }

    @Schema(name = "BillingCodeSummary")
    record CodeSummary(String code, int patients, int units, BigDecimal amount) {
    }

    @Schema(name = "BillingAtRisk", description = "A threshold still reachable this period, and what it needs")
    record AtRisk(String patientId, String enrollmentId, String code, String shortfall, LocalDate deadline) {
    }

    @Schema(name = "BillingBlocked")
    record Blocked(String patientId, String enrollmentId, String reason) {
    }

    @Schema(name = "BillingMonthSummary")
    record SummaryView(String month, LocalDate asOf, int patients, int enrollments, int billablePatients,
            BigDecimal expectedRevenue, int unpricedClaims, List<CodeSummary> byCode, List<AtRisk> atRisk, List<Blocked> blocked) {
    }

    /** One claim line: one billable code for one patient and period. */
    @Schema(name = "BillingClaimLine")
    record ClaimLine(String patientId, String enrollmentId, String code, String programCode, int units, LocalDate dateOfService,
            String billingNpi, List<String> icd10Codes, BigDecimal amount, String rateTable, boolean provisional) {
        String key() {
            return enrollmentId + "|" + code + "|" + dateOfService;
        }
    }

    @Schema(name = "BillingClaimDifference", description = "ADDED, REMOVED or CHANGED since the period was closed")
    record Difference(String kind, ClaimLine closed, ClaimLine now) {
    }

    @Schema(name = "BillingPeriodClose")
    record PeriodCloseView(String month, Instant closedAt, String closedByUserId, BigDecimal totalAmount, List<ClaimLine> lines,
            List<Difference> differences) {
    }
}
