package org.vigil.tenancy.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The complete settings of an organization, as sent to {@code PUT /api/v1/organization/settings}.
 * {@code branding} may be left out (clients older than it): the current branding is then kept.
 */
record SettingsRequest(
        @NotBlank @Size(max = 64) @TimeZoneId String timeZone,
        @NotNull @Size(min = 4, max = 4, message = SettingsRequest.ALL_SEVERITIES)
        Map<@NotNull @Pattern(regexp = SettingsRequest.SEVERITY, message = SettingsRequest.ALL_SEVERITIES) String,
                @NotNull @Positive @Max(SettingsRequest.MAX_MINUTES) Integer> slaMinutes,
        @NotNull @Size(max = 20)
        List<@NotNull @Pattern(regexp = SettingsRequest.PROGRAM, message = SettingsRequest.PROGRAM_MESSAGE) String>
                billingProgramsOffered,
        @NotNull Boolean mfaRequired,
        @Valid Branding branding) {

    static final String SEVERITY = "LOW|MEDIUM|HIGH|CRITICAL";
    static final String ALL_SEVERITIES = "must give minutes for each of LOW, MEDIUM, HIGH and CRITICAL";
    /** A year: an SLA longer than that is a typo. */
    static final long MAX_MINUTES = 525_600;
    static final String PROGRAM = "[A-Z][A-Z0-9_]{1,19}";
    static final String PROGRAM_MESSAGE = "must be a program code such as RPM, RTM, CCM, PCM, APCM or BHI";

    OrganizationSettings toSettings() {
        return new OrganizationSettings(timeZone, slaMinutes, billingProgramsOffered, mfaRequired, branding);
    }
}
