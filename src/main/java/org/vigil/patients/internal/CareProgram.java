package org.vigil.patients.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigil.patients.CareProgramType;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code care_programs}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "care_programs")
public class CareProgram extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(name = "name", nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    private CareProgramType type;

    @Column(name = "description")
    private String description;

    @Column(name = "is_active", nullable = false)
    private boolean isActive = true;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "settings", nullable = false)
    private String settings = "{}";

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CareProgram() {
    }

    public CareProgram(String organizationId, String name, CareProgramType type) {
        this.organizationId = organizationId;
        this.name = name;
        this.type = type;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public CareProgramType getType() {
        return type;
    }

    public void setType(CareProgramType type) {
        this.type = type;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isActive() {
        return isActive;
    }

    public void setActive(boolean isActive) {
        this.isActive = isActive;
    }

    public String getSettings() {
        return settings;
    }

    public void setSettings(String settings) {
        this.settings = settings;
    }

    public long getVersion() {
        return version;
    }

}
