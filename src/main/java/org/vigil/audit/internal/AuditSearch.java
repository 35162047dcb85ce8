package org.vigil.audit.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Searches the audit log of one organization, newest first. Runs in that organization's
 * {@link TenantScope}, so row-level security admits its entries only, whatever the filters say.
 */
@Service
class AuditSearch {

    record Filter(String userId, String patientId, String action, String resourceType, String resourceId, Instant from, Instant to) {
    }

    record Page(List<AuditEventView> items, int page, int size, long totalItems) {
    }

    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    AuditSearch(TenantScope tenantScope, JdbcTemplate jdbc, JsonMapper json) {
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
        this.json = json;
    }

    Page page(String organizationId, String callerId, Filter filter, int page, int size) {
        return tenantScope.call(organizationId, callerId, () -> {
            Where where = where(organizationId, filter);
            Long total = jdbc.queryForObject("SELECT count(*) FROM audit_logs" + where.sql(), Long.class,
                    where.arguments().toArray());
            return new Page(select(where, size, (long) page * size), page, size, total == null ? 0 : total);
        });
    }

    /** The newest {@code limit} entries matching the filter. */
    List<AuditEventView> newest(String organizationId, String callerId, Filter filter, int limit) {
        return tenantScope.call(organizationId, callerId, () -> select(where(organizationId, filter), limit, 0));
    }

    private List<AuditEventView> select(Where where, int limit, long offset) {
        List<Object> arguments = new ArrayList<>(where.arguments());
        arguments.add(limit);
        arguments.add(offset);
        return jdbc.query("SELECT id, created_at, user_id, action, resource_type, resource_id, patient_id, outcome, ip_address, "
                + "user_agent, hipaa_relevant, details::text AS details FROM audit_logs" + where.sql()
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", this::view, arguments.toArray());
    }

    private record Where(String sql, List<Object> arguments) {
    }

    private static Where where(String organizationId, Filter filter) {
        // The organization condition is redundant with row-level security and lets the index serve.
        StringBuilder sql = new StringBuilder(" WHERE organization_id = ?");
        List<Object> arguments = new ArrayList<>(List.of(organizationId));
        condition(sql, arguments, " AND user_id = ?", filter.userId());
        condition(sql, arguments, " AND patient_id = ?", filter.patientId());
        condition(sql, arguments, " AND action = ?", filter.action());
        condition(sql, arguments, " AND resource_type = ?", filter.resourceType());
        condition(sql, arguments, " AND resource_id = ?", filter.resourceId());
        condition(sql, arguments, " AND created_at >= ?", filter.from() == null ? null : filter.from().atOffset(ZoneOffset.UTC));
        condition(sql, arguments, " AND created_at <= ?", filter.to() == null ? null : filter.to().atOffset(ZoneOffset.UTC));
        return new Where(sql.toString(), arguments);
    }

    private static void condition(StringBuilder sql, List<Object> arguments, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            arguments.add(value);
        }
    }

    private AuditEventView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEventView(rs.getString("id"),
            rs.getTimestamp("created_at").toInstant(), rs.getString("user_id"), rs.getString("action"),
            rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("patient_id"), rs.getString("outcome"),
            rs.getString("ip_address"), rs.getString("user_agent"), rs.getBoolean("hipaa_relevant"),
            json.readTree(rs.getString("details")));
    }
}
