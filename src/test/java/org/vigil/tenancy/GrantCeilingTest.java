package org.vigil.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rule "nobody gives administrative powers they do not hold", with the role templates' own numbers. */
class GrantCeilingTest {

    @Test
    void anAdministratorMayAssignEveryRole() {
        var admin = RolePermissions.of(Role.ORG_ADMIN);
        for (Role role : Role.values()) {
            assertThat(GrantCeiling.allows(admin, role)).as(role.name()).isTrue();
        }
    }

    @Test
    void aMemberManagerWithoutAdministrativePowersCannotCreateAdministratorsOrAuditors() {
        var nurseLead = RolePermissions.of(Role.NURSE, "MEMBER_MANAGE");
        assertThat(GrantCeiling.allows(nurseLead, Role.NURSE)).isTrue();
        assertThat(GrantCeiling.allows(nurseLead, Role.BILLING_ADMIN)).isTrue();
        assertThat(GrantCeiling.allows(nurseLead, Role.ORG_ADMIN)).isFalse();
        assertThat(GrantCeiling.allows(nurseLead, Role.AUDITOR)).isFalse();
        assertThat(GrantCeiling.allows(nurseLead, Role.NURSE, "MEMBER_MANAGE")).isTrue();
        assertThat(GrantCeiling.allows(nurseLead, Role.NURSE, "ORGANIZATION_SETTINGS_MANAGE")).isFalse();
    }
}
