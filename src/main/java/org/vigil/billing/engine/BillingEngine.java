package org.vigil.billing.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.vigil.billing.engine.Catalog.Kind;
import org.vigil.billing.engine.Readiness.CodeResult;
import org.vigil.billing.engine.Readiness.Status;
import org.vigil.billing.engine.Readiness.Warning;
import org.vigil.billing.engine.Readiness.WarningCode;

/**
 * The billing engine: facts + catalog + policy + month → readiness for every enrollment of one
 * patient. Pure and deterministic: no clock (today is an argument), no I/O.
 *
 * <p>Sources are cited where each rule is encoded: "verified" = shared/domain/billing-rules-verified.md
 * (wins), "domain" = shared/domain/billing-and-clinical-codes.md. The predecessor's defects
 * (predecessor-clinmetrics-inventory.md §3.11 ⚠) are avoided: set-up is counted once per episode,
 * add-ons are multiplied by their units, CCM/RTM add-ons are evaluated, device codes use 30-day
 * periods (not calendar months), and days are counted in the organization's time zone.
 *
 * <p>Here: the rules across a patient's enrollments. Each enrollment is evaluated on its own by
 * {@link EnrollmentEvaluation}, with the engine's memoized catalog look-ups ({@link EngineLookups}).
 */
public final class BillingEngine {

    /** Days in a device period (verified row 2a, §C rule 4). */
    public static final int PERIOD_DAYS = 30;

    private final EngineLookups lookups;

    public BillingEngine(Catalog catalog, BillingPolicy policy, String organizationId) {
        this.lookups = new EngineLookups(Objects.requireNonNull(catalog), policy == null ? BillingPolicy.defaults() : policy,
                organizationId);
    }

    /**
     * Readiness of each of the patient's enrollments for the month, as known on {@code today}.
     * Enrollments are evaluated one by one, then the rules across enrollments apply (one
     * practitioner per service and period, RPM ⟂ RTM, CCM ⟂ PCM and APCM ⟂ CCM/PCM for the same
     * practitioner): the enrollment that started first keeps its codes.
     */
    public List<Readiness.Enrollment> evaluate(Facts.Patient patient, YearMonth month, LocalDate today) {
        List<Facts.Enrollment> ordered = patient.enrollments().size() < 2 ? patient.enrollments()
                : patient.enrollments().stream()
                        .sorted(Comparator.comparing(Facts.Enrollment::start).thenComparing(Facts.Enrollment::enrollmentId))
                        .toList();
        List<Readiness.Enrollment> results = new ArrayList<>();
        for (Facts.Enrollment enrollment : ordered) {
            results.add(new EnrollmentEvaluation(lookups, patient, enrollment, month, today).evaluate());
        }
        return acrossEnrollments(ordered, results);
    }

    // ---------------------------------------------------------------- across enrollments

    private List<Readiness.Enrollment> acrossEnrollments(List<Facts.Enrollment> enrollments, List<Readiness.Enrollment> results) {
        List<Readiness.Enrollment> out = new ArrayList<>(results);
        for (int later = 0; later < out.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                Readiness.Enrollment a = out.get(earlier);
                Readiness.Enrollment b = out.get(later);
                if (a.codes().stream().noneMatch(c -> c.status() == Status.MET)
                        || b.codes().stream().noneMatch(c -> c.status() == Status.MET)) {
                    continue;
                }
                Kind ka = Kind.valueOf(a.programKind());
                Kind kb = Kind.valueOf(b.programKind());
                String samePractitioner = Objects.equals(clinician(enrollments.get(earlier)), clinician(enrollments.get(later)))
                        ? "the same practitioner" : null;
                String reason = null;
                boolean devices = false;
                if (ka == kb && ka != Kind.OTHER) {
                    // verified §C rules 3, 7, 17, 22: one practitioner per patient per period.
                    reason = "Only one practitioner bills " + ka + " for a patient in a period; enrollment "
                            + a.enrollmentId() + " started first and bills it (verified §C rules 7, 17, 22)";
                    devices = ka == Kind.RPM || ka == Kind.RTM;
                } else if (EnumSet.of(Kind.RPM, Kind.RTM).equals(EnumSet.of(ka, kb))) {
                    // domain §1.1/§1.9, kept by verified §C rule 16 (not re-verified: conservative).
                    reason = "RPM and RTM are not billed for the same patient in the same period; enrollment "
                            + a.enrollmentId() + " (" + ka + ") started first (verified §C rule 16, domain §1.9)";
                    devices = true;
                } else if (samePractitioner != null && EnumSet.of(Kind.CCM, Kind.PCM).equals(EnumSet.of(ka, kb))) {
                    reason = "CCM and PCM are not billed by the same practitioner in the same month; enrollment "
                            + a.enrollmentId() + " started first (verified row 9, §C rule 20)";
                } else if (samePractitioner != null && (ka == Kind.APCM || kb == Kind.APCM)
                        && (EnumSet.of(Kind.CCM, Kind.PCM).contains(ka) || EnumSet.of(Kind.CCM, Kind.PCM).contains(kb))) {
                    reason = "APCM bundles CCM and PCM: not billed by the same practitioner in the same month; enrollment "
                            + a.enrollmentId() + " started first (verified row 10, §C rule 23)";
                }
                if (reason != null) {
                    out.set(later, block(b, reason, devices && hasDeviceCode(a) && hasDeviceCode(b)));
                }
            }
        }
        return out;
    }

    private static String clinician(Facts.Enrollment e) {
        return e.billingClinician() == null ? null : e.billingClinician().clinicianId();
    }

    private static boolean hasDeviceCode(Readiness.Enrollment e) {
        return e.codes().stream().anyMatch(c -> c.status() == Status.MET && isDeviceCode(c.code()));
    }

    private static final Set<String> DEVICE_CODES = Set.of("99454", "99445", "98976", "98977", "98978", "98984", "98985", "98986");

    static boolean isDeviceCode(String code) {
        return DEVICE_CODES.contains(code);
    }

    private static Readiness.Enrollment block(Readiness.Enrollment e, String reason, boolean multipleDeviceCodes) {
        List<CodeResult> codes = e.codes().stream()
                .map(c -> c.status() == Status.MET ? c.with(Status.BLOCKED, reason) : c).toList();
        List<Warning> warnings = new ArrayList<>(e.warnings());
        if (multipleDeviceCodes) {
            warnings.add(new Warning(WarningCode.MULTIPLE_DEVICE_CODES,
                    "More than one device code would be billed for this patient in the same period (OIG finding, domain §1.1)"));
        }
        return new Readiness.Enrollment(e.enrollmentId(), e.patientId(), e.billingProgramId(), e.programKind(), e.month(),
                e.eligibility(), codes, warnings, total(codes));
    }

    /** The expected amount: the sum of the billable codes' amounts. */
    static BigDecimal total(List<CodeResult> codes) {
        BigDecimal sum = BigDecimal.ZERO;
        for (CodeResult c : codes) {
            if (c.billable() && c.amount() != null) {
                sum = sum.add(c.amount());
            }
        }
        return sum;
    }
}
