-- Module `identity`: per-address throttling of failed sign-ins (on top of the per-account lock).
-- Not tenant data: one row per client address, counting failures in a 15-minute window.
CREATE TABLE sign_in_throttle (
  ip_address        text        PRIMARY KEY,
  failures          integer     NOT NULL,
  window_started_at timestamptz NOT NULL,
  blocked_until     timestamptz
);
GRANT SELECT, INSERT, UPDATE, DELETE ON sign_in_throttle TO vigil_app, vigil_platform;
