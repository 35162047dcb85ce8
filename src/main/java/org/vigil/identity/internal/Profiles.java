package org.vigil.identity.internal;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.tenancy.TenantScope;

/** The signed-in user's own account facts shown on the web pages. */
@Component
class Profiles {

    record Profile(String userId, String email, String displayName, boolean mfaEnabled) {
    }

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    Profiles(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    Profile of(String userId) {
        Map<String, Object> row = tenantScope.asUser(userId, () -> jdbc.queryForMap(
                "SELECT email, first_name, last_name, mfa_enabled FROM users WHERE id = ?", userId));
        String name = ((row.get("first_name") == null ? "" : row.get("first_name") + " ")
                + (row.get("last_name") == null ? "" : row.get("last_name"))).trim();
        return new Profile(userId, (String) row.get("email"), name.isEmpty() ? (String) row.get("email") : name,
                (Boolean) row.get("mfa_enabled"));
    }
}
