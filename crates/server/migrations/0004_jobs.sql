-- Backup jobs, run by the simulated workers of the reference server. Times are Unix ms.
CREATE TABLE jobs (
    id              TEXT PRIMARY KEY NOT NULL,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    state           TEXT NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    percent         INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    items_done      INTEGER NOT NULL DEFAULT 0,
    items_total     INTEGER NOT NULL DEFAULT 0,
    reason          TEXT,
    created_at      INTEGER NOT NULL,
    finished_at     INTEGER
) STRICT;

-- At most one queued or running job per organization.
CREATE UNIQUE INDEX jobs_one_active ON jobs (organization_id)
    WHERE state IN ('queued', 'running');
CREATE INDEX jobs_by_organization ON jobs (organization_id, created_at);

-- A reason every backup of this organization fails with, to demonstrate failures (set with
-- `xms-server add-organization --backup-failure`).
ALTER TABLE organizations ADD COLUMN backup_failure TEXT;

-- Set when Microsoft no longer honours XMS's consent for the organization; connecting it again
-- clears it.
ALTER TABLE organizations ADD COLUMN needs_reauthorization INTEGER NOT NULL DEFAULT 0;
