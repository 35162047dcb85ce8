package org.vigil.tenancy.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An organization's settings: its time zone (column {@code organizations.time_zone}) and, in the
 * {@code settings} JSON, the alert SLA minutes per severity, the billing programs it offers and
 * whether its members must use MFA, and its {@link Branding} (never null; its parts may be).
 */
record OrganizationSettings(String timeZone, Map<String, Integer> slaMinutes, List<String> billingProgramsOffered,
        boolean mfaRequired, Branding branding) {

    static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
    private static final List<Integer> DEFAULT_MINUTES = List.of(1440, 480, 120, 30);
    static final String DEFAULT_TIME_ZONE = "America/New_York";

    OrganizationSettings {
        slaMinutes = ordered(slaMinutes);
        billingProgramsOffered = List.copyOf(new LinkedHashSet<>(billingProgramsOffered));
        branding = branding == null ? Branding.NONE : branding;
    }

    OrganizationSettings(String timeZone, Map<String, Integer> slaMinutes, List<String> billingProgramsOffered,
            boolean mfaRequired) {
        this(timeZone, slaMinutes, billingProgramsOffered, mfaRequired, Branding.NONE);
    }

    OrganizationSettings withBranding(Branding next) {
        return new OrganizationSettings(timeZone, slaMinutes, billingProgramsOffered, mfaRequired, next);
    }

    static OrganizationSettings defaults(String timeZone) {
        return new OrganizationSettings(timeZone, Map.of(), List.of(), false);
    }

    OrganizationSettings withTimeZone(String zone) {
        return new OrganizationSettings(zone, slaMinutes, billingProgramsOffered, mfaRequired, branding);
    }

    /** These settings with the given parts replaced; a null part keeps the current value. */
    OrganizationSettings with(Map<String, Integer> sla, List<String> programs, Boolean mfa) {
        return new OrganizationSettings(timeZone, sla == null ? slaMinutes : sla,
                programs == null ? billingProgramsOffered : programs, mfa == null ? mfaRequired : mfa, branding);
    }

    /** The names of the settings that differ from {@code other}. */
    List<String> changedFrom(OrganizationSettings other) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(timeZone, other.timeZone)) {
            changed.add("timeZone");
        }
        if (!slaMinutes.equals(other.slaMinutes)) {
            changed.add("slaMinutes");
        }
        if (!billingProgramsOffered.equals(other.billingProgramsOffered)) {
            changed.add("billingProgramsOffered");
        }
        if (mfaRequired != other.mfaRequired) {
            changed.add("mfaRequired");
        }
        if (!branding.equals(other.branding)) {
            changed.add("branding");
        }
        return changed;
    }

    /** Every severity, in severity order; a missing one takes its default. */
    private static Map<String, Integer> ordered(Map<String, Integer> given) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (int i = 0; i < SEVERITIES.size(); i++) {
            Integer minutes = given == null ? null : given.get(SEVERITIES.get(i));
            ordered.put(SEVERITIES.get(i), minutes != null ? minutes : DEFAULT_MINUTES.get(i));
        }
        return Collections.unmodifiableMap(ordered);
    }
}
