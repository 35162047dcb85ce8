package org.vigil.monitoring.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code devices}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "devices")
public class Device extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(name = "vendor", nullable = false)
    private String vendor;

    @Column(name = "serial_number", nullable = false)
    private String serialNumber;

    @Column(name = "model")
    private String model;

    @Column(name = "device_type")
    private String deviceType;

    @Column(name = "is_active", nullable = false)
    private boolean isActive = true;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Device() {
    }

    public Device(String organizationId, String vendor, String serialNumber) {
        this.organizationId = organizationId;
        this.vendor = vendor;
        this.serialNumber = serialNumber;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public void setSerialNumber(String serialNumber) {
        this.serialNumber = serialNumber;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getDeviceType() {
        return deviceType;
    }

    public void setDeviceType(String deviceType) {
        this.deviceType = deviceType;
    }

    public boolean isActive() {
        return isActive;
    }

    public void setActive(boolean isActive) {
        this.isActive = isActive;
    }

    public long getVersion() {
        return version;
    }

}
