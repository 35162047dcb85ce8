-- Module `monitoring`: the device webhook (issue 6). A vendor platform posts a device's readings to
-- /api/v1/devices/{vendor}/readings, signed with the vendor's secret (configuration, see
-- docs/api.md); the device registry (devices, device_assignments of V7) says whose readings they
-- are. Deliveries that cannot be placed are recorded here for an administrator.

-- Serials are compared exactly as sent by the vendor. Vendor names are compared lower-case: the
-- registry API stores them lower-cased and the webhook lower-cases its path variable (not a
-- constraint here, so rows written before this migration or by other code stay valid).
ALTER TABLE devices ADD CONSTRAINT devices_serial_number_not_blank CHECK (btrim(serial_number) <> '');
CREATE INDEX device_assignments_device_id_assigned_at_idx ON device_assignments (device_id, assigned_at);

-- A refused delivery: the device is unknown to every organization (organization_id NULL: visible
-- to platform administration only), inactive, or not assigned to a patient at the readings' time
-- (organization_id = the organization that registered the device: visible to its administrators).
-- No reading values are kept, only counts and the time span (no PHI for an unassigned device).
CREATE TABLE device_refusals (
  id                text        PRIMARY KEY,
  organization_id   text        REFERENCES organizations (id) ON DELETE RESTRICT,
  device_id         text,
  vendor            text        NOT NULL,
  serial_number     text        NOT NULL,
  reason            text        NOT NULL
                    CONSTRAINT device_refusals_reason_check
                    CHECK (reason IN ('UNKNOWN_DEVICE', 'DEVICE_INACTIVE', 'NOT_ASSIGNED')),
  reading_count     integer     NOT NULL CONSTRAINT device_refusals_reading_count_check CHECK (reading_count >= 0),
  first_recorded_at timestamptz,
  last_recorded_at  timestamptz,
  received_at       timestamptz NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT device_refusals_device_fkey FOREIGN KEY (device_id, organization_id)
    REFERENCES devices (id, organization_id) ON DELETE RESTRICT,
  CONSTRAINT device_refusals_known_device CHECK ((organization_id IS NULL) = (reason = 'UNKNOWN_DEVICE'))
);
CREATE INDEX device_refusals_organization_id_received_at_idx ON device_refusals (organization_id, received_at DESC);
CREATE INDEX device_refusals_platform_received_at_idx ON device_refusals (received_at DESC) WHERE organization_id IS NULL;
CALL vigil_track_updated_at('device_refusals');
-- Tenants see and write only their own rows (organization_id = the current organization never
-- matches NULL); the platform-level rows are platform administration's alone.
ALTER TABLE device_refusals ENABLE ROW LEVEL SECURITY;
ALTER TABLE device_refusals FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON device_refusals TO vigil_app
  USING (organization_id = vigil_current_org()) WITH CHECK (organization_id = vigil_current_org());
CREATE POLICY platform_administration ON device_refusals TO vigil_platform USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON device_refusals TO vigil_app, vigil_platform;

-- Key-holes for the webhook, which runs before any organization is known (cf. V11, V20, V23).
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('CREATE POLICY owner_device_lookup ON devices FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY owner_unknown_device_refusal ON device_refusals FOR INSERT TO %I '
                   'WITH CHECK (organization_id IS NULL)', current_user);
  END IF;
END
$$;

-- Which organization registered this device (vendor + serial/IMEI, exact key: the unique index of
-- V7), its id and whether it is active; no row when no organization did.
CREATE FUNCTION vigil_device_lookup(p_vendor text, p_serial_number text)
  RETURNS TABLE (id text, organization_id text, is_active boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT d.id, d.organization_id, d.is_active FROM devices d
    WHERE d.vendor = p_vendor AND d.serial_number = p_serial_number
  $$;

-- Records a delivery for a device no organization registered: a platform-level refusal (no
-- organization), nothing else. Returns the refusal id.
CREATE FUNCTION vigil_record_unknown_device_refusal(p_id text, p_vendor text, p_serial_number text,
    p_reading_count integer, p_first_recorded_at timestamptz, p_last_recorded_at timestamptz,
    p_received_at timestamptz)
  RETURNS text
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    INSERT INTO device_refusals (id, organization_id, device_id, vendor, serial_number, reason, reading_count,
                                 first_recorded_at, last_recorded_at, received_at)
    SELECT p_id, NULL, NULL, p_vendor, p_serial_number, 'UNKNOWN_DEVICE', p_reading_count,
           p_first_recorded_at, p_last_recorded_at, p_received_at
    WHERE NOT EXISTS (SELECT 1 FROM devices d WHERE d.vendor = p_vendor AND d.serial_number = p_serial_number)
    RETURNING id
  $$;

REVOKE ALL ON FUNCTION vigil_device_lookup(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION vigil_record_unknown_device_refusal(text, text, text, integer, timestamptz, timestamptz,
  timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vigil_device_lookup(text, text) TO vigil_app;
GRANT EXECUTE ON FUNCTION vigil_record_unknown_device_refusal(text, text, text, integer, timestamptz, timestamptz,
  timestamptz) TO vigil_app;
