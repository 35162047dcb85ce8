package org.vigil.tenancy;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * Answers "may this user act in this organization, and with what permissions?" from the
 * database on every call, so a deactivated membership or organization takes effect at once.
 */
@Service
public class MembershipDirectory {

    private static final String ACTIVE_MEMBERSHIPS = """
            SELECT uo.user_id, uo.organization_id, o.name, uo.role, uo.permissions,
                   coalesce((o.settings ->> 'mfaRequired')::boolean, false) AND NOT u.mfa_enabled AS mfa_missing
            FROM user_organizations uo
            JOIN organizations o ON o.id = uo.organization_id
            JOIN users u ON u.id = uo.user_id
            WHERE uo.user_id = ? AND uo.is_active AND o.is_active AND u.is_active
            """;

    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;

    MembershipDirectory(TenantScope tenantScope, JdbcTemplate jdbc) {
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
    }

    public Optional<ActiveMembership> find(String userId, String organizationId) {
        return tenantScope.call(organizationId, userId, () -> jdbc.query(
                ACTIVE_MEMBERSHIPS + " AND uo.organization_id = ?", MAPPER, userId, organizationId)
                .stream().findFirst());
    }

    /**
     * {@link #find}, only while the session (the refresh-token family named in the access token)
     * of that user is live: asked on every API request, so logout, revocation and deactivation end
     * access at once. One statement, no transaction: the key-hole function {@code vigil_api_caller}
     * (V110), by exact keys from a verified token.
     */
    public Optional<ActiveMembership> findInLiveSession(String userId, String organizationId, String sessionId) {
        if (userId == null || organizationId == null || sessionId == null) {
            return Optional.empty();
        }
        return inLiveSession(jdbc, userId, organizationId, sessionId);
    }

    /** The look-up of {@link #findInLiveSession}, on whatever transaction {@code jdbc} is in (also a tenant one). */
    static Optional<ActiveMembership> inLiveSession(JdbcTemplate jdbc, String userId, String organizationId,
            String sessionId) {
        return jdbc.query("SELECT * FROM vigil_api_caller(?, ?, ?)", MAPPER, userId, organizationId, sessionId)
                .stream().findFirst();
    }

    /**
     * The organization's active members whose permissions (role template plus grants) include
     * {@code permission}; e.g. who works alerts, to notify them.
     */
    public List<ActiveMembership> holding(String organizationId, Permission permission) {
        return tenantScope.call(organizationId, () -> jdbc.query("""
                SELECT uo.user_id, uo.organization_id, o.name, uo.role, uo.permissions, false AS mfa_missing
                FROM user_organizations uo
                JOIN organizations o ON o.id = uo.organization_id
                JOIN users u ON u.id = uo.user_id
                WHERE uo.organization_id = ? AND uo.is_active AND o.is_active AND u.is_active
                ORDER BY uo.user_id""", MAPPER, organizationId)).stream()
                .filter(member -> member.permissions().contains(permission)).toList();
    }

    /** Every organization the user may act in, by name. */
    public List<ActiveMembership> forUser(String userId) {
        return tenantScope.asUser(userId, () -> jdbc.query(ACTIVE_MEMBERSHIPS + " ORDER BY o.name", MAPPER, userId));
    }

    /** {@link #MAPPER}, or null for a row without a membership (an outer join that found none). */
    static final RowMapper<ActiveMembership> MAPPER_OR_NULL = (rs, row) ->
            rs.getString("user_id") == null ? null : MembershipDirectory.MAPPER.mapRow(rs, row);

    private static final RowMapper<ActiveMembership> MAPPER = (rs, row) -> {
        Role role = Role.valueOf(rs.getString("role"));
        String[] grants = (String[]) rs.getArray("permissions").getArray();
        boolean mfaMissing = rs.getBoolean("mfa_missing");
        return new ActiveMembership(rs.getString("user_id"), rs.getString("organization_id"), rs.getString("name"),
                role, mfaMissing ? java.util.Set.of() : RolePermissions.of(role, grants), mfaMissing);
    };
}
