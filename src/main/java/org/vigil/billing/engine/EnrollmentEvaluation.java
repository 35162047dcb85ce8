package org.vigil.billing.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.billing.engine.Catalog.Program;
import org.vigil.billing.engine.Readiness.CodeResult;
import org.vigil.billing.engine.Readiness.RuleResult;
import org.vigil.billing.engine.Readiness.Status;
import org.vigil.billing.engine.Readiness.Warning;

/**
 * One enrollment evaluated for one month against its program version: eligibility, the codes of
 * its kind (device and set-up, management time, 99091, APCM level), then the warnings. When an
 * eligibility rule fails, every code that applies is blocked with the first failed rule.
 */
final class EnrollmentEvaluation {

    private final EngineLookups lookups;
    private final EnrollmentMonth s;
    private final EligibilityChecks eligibilityChecks;
    private final DeviceCodes devices;
    private final ManagementMonth management;
    private final PersonalTime personalTime;
    private final ApcmLevel apcm;
    private final EnrollmentWarnings enrollmentWarnings;

    EnrollmentEvaluation(EngineLookups lookups, Facts.Patient patient, Facts.Enrollment e, YearMonth month, LocalDate today) {
        this.lookups = lookups;
        this.s = EnrollmentMonth.of(patient, e, month, today, lookups.program(e.billingProgramId()).orElse(null));
        CountedMinutes time = new CountedMinutes(s, lookups.policy());
        QualifyingDays qualifying = new QualifyingDays(lookups, s);
        CodeResults results = new CodeResults(lookups, s, qualifying, time);
        this.eligibilityChecks = new EligibilityChecks(lookups, s);
        this.devices = new DeviceCodes(lookups, s, qualifying, results);
        this.management = new ManagementMonth(lookups, s, time, results);
        this.personalTime = new PersonalTime(lookups, s, qualifying, time, management, results);
        this.apcm = new ApcmLevel(s, results);
        this.enrollmentWarnings = new EnrollmentWarnings(lookups, s, time);
    }

    Readiness.Enrollment evaluate() {
        Program enrolled = s.enrolled();
        if (enrolled == null) {
            return result(List.of(new RuleResult("PROGRAM", "Billing program", false,
                    "The enrollment's billing program is not in the catalog")), List.of(), List.of());
        }
        Optional<Program> version = lookups.versionFor(enrolled, s.monthStart());
        if (version.isEmpty()) {
            return result(List.of(new RuleResult("PROGRAM", "Billing program version", false,
                    "No version of " + enrolled.name() + " is in effect in " + s.month().format(EngineLookups.MONTH))), List.of(),
                    List.of());
        }
        Program current = version.get();
        LocalDate asOf = s.monthEnd().isAfter(s.episodeEnd()) ? s.episodeEnd() : s.monthEnd();
        List<RuleResult> eligibility = eligibilityChecks.check(current, asOf);

        List<CodeResult> codes = new ArrayList<>();
        switch (s.kind()) {
            case RPM, RTM -> {
                codes.addAll(devices.deviceAndSetup());
                codes.addAll(management.codes(s.month()).values());
                codes.addAll(personalTime.codes());
            }
            case APCM -> codes.addAll(apcm.codes(current));
            default -> codes.addAll(management.codes(s.month()).values());
        }
        Optional<RuleResult> failed = Optional.empty();
        for (RuleResult r : eligibility) {
            if (!r.passed()) {
                failed = Optional.of(r);
                break;
            }
        }
        if (failed.isPresent()) {
            String why = "Not billable: " + failed.get().description() + " — " + failed.get().detail();
            codes = codes.stream().map(c -> c.status() == Status.NOT_APPLICABLE ? c : c.with(Status.BLOCKED, why)).toList();
        }
        return result(eligibility, codes, enrollmentWarnings.of(codes));
    }

    private Readiness.Enrollment result(List<RuleResult> eligibility, List<CodeResult> codes, List<Warning> warnings) {
        return new Readiness.Enrollment(s.enrollment().enrollmentId(), s.patient().patientId(), s.enrollment().billingProgramId(),
                s.kind().name(), s.month(), List.copyOf(eligibility), List.copyOf(codes), List.copyOf(warnings),
                BillingEngine.total(codes));
    }
}
