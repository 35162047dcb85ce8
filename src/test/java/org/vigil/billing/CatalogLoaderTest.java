package org.vigil.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.TenantScope;

/** The shipped CMS catalog is in the database after start, readable by every tenant, and loading it again changes nothing. */
@VigilIntegrationTest
class CatalogLoaderTest {

    @Autowired TenantScope tenant;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.vigil.billing.internal.CatalogLoaderAccess loader;

    @Test
    void theShippedCatalogIsLoadedOnceAndReadByTenants() {
        String org = data.organization();
        List<Map<String, Object>> programs = tenant.call(org, () -> jdbc.queryForList(
                "SELECT code, program_type, effective_date::date::text AS from_day, expiration_date::date::text AS to_day "
                        + "FROM billing_programs WHERE code LIKE 'CMS\\_%' AND code NOT LIKE 'CMS\\_%\\_%\\_%' ORDER BY code"));
        assertThat(programs).extracting(p -> p.get("code")).contains("CMS_APCM", "CMS_BHI", "CMS_CCM", "CMS_PCM",
                "CMS_RPM_2025", "CMS_RPM_2026", "CMS_RTM_2025", "CMS_RTM_2026");
        Map<String, Object> rpm2025 = programs.stream().filter(p -> p.get("code").equals("CMS_RPM_2025")).findFirst().orElseThrow();
        assertThat(rpm2025.get("from_day")).isEqualTo("2025-01-01");
        assertThat(rpm2025.get("to_day")).isEqualTo("2026-01-01");

        List<String> rpm2026Codes = tenant.call(org, () -> jdbc.queryForList("SELECT c.code FROM cpt_codes c JOIN billing_programs p "
                + "ON p.id = c.billing_program_id WHERE p.code = 'CMS_RPM_2026' AND c.is_active ORDER BY c.code", String.class));
        assertThat(rpm2026Codes).containsExactly("99091", "99445", "99453", "99454", "99457", "99458", "99470");

        Map<String, Object> rate = tenant.call(org, () -> jdbc.queryForMap("SELECT r.amount, r.verified FROM billing_rates r "
                + "JOIN billing_rate_tables t ON t.id = r.rate_table_id WHERE t.code = 'CMS_PFS_2026_NATIONAL' AND r.cpt_code = '99454'"));
        assertThat((BigDecimal) rate.get("amount")).isEqualByComparingTo("47.43");
        assertThat(rate.get("verified")).isEqualTo(false);
        Map<String, Object> contractor = tenant.call(org, () -> jdbc.queryForMap("SELECT r.amount FROM billing_rates r "
                + "JOIN billing_rate_tables t ON t.id = r.rate_table_id WHERE t.code = 'CMS_PFS_2025_NATIONAL' AND r.cpt_code = '98978'"));
        assertThat(contractor.get("amount")).isNull();

        assertThat(loader.loadAgain()).as("rows changed by a second load").isZero();
    }
}
