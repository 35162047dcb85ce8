package org.vigil.tenancy.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.vigil.tenancy.OrganizationType;

/** Request bodies and parameters of the platform's organization endpoints. */
final class OrganizationRequests {

    static final String DOMAIN = "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+";
    static final String WEBSITE = "(?i)https?://[^\\s]{1,250}";
    static final String PHONE = "[0-9+()./ -]{3,40}";

    private OrganizationRequests() {
    }

    /** Settings given when creating or changing an organization; an omitted part keeps its value. */
    record SettingsPart(
            @Size(min = 4, max = 4, message = SettingsRequest.ALL_SEVERITIES)
            Map<@NotNull @Pattern(regexp = SettingsRequest.SEVERITY, message = SettingsRequest.ALL_SEVERITIES) String,
                    @NotNull @Positive @Max(SettingsRequest.MAX_MINUTES) Integer> slaMinutes,
            @Size(max = 20)
            List<@NotNull @Pattern(regexp = SettingsRequest.PROGRAM, message = SettingsRequest.PROGRAM_MESSAGE) String>
                    billingProgramsOffered,
            Boolean mfaRequired) {

        OrganizationSettings applyTo(OrganizationSettings current) {
            return current.with(slaMinutes, billingProgramsOffered, mfaRequired);
        }
    }

    record Create(
            @NotBlank @Size(max = 200) String name,
            @NotNull OrganizationType type,
            @Size(max = 253) @Pattern(regexp = DOMAIN, message = "must be a domain name such as clinic.example") String domain,
            @Size(max = 254) @Email String email,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Size(max = 500) String address,
            @Pattern(regexp = WEBSITE, message = "must be an http(s) address") String website,
            @Size(max = 64) @TimeZoneId String timeZone,
            @Valid SettingsPart settings) {
    }

    /**
     * A partial change: only the fields given are changed; {@code active: false} deactivates;
     * {@code clear} names optional fields to empty (domain, email, phone, address, website).
     */
    record Update(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            OrganizationType type,
            @Size(max = 253) @Pattern(regexp = DOMAIN, message = "must be a domain name such as clinic.example") String domain,
            @Size(max = 254) @Email String email,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Size(max = 500) String address,
            @Pattern(regexp = WEBSITE, message = "must be an http(s) address") String website,
            @Size(max = 64) @TimeZoneId String timeZone,
            Boolean active,
            @Valid SettingsPart settings,
            @Size(max = 5) java.util.Set<@NotNull @Pattern(regexp = CLEARABLE,
                    message = "can name domain, email, phone, address or website") String> clear) {

        java.util.Set<String> cleared() {
            return clear == null ? java.util.Set.of() : clear;
        }
    }

    static final String CLEARABLE = "domain|email|phone|address|website";

    /** The filters of the organization list: {@code q} in the name or domain, {@code active}. */
    record Filter(@Size(max = 200) String q, Boolean active) {
    }

}
