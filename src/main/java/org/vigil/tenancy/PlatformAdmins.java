package org.vigil.tenancy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers "is this user a platform administrator right now?" from the database on every call
 * ({@code users.is_platform_admin} of an active account), so revoking the flag takes effect at once.
 * Endpoints use it as {@code @PreAuthorize("@platformAdmins.isPlatformAdmin(authentication.name)")}.
 */
@Component("platformAdmins")
public class PlatformAdmins {

    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;

    PlatformAdmins(TenantScope tenantScope, JdbcTemplate jdbc) {
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
    }

    public boolean isPlatformAdmin(String userId) {
        if (userId == null || userId.isBlank()) {
            return false;
        }
        // As the user themselves: row-level security shows a user their own account row.
        return tenantScope.asUser(userId, () -> jdbc.queryForList(
                "SELECT 1 FROM users WHERE id = ? AND is_platform_admin AND is_active", userId).size() == 1);
    }
}
