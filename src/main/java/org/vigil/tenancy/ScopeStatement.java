package org.vigil.tenancy;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one statement that scopes a transaction: sets its role, {@code app.org_id} and
 * {@code app.user_id}; with a session to confirm, confirms it ({@code vigil_api_caller}, V110, a
 * security-definer look-up by exact keys); for an organization, reads what other modules need at
 * the start of each of its transactions ({@link ScopeRead}), after the settings apply (each read
 * depends on the column that set {@code app.org_id}). One row whatever the answer.
 */
final class ScopeStatement {

    static final ScopeStatement NONE = new ScopeStatement(List.of());

    /** Named apart from the session check's columns ({@code c.*}), which are read by name. */
    private static final String SETTINGS = "SELECT set_config('role', ?, true) AS vigil_scope_role, "
            + "set_config('app.org_id', ?, true) AS vigil_scope_org, set_config('app.user_id', ?, true) AS vigil_scope_user";

    private final List<ScopeRead> reads;
    /** Indexed by (session ? 2 : 0) + (reads ? 1 : 0); built once, so every transaction sends the same text. */
    private final String[] sql = new String[4];

    ScopeStatement(List<ScopeRead> reads) {
        this.reads = List.copyOf(reads);
        for (int variant = 0; variant < 4; variant++) {
            boolean session = variant >= 2;
            boolean reading = variant % 2 == 1;
            StringBuilder text = new StringBuilder("SELECT s.*");
            if (session) {
                text.append(", c.*");
            }
            for (int i = 0; reading && i < this.reads.size(); i++) {
                text.append(", ").append(this.reads.get(i).sql()).append(" AS vigil_scope_read_").append(i);
            }
            text.append(" FROM (").append(SETTINGS).append(") s");
            if (session) {
                text.append(" LEFT JOIN vigil_api_caller(?, ?, ?) c ON true");
            }
            sql[variant] = text.toString();
        }
    }

    /**
     * Runs the statement for {@code context}; throws {@link CallerRefused} when {@code session}
     * (or null: none to confirm) does not hold, before any {@link ScopeRead} hears of the transaction.
     */
    void run(JdbcTemplate jdbc, WorkContext context, LiveSession session) {
        String org = context.organizationId() == null ? "" : context.organizationId();
        String user = context.userId() == null ? "" : context.userId();
        boolean reading = context.organizationId() != null && !reads.isEmpty();
        List<Object> arguments = new ArrayList<>(6);
        arguments.add(context.role());
        arguments.add(org);
        arguments.add(user);
        if (session != null) {
            arguments.add(session.userId());
            arguments.add(session.organizationId());
            arguments.add(session.sessionId());
        }
        Object[] values = new Object[reads.size()];
        ActiveMembership[] caller = new ActiveMembership[1];
        jdbc.query(sql[(session != null ? 2 : 0) + (reading ? 1 : 0)], rs -> {
            for (int i = 0; reading && i < values.length; i++) {
                values[i] = rs.getObject("vigil_scope_read_" + i);
            }
            if (session != null) {
                caller[0] = MembershipDirectory.MAPPER_OR_NULL.mapRow(rs, 0);
            }
        }, arguments.toArray());
        if (session != null) {
            WorkContext.requireLive(session, caller[0]);
        }
        for (int i = 0; reading && i < values.length; i++) {
            reads.get(i).scoped(context.organizationId(), values[i]);
        }
    }
}
