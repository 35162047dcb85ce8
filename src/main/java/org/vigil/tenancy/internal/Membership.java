package org.vigil.tenancy.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigil.shared.persistence.BaseEntity;
import org.vigil.tenancy.Role;

/** Row of table {@code user_organizations}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "user_organizations")
public class Membership extends BaseEntity {

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private Role role;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "permissions", nullable = false)
    private String[] permissions = new String[0];

    @Column(name = "is_active", nullable = false)
    private boolean isActive = true;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt = Instant.now();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Membership() {
    }

    public Membership(String userId, String organizationId, Role role) {
        this.userId = userId;
        this.organizationId = organizationId;
        this.role = role;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String[] getPermissions() {
        return permissions;
    }

    public void setPermissions(String[] permissions) {
        this.permissions = permissions;
    }

    public boolean isActive() {
        return isActive;
    }

    public void setActive(boolean isActive) {
        this.isActive = isActive;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }

    public void setJoinedAt(Instant joinedAt) {
        this.joinedAt = joinedAt;
    }

    public long getVersion() {
        return version;
    }

}
