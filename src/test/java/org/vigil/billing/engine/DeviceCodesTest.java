package org.vigil.billing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.billing.engine.Given.code;
import static org.vigil.billing.engine.Given.enrollment;
import static org.vigil.billing.engine.Given.met;
import static org.vigil.billing.engine.Given.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.billing.engine.Readiness.CodeResult;
import org.vigil.billing.engine.Readiness.Status;

/** Device-supply and set-up codes per consecutive 30-day period (verified rows 1–2, 5, §C rules 3–7, 13). */
class DeviceCodesTest {

    static final LocalDate MAR_1_2026 = LocalDate.of(2026, 3, 1);
    static final LocalDate AFTER = LocalDate.of(2026, 4, 15);

    Readiness.Enrollment rpm2026(int deviceDays) {
        return patient().with(enrollment("e1", "CMS_RPM_2026", MAR_1_2026).deviceDays(MAR_1_2026, deviceDays))
                .only(YearMonth.of(2026, 3), AFTER);
    }

    @ParameterizedTest(name = "2026, {0} device days -> {1} / {2} / set-up {3}")
    @CsvSource({
            "1,  NOT_MET, NOT_MET, NOT_MET",
            "2,  MET, NOT_APPLICABLE, MET",
            "15, MET, NOT_APPLICABLE, MET",
            "16, NOT_APPLICABLE, MET, MET",
            "30, NOT_APPLICABLE, MET, MET"})
    void rpm2026BandsAtTheBoundaries(int days, Status s99445, Status s99454, Status s99453) {
        Readiness.Enrollment r = rpm2026(days);
        assertThat(code(r, "99445").status()).isEqualTo(s99445);
        assertThat(code(r, "99454").status()).isEqualTo(s99454);
        assertThat(code(r, "99453").status()).isEqualTo(s99453);
        assertThat(r.codes().stream().filter(c -> c.status() == Status.MET && c.code().matches("9944[5]|99454")).count())
                .as("never both device codes for one period").isLessThanOrEqualTo(1);
    }

    @ParameterizedTest(name = "2025, {0} device days -> 99454 {1}")
    @CsvSource({"1, NOT_MET", "2, NOT_MET", "15, NOT_MET", "16, MET"})
    void rpm2025Needs16Days(int days, Status s99454) {
        LocalDate start = LocalDate.of(2025, 3, 1);
        Readiness.Enrollment r = patient().with(enrollment("e1", "CMS_RPM_2025", start).deviceDays(start, days))
                .only(YearMonth.of(2025, 3), LocalDate.of(2025, 4, 15));
        assertThat(code(r, "99454").status()).isEqualTo(s99454);
        assertThat(code(r, "99453").status()).isEqualTo(s99454);
        assertThat(r.codes()).noneMatch(c -> c.code().equals("99445"));
    }

