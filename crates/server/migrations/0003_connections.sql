-- XMS's connection attempts: device authorizations it runs against the Microsoft identity
-- platform to connect an organization. Times are Unix milliseconds.
CREATE TABLE connections (
    id                   TEXT PRIMARY KEY NOT NULL,
    state                TEXT NOT NULL DEFAULT 'pending'
                         CHECK (state IN ('pending', 'succeeded', 'expired', 'declined',
                                          'cancelled', 'failed')),
    user_code            TEXT NOT NULL,
    verification_uri     TEXT NOT NULL,
    expires_at           INTEGER NOT NULL,
    interval_secs        INTEGER NOT NULL CHECK (interval_secs > 0),
    -- The identity platform's answer as JSON, so polling resumes after a restart.
    device_authorization TEXT NOT NULL,
    organization_id      TEXT REFERENCES organizations (id),
    already_connected    INTEGER NOT NULL DEFAULT 0,
    failure              TEXT,
    created_at           INTEGER NOT NULL
) STRICT;

CREATE INDEX connections_pending ON connections (state) WHERE state = 'pending';
