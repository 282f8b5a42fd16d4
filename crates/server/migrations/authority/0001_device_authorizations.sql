-- The development sign-in authority's device authorizations (RFC 8628) and the access tokens it
-- issued. Times are Unix milliseconds.
CREATE TABLE device_authorizations (
    device_code   TEXT PRIMARY KEY NOT NULL,
    user_code     TEXT NOT NULL UNIQUE,
    client_id     TEXT NOT NULL,
    scope         TEXT NOT NULL,
    -- The {tenant} of the request: organizations, common, or a tenant id or domain.
    tenant_hint   TEXT NOT NULL,
    expires_at    INTEGER NOT NULL,
    interval_secs INTEGER NOT NULL CHECK (interval_secs > 0),
    last_poll_at  INTEGER,
    state         TEXT NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'approved', 'declined', 'blocked', 'redeemed')),
    -- The account that approved or was blocked, by user principal name.
    account       TEXT
) STRICT;

CREATE TABLE access_tokens (
    token      TEXT PRIMARY KEY NOT NULL,
    tenant_id  TEXT NOT NULL,
    account    TEXT NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
