-- Applications that administrators registered in their tenants themselves (Entra's "App
-- registrations"), their client secrets, and the tenants' Conditional Access switches that
-- demonstrations and tests turn. Times are Unix milliseconds.
CREATE TABLE applications (
    client_id    TEXT PRIMARY KEY NOT NULL,
    tenant_id    TEXT NOT NULL,
    display_name TEXT NOT NULL,
    -- The Microsoft Graph application permissions an administrator consented to for the
    -- whole tenant, space-separated; empty without admin consent.
    consented    TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL
) STRICT;

CREATE TABLE application_secrets (
    secret_id  TEXT PRIMARY KEY NOT NULL,
    client_id  TEXT NOT NULL REFERENCES applications (client_id),
    -- SHA-256 of the secret's value, hex: the value itself is shown once, when it is made.
    value_hash TEXT NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;

CREATE INDEX application_secrets_by_client ON application_secrets (client_id);

-- A row overrides the demo directory's own setting for the tenant.
CREATE TABLE tenant_policies (
    tenant_id          TEXT PRIMARY KEY NOT NULL,
    blocks_device_code INTEGER NOT NULL CHECK (blocks_device_code IN (0, 1))
) STRICT;

-- Tokens issued to an application itself (client credentials) carry its consented
-- permissions as `roles`; tokens issued to a person (device code) carry none (NULL).
ALTER TABLE access_tokens ADD COLUMN roles TEXT;
