-- Module `identity`: the last TOTP time step accepted for a user, so a code seen once (over a
-- shoulder, in a log) cannot be replayed within its validity window.
ALTER TABLE users ADD COLUMN mfa_last_used_step bigint;
