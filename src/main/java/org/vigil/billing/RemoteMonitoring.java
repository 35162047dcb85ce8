package org.vigil.billing;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The two remote-monitoring families Medicare bills: remote physiologic monitoring (RPM) and remote
 * therapeutic monitoring (RTM). CMS does not pay both for the same patient in the same period
 * (shared/domain/billing-and-clinical-codes.md §1.1 "RPM and RTM cannot be billed for the same
 * patient in the same period" and §1.9 "Any RPM code ⟂ any RTM code"; kept by
 * billing-rules-verified.md §C rule 16), so enrollment rules need to know which family a billing
 * program belongs to.
 */
public enum RemoteMonitoring {
    RPM,
    RTM;

    /** RPM set-up, device supply and treatment-management codes (billing-rules-verified.md rows 1–7, §C 3–12). */
    static final Set<String> RPM_CODES = Set.of("99453", "99454", "99445", "99457", "99458", "99470", "99091");
    /** RTM set-up, device supply (2–15 and 16–30 days) and treatment-management codes (row 5a, §C 13–14). */
    static final Set<String> RTM_CODES = Set.of("98975", "98976", "98977", "98978", "98979", "98980", "98981",
            "98984", "98985", "98986");

    /**
     * The families a billing program belongs to. {@code programType} decides when it names one
     * ("RPM", "Remote Patient Monitoring", "RTM", "Remote Therapeutic Monitoring"); otherwise the
     * program {@code code} when one of its underscore/dash-separated words is RPM or RTM
     * ("CMS_RPM_2025"); otherwise its CPT codes (any RPM code → RPM, any RTM code → RTM, both when it
     * has both). A CCM, PCM, APCM, BHI or TCM program is neither (empty set).
     */
    public static Set<RemoteMonitoring> of(String programType, String code, Collection<String> cptCodes) {
        Set<RemoteMonitoring> byType = byWords(programType);
        if (!byType.isEmpty()) {
            return byType;
        }
        Set<RemoteMonitoring> byCode = byWords(code);
        if (!byCode.isEmpty()) {
            return byCode;
        }
        EnumSet<RemoteMonitoring> byCpt = EnumSet.noneOf(RemoteMonitoring.class);
        for (String cpt : cptCodes == null ? Set.<String>of() : cptCodes) {
            String trimmed = cpt == null ? "" : cpt.trim();
            if (RPM_CODES.contains(trimmed)) {
                byCpt.add(RPM);
            }
            if (RTM_CODES.contains(trimmed)) {
                byCpt.add(RTM);
            }
        }
        return byCpt;
    }

    private static Set<RemoteMonitoring> byWords(String text) {
        EnumSet<RemoteMonitoring> found = EnumSet.noneOf(RemoteMonitoring.class);
        if (text == null) {
            return found;
        }
        String normalized = " " + text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").trim() + " ";
        if (normalized.contains(" RPM ") || normalized.contains(" REMOTE PATIENT MONITORING ")
                || normalized.contains(" REMOTE PHYSIOLOGIC MONITORING ")) {
            found.add(RPM);
        }
        if (normalized.contains(" RTM ") || normalized.contains(" REMOTE THERAPEUTIC MONITORING ")) {
            found.add(RTM);
        }
        return found;
    }

    /** True when a program of {@code these} families and one of {@code those} may not run side by side. */
    public static boolean exclusive(Set<RemoteMonitoring> these, Set<RemoteMonitoring> those) {
        return (these.contains(RPM) && those.contains(RTM)) || (these.contains(RTM) && those.contains(RPM));
    }
}
