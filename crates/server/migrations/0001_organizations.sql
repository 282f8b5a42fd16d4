-- Connected Microsoft 365 organizations (tenants).
CREATE TABLE organizations (
    id             TEXT PRIMARY KEY NOT NULL,
    tenant_id      TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    primary_domain TEXT NOT NULL,
    user_count     INTEGER NOT NULL CHECK (user_count >= 0),
    connected_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

CREATE INDEX organizations_by_name ON organizations (name COLLATE NOCASE);
