package org.vigil.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.vigil.shared.Ids;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.internal.Membership;
import org.vigil.tenancy.internal.MembershipRepository;
import org.vigil.tenancy.internal.Organization;
import org.vigil.tenancy.internal.OrganizationRepository;

/** Organizations and memberships round-trip through JPA: created by the platform, read by the tenant. */
@VigilIntegrationTest
class TenancyPersistenceTest {

    static final String SETTINGS = "{\"alerts\": {\"slaMinutes\": 30}, \"billing\": {\"autoSubmit\": false}}";

    @Autowired TenantScope tenant;
    @Autowired PlatformScope platform;
    @Autowired TestData data;
    @Autowired OrganizationRepository organizations;
    @Autowired MembershipRepository memberships;

    @Test
    void anOrganizationAndItsMembershipKeepEveryField() throws Exception {
        String unique = Ids.newId();
        String userId = data.user();
        String[] ids = platform.call(null, "onboard clinic", () -> {
            Organization organization = new Organization("Riverside Cardiology " + unique, OrganizationType.PRACTICE);
            organization.setDomain(unique + ".clinic.test");
            organization.setSettings(SETTINGS);
            organization.setTimeZone("America/Chicago");
            organizations.save(organization);
            Membership membership = new Membership(userId, organization.getId(), Role.PHYSICIAN);
            membership.setPermissions(new String[] {"billing:read", "alerts:claim"});
            memberships.save(membership);
            return new String[] {organization.getId(), membership.getId()};
        });
        String clinic = ids[0];

        Organization organization = tenant.call(clinic, () -> organizations.findById(clinic).orElseThrow());
        assertThat(organization.getName()).isEqualTo("Riverside Cardiology " + unique);
        assertThat(organization.getType()).isEqualTo(OrganizationType.PRACTICE);
        assertThat(organization.getDomain()).isEqualTo(unique + ".clinic.test");
        assertThat(organization.getTimeZone()).isEqualTo("America/Chicago");
        assertThat(organization.isActive()).isTrue();
        JSONAssert.assertEquals(SETTINGS, organization.getSettings(), true);
        Membership membership = tenant.call(clinic, () -> memberships.findById(ids[1]).orElseThrow());
        assertThat(membership.getUserId()).isEqualTo(userId);
        assertThat(membership.getOrganizationId()).isEqualTo(clinic);
        assertThat(membership.getRole()).isEqualTo(Role.PHYSICIAN);
        assertThat(membership.getPermissions()).containsExactly("billing:read", "alerts:claim");
        assertThat(membership.isActive()).isTrue();
        assertThat(membership.getJoinedAt()).isNotNull();

        String otherClinic = data.organization();
        assertThat(tenant.call(otherClinic, () -> organizations.findById(clinic))).isEmpty();
        assertThat(tenant.call(otherClinic, () -> memberships.findById(ids[1]))).isEmpty();
        // The member sees the organization from anywhere (the organization switcher).
        assertThat(tenant.call(otherClinic, userId, () -> organizations.findById(clinic))).isPresent();
    }

    @Test
    void aTenantUpdatesItsOwnOrganization() {
        String clinic = data.organization();
        Organization organization = tenant.call(clinic, () -> organizations.findById(clinic).orElseThrow());
        assertThat(organization.getTimeZone()).isEqualTo("America/New_York");
        organization.setTimeZone("Europe/Berlin");
        tenant.run(clinic, () -> organizations.save(organization));

        Organization stored = tenant.call(clinic, () -> organizations.findById(clinic).orElseThrow());
        assertThat(stored.getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(stored.getVersion()).isEqualTo(organization.getVersion() + 1);
    }

    @Test
    void anUnknownTimeZoneIsRefused() {
        Organization mars = new Organization("Olympus Mons Clinic " + Ids.newId(), OrganizationType.CLINIC);
        mars.setTimeZone("Mars/Olympus");
        assertThatThrownBy(() -> platform.run(null, "onboard clinic", () -> organizations.saveAndFlush(mars)))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("organizations_time_zone_check");
    }
}
