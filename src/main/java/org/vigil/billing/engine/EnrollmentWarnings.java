package org.vigil.billing.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigil.billing.engine.Catalog.Kind;
import org.vigil.billing.engine.Facts.Performer;
import org.vigil.billing.engine.Readiness.CodeResult;
import org.vigil.billing.engine.Readiness.Status;
import org.vigil.billing.engine.Readiness.Warning;
import org.vigil.billing.engine.Readiness.WarningCode;

/** Warnings on an enrollment's month: OIG findings and checks by hand. */
final class EnrollmentWarnings {

    private static final Set<String> SETUP_CODES = Set.of("99453", "98975");
    private static final Set<String> PCM_STAFF_CODES = Set.of("99426", "99427");

    private final EngineLookups lookups;
    private final EnrollmentMonth s;
    private final Facts.Enrollment e;
    private final Kind kind;
    private final LocalDate monthStart;
    private final LocalDate monthEnd;
    private final CountedMinutes time;

    EnrollmentWarnings(EngineLookups lookups, EnrollmentMonth s, CountedMinutes time) {
        this.lookups = lookups;
        this.s = s;
        this.e = s.enrollment();
        this.kind = s.kind();
        this.monthStart = s.monthStart();
        this.monthEnd = s.monthEnd();
        this.time = time;
    }

    List<Warning> of(List<CodeResult> codes) {
        List<Warning> warnings = new ArrayList<>();
        List<Facts.TimeEntry> monthEntries = time.entriesBetween(monthStart, monthEnd);
        boolean remote = kind == Kind.RPM || kind == Kind.RTM;
        if (remote) {
            boolean device = false;
            boolean managed = false;
            for (CodeResult c : codes) {
                device |= c.billable() && BillingEngine.isDeviceCode(c.code());
                managed |= c.status() == Status.MET && !BillingEngine.isDeviceCode(c.code()) && !SETUP_CODES.contains(c.code());
            }
            if (device && !managed) {
                warnings.add(new Warning(WarningCode.DEVICE_WITHOUT_MANAGEMENT,
                        "A device code is billed this month without any treatment management (OIG finding, domain §1.1)"));
            }
            if (!time.interactive(monthEntries)) {
                warnings.add(new Warning(WarningCode.NO_INTERACTIVE_CONTACT, "No live interactive contact with the patient or "
                        + "caregiver is recorded in " + lookups.monthName(s.month()) + " (OIG finding, domain §1.1; verified §C rule 9)"));
            }
        }
        int visitYears = kind == Kind.APCM ? 3 : 1;
        if (kind != Kind.OTHER && (e.lastVisit() == null || e.lastVisit().isBefore(monthEnd.minusYears(visitYears)))) {
            warnings.add(new Warning(WarningCode.NO_PRIOR_VISIT, "No initiating visit (E/M, AWV or IPPE) within "
                    + (visitYears == 1 ? "12 months" : visitYears + " years") + " is recorded: confirm one exists "
                    + "(OIG finding, domain §1.1; verified §C rules 8, 17, 22)"));
        }
        Set<Performer> uncounted = new HashSet<>();
        int uncountedMinutes = 0;
        for (Facts.TimeEntry t : monthEntries) {
            if (t.performer() == Performer.UNKNOWN || (t.performer() == Performer.THERAPIST && kind != Kind.RTM)) {
                uncounted.add(t.performer());
                uncountedMinutes += t.minutes();
            }
        }
        if (uncountedMinutes > 0) {
            warnings.add(new Warning(WarningCode.UNCOUNTED_MINUTES, uncountedMinutes + " minutes were logged by clinicians whose "
                    + "credentials do not count toward these codes (" + uncounted.stream().map(Enum::name).sorted()
                            .collect(Collectors.joining(", ")) + ")"));
        }
        for (CodeResult c : codes) {
            if (!c.billable()) {
                continue;
            }
            if (c.unitAmount() == null) {
                warnings.add(new Warning(WarningCode.NO_AMOUNT, c.code() + " has no amount in any rate table for "
                        + c.dateOfService() + " (contractor-priced or unresolved): add the organization's own rate"));
            } else if (Boolean.FALSE.equals(c.rateVerified())) {
                warnings.add(new Warning(WarningCode.UNVERIFIED_AMOUNT, c.code() + " is priced from " + c.rateTable()
                        + ", whose figure is not verified against the CMS RVU file"));
            }
            if ("99484".equals(c.code())) {
                warnings.add(new Warning(WarningCode.RATING_SCALE_NOT_CHECKED, "99484 needs a validated rating scale "
                        + "(PHQ-9, GAD-7) in the care; Vigil does not check it yet (domain §1.6)"));
            }
            if (PCM_STAFF_CODES.contains(c.code()) && "DIRECT".equals(lookups.policy().pcmStaffSupervision())) {
                warnings.add(new Warning(WarningCode.DIRECT_SUPERVISION, c.code() + ": the organization's policy requires direct "
                        + "supervision of PCM clinical-staff time; confirm it (verified §C rule 20)"));
            }
        }
        return warnings;
    }
}
