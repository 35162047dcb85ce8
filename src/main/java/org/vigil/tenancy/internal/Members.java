package org.vigil.tenancy.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.vigil.shared.web.ApiProblem;
import org.vigil.tenancy.GrantCeiling;
import org.vigil.tenancy.MembershipChanged;
import org.vigil.tenancy.Permission;
import org.vigil.tenancy.Role;
import org.vigil.tenancy.TenantScope;

/**
 * The members of the caller's organization: listing them and changing a membership's role, active
 * flag and explicit permissions. Nobody changes their own membership; a user who is not a member
 * of this organization is "not found", whoever they are elsewhere.
 */
@Service
class Members {

    private static final String MEMBERS = """
            SELECT uo.user_id, u.email, u.first_name, u.last_name, uo.role, uo.is_active, uo.joined_at, uo.permissions,
                   u.mfa_enabled
            FROM user_organizations uo JOIN users u ON u.id = uo.user_id
            WHERE uo.organization_id = ?
            """;

    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;
    private final MembershipRepository memberships;
    private final ApplicationEventPublisher events;

    private final org.vigil.tenancy.MembershipDirectory directory;

    Members(TenantScope tenantScope, JdbcTemplate jdbc, MembershipRepository memberships,
            ApplicationEventPublisher events, org.vigil.tenancy.MembershipDirectory directory) {
        this.directory = directory;
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.events = events;
    }

    record Change(Role role, Boolean active, Set<Permission> permissions) {
    }

    List<MemberView> list(String organizationId, String callerId) {
        return tenantScope.call(organizationId, callerId, () -> jdbc.query(
                MEMBERS + " ORDER BY u.last_name NULLS LAST, u.first_name NULLS LAST, u.email", VIEW, organizationId));
    }

    MemberView change(String organizationId, String callerId, String memberUserId, Change change) {
        return tenantScope.call(organizationId, callerId, () -> {
            Membership membership = memberships.findByUserIdAndOrganizationId(memberUserId, organizationId)
                    .orElseThrow(() -> ApiProblem.notFound("member"));
            List<String> changed = new ArrayList<>();
            if (change.role() != null && change.role() != membership.getRole()) {
                changed.add("role");
            }
            if (change.active() != null && change.active() != membership.isActive()) {
                changed.add("active");
            }
            String[] grants = change.permissions() == null ? membership.getPermissions()
                    : change.permissions().stream().map(Enum::name).sorted().toArray(String[]::new);
            if (!new TreeSet<>(Arrays.asList(grants)).equals(new TreeSet<>(Arrays.asList(membership.getPermissions())))) {
                changed.add("permissions");
            }
            if (memberUserId.equals(callerId) && !changed.isEmpty()) {
                throw ApiProblem.conflict("Own membership",
                        "Nobody may change their own role, permissions or active state; ask another administrator.");
            }
            if ((changed.contains("role") || changed.contains("permissions")) && !GrantCeiling.allows(
                    directory.find(callerId, organizationId).map(m -> m.permissions()).orElse(Set.of()),
                    change.role() != null ? change.role() : membership.getRole(), grants)) {
                throw ApiProblem.forbidden("Beyond your own powers",
                        "Only someone who holds member management, settings management or audit reading can give them.");
            }
            if (!changed.isEmpty()) {
                if (change.role() != null) {
                    membership.setRole(change.role());
                }
                if (change.active() != null) {
                    membership.setActive(change.active());
                }
                membership.setPermissions(grants);
                memberships.saveAndFlush(membership);
                events.publishEvent(new MembershipChanged(organizationId, callerId, membership.getId(), memberUserId,
                        List.copyOf(changed)));
            }
            return jdbc.query(MEMBERS + " AND uo.user_id = ?", VIEW, organizationId, memberUserId).get(0);
        });
    }

    private static final RowMapper<MemberView> VIEW = (rs, row) -> {
        String first = rs.getString("first_name");
        String last = rs.getString("last_name");
        String name = String.join(" ", first == null ? "" : first, last == null ? "" : last).trim();
        String[] grants = (String[]) rs.getArray("permissions").getArray();
        return new MemberView(rs.getString("user_id"), rs.getString("email"), name.isEmpty() ? null : name,
                Role.valueOf(rs.getString("role")), rs.getBoolean("is_active"),
                rs.getTimestamp("joined_at").toInstant(), Arrays.stream(grants).sorted().toList(),
                rs.getBoolean("mfa_enabled"));
    };
}
