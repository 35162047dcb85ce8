package org.vigil.alerting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.shared.Ids;
import org.vigil.tenancy.PlatformScope;
import org.vigil.tenancy.TenantScope;

/**
 * SLA escalation: an open alert past its {@code slaBreachTime} goes to escalation level 1; while
 * it stays open it goes one level up every {@code vigil.alerts.escalation.repeat-after} (default
 * 60 minutes) after that, up to {@code vigil.alerts.escalation.max-level} (default 3). Each level
 * is reached once: one conditional UPDATE per organization ({@code escalation_level + 1} only where
 * the level is still due), so concurrent runs (two nodes, two threads) cannot both raise the same
 * level; each new level writes one {@code alert_escalations} row (unique per alert and level; the
 * in-app notification, targeted at the claimant if any) and an {@link AlertChanged} ESCALATED for
 * the live stream. Snoozed alerts escalate too: a snooze hides an alert from the queue, not from
 * its deadline. The scheduled job (db-scheduler, see {@code SlaEscalationJob}) runs
 * {@link #runOnce()}; tests call {@link #escalate(String)} for their organization after moving
 * the clock.
 */
@Component
public class SlaEscalation {

    private static final Logger log = LoggerFactory.getLogger(SlaEscalation.class);

    private final PlatformScope platform;
    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration repeatAfter;
    private final int maxLevel;
    private final org.vigil.tenancy.MembershipDirectory memberships;
    private final org.vigil.identity.MemberNotifications notifications;

    SlaEscalation(PlatformScope platform, TenantScope tenantScope, JdbcTemplate jdbc, ApplicationEventPublisher events,
            Clock clock, @Value("${vigil.alerts.escalation.repeat-after:60m}") Duration repeatAfter,
            @Value("${vigil.alerts.escalation.max-level:3}") int maxLevel,
            org.vigil.tenancy.MembershipDirectory memberships, org.vigil.identity.MemberNotifications notifications) {
        this.memberships = memberships;
        this.notifications = notifications;
        this.platform = platform;
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.repeatAfter = repeatAfter;
        this.maxLevel = maxLevel;
    }

    /** Every organization with an alert due for escalation, one tenant transaction each. Returns escalations. */
    public int runOnce() {
        Instant now = clock.instant();
        List<String> organizations = platform.call(null, "SLA escalation: organizations with breached open alerts",
                () -> jdbc.queryForList("SELECT DISTINCT organization_id FROM alerts WHERE status IN ('PENDING', "
                        + "'ACKNOWLEDGED') AND sla_breach_time <= ? AND escalation_level < ?", String.class,
                        Timestamp.from(now), maxLevel));
        int escalated = 0;
        for (String organizationId : organizations) {
            try {
                escalated += escalate(organizationId);
            } catch (RuntimeException e) {
                log.warn("SLA escalation failed for organization {}: {}", organizationId, e.getClass().getSimpleName());
            }
        }
        return escalated;
    }

    /** One organization's due escalations at the clock's now; returns how many alerts went up a level. */
    public int escalate(String organizationId) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        record Escalated(String id, String status, String severity, String claimedById, Timestamp claimedAt, int level) {
        }
        List<Escalated> escalated = tenantScope.call(organizationId, () -> {
            List<Escalated> rows = jdbc.query("""
                    UPDATE alerts SET escalation_level = escalation_level + 1, escalated_at = ?, version = version + 1
                     WHERE organization_id = ? AND status IN ('PENDING', 'ACKNOWLEDGED') AND sla_breach_time IS NOT NULL
                       AND escalation_level < ?
                       AND sla_breach_time + make_interval(secs => escalation_level * ?) <= ?
                    RETURNING id, status, severity, claimed_by_id, claimed_at, escalation_level""",
                    (rs, n) -> new Escalated(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5), rs.getInt(6)),
                    at, organizationId, maxLevel, (double) repeatAfter.toSeconds(), at);
            for (Escalated e : rows) {
                jdbc.update("INSERT INTO alert_escalations (id, organization_id, alert_id, level, target_user_id, reason, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (alert_id, level) DO NOTHING",
                        Ids.newId(), organizationId, e.id(), e.level(), e.claimedById(),
                        e.level() == 1 ? "SLA breached" : "SLA breached, still open at level " + (e.level() - 1), at);
                events.publishEvent(new AlertChanged(organizationId, e.id(), "ESCALATED", e.status(), e.severity(),
                        e.claimedById(), e.level(), now));
            }
            return rows;
        });
        for (Escalated e : escalated) {
            notifyByEmail(organizationId, e.id(), e.severity(), e.level(), e.claimedById());
        }
        return escalated.size();
    }

    /**
     * The claimant of an escalated alert is told by email; an unclaimed alert goes to every member
     * who works alerts (ALERT_WORK). The message says severity and level only — no patient data.
     */
    private void notifyByEmail(String organizationId, String alertId, String severity, int level, String claimedById) {
        java.util.List<String> recipients = claimedById != null ? java.util.List.of(claimedById)
                : memberships.holding(organizationId, org.vigil.tenancy.Permission.ALERT_WORK).stream()
                        .map(org.vigil.tenancy.ActiveMembership::userId).toList();
        notifications.email(organizationId, recipients, "Vigil: a " + severity + " alert is past its deadline",
                "A " + severity + " alert has passed its response deadline and was escalated to level " + level
                        + (claimedById != null ? "; it is claimed by you." : "; nobody has claimed it.")
                        + " Open it in the triage queue (alert " + alertId + ").",
                "/api/v1/alerts/" + alertId);
    }
}
