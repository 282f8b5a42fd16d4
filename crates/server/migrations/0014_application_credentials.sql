-- The credentials of organizations connected through an application their administrator
-- registered in the tenant, and whether a device-code attempt failed because Conditional
-- Access blocks the device code (the module then offers the other way). Times are Unix
-- milliseconds.
CREATE TABLE organization_credentials (
    organization_id TEXT PRIMARY KEY NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('client_secret')),
    -- The application (client) id.
    client_id       TEXT NOT NULL,
    -- AES-256-GCM with the server's credential key, bound to organization_id: a 12-byte
    -- nonce, then the ciphertext and its tag. Never returned by the API.
    sealed_secret   BLOB NOT NULL,
    expires_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;

ALTER TABLE connections ADD COLUMN device_code_blocked INTEGER NOT NULL DEFAULT 0;
