package org.vigil.identity.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.identity.MemberNotifications;
import org.vigil.tenancy.TenantScope;

/** Sends a notification by email to members of an organization (their addresses read in its scope). */
@Component
class MemberMail implements MemberNotifications {

    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;
    private final Mailer mailer;

    MemberMail(TenantScope tenantScope, JdbcTemplate jdbc, Mailer mailer) {
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
        this.mailer = mailer;
    }

    @Override
    public int email(String organizationId, Collection<String> userIds, String subject, String text, String path) {
        if (userIds.isEmpty()) {
            return 0;
        }
        List<String> addresses = tenantScope.call(organizationId, () -> jdbc.queryForList(
                "SELECT email FROM users WHERE id = ANY(?) AND is_active", String.class,
                (Object) userIds.toArray(String[]::new)));
        String body = text + "\n\n" + mailer.url(path) + "\n";
        int sent = 0;
        for (String address : addresses) {
            if (mailer.send(address, subject, body)) {
                sent++;
            }
        }
        return sent;
    }
}