    @Test
    void theDateOfServiceIsThePeriodsLastDayAndTheAmountRecordsItsRateTable() {
        CodeResult c = code(rpm2026(16), "99454");
        assertThat(c.periodStart()).isEqualTo(MAR_1_2026);
        assertThat(c.periodEnd()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(c.dateOfService()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(c.provisional()).isFalse();
        assertThat(c.units()).isEqualTo(1);
        assertThat(c.amount()).isEqualByComparingTo(new BigDecimal("47.43"));
        assertThat(c.rateTable()).isEqualTo("CMS_PFS_2026_NATIONAL");
        assertThat(c.rateVerified()).isFalse();
    }

    @Test
    void manualReadingsDoNotCountForRpmButDoForRtm() {
        Readiness.Enrollment rpm = patient().with(enrollment("e1", "CMS_RPM_2026", MAR_1_2026)
                .deviceDays(MAR_1_2026, 1).manualDays(MAR_1_2026.plusDays(1), 20)).only(YearMonth.of(2026, 3), AFTER);
        assertThat(met(rpm)).isEmpty();
        assertThat(code(rpm, "99445").reason()).startsWith("1 day with qualifying data");

        Readiness.Enrollment rtm = patient().diagnoses("M54.50").with(enrollment("e1", "CMS_RTM_2026", MAR_1_2026)
                .deviceDays(MAR_1_2026, 1).manualDays(MAR_1_2026.plusDays(1), 20)).only(YearMonth.of(2026, 3), AFTER);
        assertThat(code(rtm, "98977").status()).isEqualTo(Status.MET);
        assertThat(code(rtm, "98977").reason()).startsWith("21 days");
    }

    @Test
    void periodsStartOnTheFirstDayOfDataAndAreNeverStretchedOrMerged() {
        // 10 days at the end of one period and 10 at the start of the next: 20 days, but never 16 in one period.
        LocalDate first = LocalDate.of(2026, 3, 10);
        Readiness.Enrollment r = patient().with(enrollment("e1", "CMS_RPM_2026", MAR_1_2026)
                .deviceDays(first, 1).deviceDays(LocalDate.of(2026, 3, 30), 10).deviceDays(LocalDate.of(2026, 4, 8), 10))
                .only(YearMonth.of(2026, 4), LocalDate.of(2026, 6, 1));
        // Period 1: 10 Mar – 8 Apr (1 + 10 days), billed in April.
        CodeResult p1 = code(r, "99445");
        assertThat(p1.periodStart()).isEqualTo(first);
        assertThat(p1.dateOfService()).isEqualTo(LocalDate.of(2026, 4, 8));
        assertThat(p1.status()).isEqualTo(Status.MET);
        assertThat(p1.reason()).startsWith("11 days");
        assertThat(code(r, "99454").status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void anOpenPeriodSaysHowManyMoreDaysAreNeededAndByWhen() {
        LocalDate start = LocalDate.of(2026, 11, 15);
        Readiness.Enrollment r = patient().with(enrollment("e1", "CMS_RPM_2026", start).deviceDays(start, 12))
                .only(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 1));
        CodeResult c99454 = code(r, "99454");
        assertThat(c99454.status()).isEqualTo(Status.NOT_MET);
        assertThat(c99454.shortfall()).isEqualTo("4 more days of readings by 14 Dec (for 99454 instead of 99445)");
        assertThat(c99454.deadline()).isEqualTo(LocalDate.of(2026, 12, 14));
        CodeResult c99445 = code(r, "99445");
        assertThat(c99445.status()).isEqualTo(Status.MET);
        assertThat(c99445.provisional()).as("final only once the period closes").isTrue();
        assertThat(r.atRisk()).extracting(CodeResult::code).contains("99454");
    }

    @Test
    void aShortfallThatCannotBeMadeUpInThePeriodIsNotOfferedAsOne() {
        LocalDate start = LocalDate.of(2026, 11, 15);
        // 5 days, today 12 Dec: 3 days left (12, 13, 14 Dec), 11 needed.
        Readiness.Enrollment r = patient().with(enrollment("e1", "CMS_RPM_2026", start).deviceDays(start, 5))
                .only(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 12));
        assertThat(code(r, "99454").shortfall()).isNull();
        assertThat(code(r, "99454").reason()).contains("only 3 days left");
    }

    @Test
    void setUpIsBilledOncePerEpisode() {
        LocalDate start = MAR_1_2026;
        Given.EnrollmentBuilder e = enrollment("e1", "CMS_RPM_2026", start).deviceDays(start, 90);
        Readiness.Enrollment march = patient().with(e).only(YearMonth.of(2026, 3), LocalDate.of(2026, 7, 1));
        Readiness.Enrollment april = patient().with(e).only(YearMonth.of(2026, 4), LocalDate.of(2026, 7, 1));
        Readiness.Enrollment may = patient().with(e).only(YearMonth.of(2026, 5), LocalDate.of(2026, 7, 1));
        assertThat(code(march, "99453").status()).isEqualTo(Status.MET);
        assertThat(code(april, "99453").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(code(april, "99453").reason()).contains("once per episode").contains("2026-03-30");
        assertThat(code(may, "99453").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(code(april, "99454").status()).isEqualTo(Status.MET);

        // A new enrollment is a new episode.
        Readiness.Enrollment next = patient().with(enrollment("e2", "CMS_RPM_2026", LocalDate.of(2026, 8, 1))
                .deviceDays(LocalDate.of(2026, 8, 1), 3)).only(YearMonth.of(2026, 8), LocalDate.of(2026, 9, 5));
        assertThat(code(next, "99453").status()).isEqualTo(Status.MET);
    }

    @Test
    void before2026SetUpNeeds16DaysInTheFirstPeriodOnly() {
        LocalDate start = LocalDate.of(2025, 3, 1);
        // First period 10 days, second 20: 99454 in the second, but no set-up at all.
        Given.EnrollmentBuilder e = enrollment("e1", "CMS_RPM_2025", start).deviceDays(start, 10)
                .deviceDays(LocalDate.of(2025, 3, 31), 20);
        Readiness.Enrollment april = patient().with(e).only(YearMonth.of(2025, 4), LocalDate.of(2025, 6, 1));
        assertThat(code(april, "99454").status()).isEqualTo(Status.MET);
        assertThat(code(april, "99453").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(code(april, "99453").reason()).contains("first 30-day period");
    }

    @ParameterizedTest(name = "RTM 2026 respiratory, {0} days -> {1}")
    @CsvSource({"1, ''", "2, 98984", "15, 98984", "16, 98976"})
    void rtmDeviceCodeByBodySystemAndBand(int days, String expected) {
        Readiness.Enrollment r = patient().diagnoses("J44.9").with(enrollment("e1", "CMS_RTM_2026", MAR_1_2026)
                .deviceDays(MAR_1_2026, days)).only(YearMonth.of(2026, 3), AFTER);
        assertThat(r.codes().stream().filter(c -> c.status() == Status.MET && !c.code().equals("98975"))
                .map(CodeResult::code).toList()).isEqualTo(expected.isEmpty() ? java.util.List.of() : java.util.List.of(expected));
        assertThat(r.codes()).noneMatch(c -> c.code().equals("98977") || c.code().equals("98985"));
    }

    @Test
    void rtmWithoutAKnownBodySystemIsBlocked() {
        Readiness.Enrollment r = patient().diagnoses("J44.9", "M54.50").with(enrollment("e1", "CMS_RTM_2026", MAR_1_2026)
                .deviceDays(MAR_1_2026, 20)).only(YearMonth.of(2026, 3), AFTER);
        // J44.9 is primary: respiratory.
        assertThat(code(r, "98976").status()).isEqualTo(Status.MET);
        Facts.Patient ambiguous = new Facts.Patient("p", new Facts.Insurance("MEDICARE_PART_B", false),
                java.util.List.of(new Facts.Diagnosis("J44.9", false, null, null), new Facts.Diagnosis("M54.50", false, null, null)),
                patient().build().consents(), java.util.List.of(enrollment("e1", "CMS_RTM_2026", MAR_1_2026)
                        .deviceDays(MAR_1_2026, 20).build()));
        Readiness.Enrollment blocked = new BillingEngine(Given.CATALOG, BillingPolicy.defaults(), "org")
                .evaluate(ambiguous, YearMonth.of(2026, 3), AFTER).get(0);
        assertThat(blocked.codes().stream().filter(c -> c.code().equals("98976")).findFirst().orElseThrow().status())
                .isEqualTo(Status.BLOCKED);
    }

    @Test
    void noDataYetSaysWhereThePeriodStarts() {
        Readiness.Enrollment r = patient().with(enrollment("e1", "CMS_RPM_2026", MAR_1_2026))
                .only(YearMonth.of(2026, 3), LocalDate.of(2026, 3, 10));
        assertThat(code(r, "99445").status()).isEqualTo(Status.NOT_MET);
        assertThat(code(r, "99445").reason()).contains("first day with device data");
    }
}
