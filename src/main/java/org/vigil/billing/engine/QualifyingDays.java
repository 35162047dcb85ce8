package org.vigil.billing.engine;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.vigil.billing.engine.Catalog.CodeRule;
import org.vigil.billing.engine.Catalog.DataSource;
import org.vigil.billing.engine.Catalog.Kind;
import org.vigil.billing.engine.Catalog.Program;
import org.vigil.billing.engine.Catalog.RuleKind;

/** The days of an enrollment's episode with data from a source that counts for its program's device codes. */
final class QualifyingDays {

    private final EngineLookups lookups;
    private final Facts.Enrollment e;
    private final Program enrolled;
    private final LocalDate episodeEnd;
    private DaySet qualifyingDays;

    QualifyingDays(EngineLookups lookups, EnrollmentMonth s) {
        this.lookups = lookups;
        this.e = s.enrollment();
        this.enrolled = s.enrolled();
        this.episodeEnd = s.episodeEnd();
    }

    /** Computed once per enrollment (device codes and 99091 both ask); callers only read it. */
    DaySet days() {
        if (qualifyingDays == null) {
            qualifyingDays = computeQualifyingDays();
        }
        return qualifyingDays;
    }

    private DaySet computeQualifyingDays() {
        Set<DataSource> sources = lookups.dataSources(enrolled, QualifyingDays::dataSources);
        boolean device = sources.contains(DataSource.DEVICE);
        boolean selfReported = sources.contains(DataSource.SELF_REPORTED);
        long[] days = new long[e.dataDays().size()];
        int n = 0;
        for (Facts.DataDay d : e.dataDays()) {
            boolean counts = (device && d.deviceReadings() > 0) || (selfReported && d.selfReportedReadings() > 0);
            if (counts && !d.date().isBefore(e.start()) && !d.date().isAfter(episodeEnd)) {
                days[n++] = d.date().toEpochDay();
            }
        }
        return DaySet.of(days, n);
    }

    private static Set<DataSource> dataSources(Program enrolled) {
        // verified row 5b, §C rules 5 and 13: RPM counts automatically transmitted device data only;
        // RTM also counts self-reported data entered through the qualifying device or software.
        return enrolled.codes().stream().filter(c -> c.rule() == RuleKind.DEVICE_SUPPLY).findFirst()
                .map(CodeRule::dataSources).filter(s -> !s.isEmpty())
                .orElse(enrolled.kind() == Kind.RTM ? EnumSet.allOf(DataSource.class) : EnumSet.of(DataSource.DEVICE));
    }
}
