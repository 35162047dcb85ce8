package org.vigil.identity.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.vigil.identity.MemberNames;
import org.vigil.tenancy.TenantScope;

/** {@link MemberNames} from the users and memberships of the organization (in its tenant scope). */
@Component
class MemberNameQueries implements MemberNames {

    private static final String NAME = "coalesce(nullif(trim(coalesce(u.first_name, '') || ' ' "
            + "|| coalesce(u.last_name, '')), ''), u.email)";
    private static final RowMapper<Member> MEMBER = (rs, n) -> new Member(rs.getString(1), rs.getString(2));

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    MemberNameQueries(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    @Override
    public Map<String, String> of(String organizationId, String callerId, Collection<String> userIds) {
        String[] ids = userIds.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        Map<String, String> names = new LinkedHashMap<>();
        if (ids.length == 0) {
            return names;
        }
        tenantScope.call(organizationId, callerId, () -> jdbc.query("SELECT u.id, " + NAME + " FROM users u "
                + "JOIN user_organizations uo ON uo.user_id = u.id AND uo.organization_id = ? WHERE u.id = ANY (?)",
                MEMBER, organizationId, ids)).forEach(member -> names.put(member.userId(), member.displayName()));
        return names;
    }

    @Override
    public List<Member> active(String organizationId, String callerId) {
        return tenantScope.call(organizationId, callerId, () -> jdbc.query("SELECT u.id, " + NAME + " AS name "
                + "FROM users u JOIN user_organizations uo ON uo.user_id = u.id AND uo.organization_id = ? "
                + "WHERE uo.is_active AND u.is_active ORDER BY name, u.id", MEMBER, organizationId));
    }
}
