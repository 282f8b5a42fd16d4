-- The workers that run backups, in Xopero's cloud or on the customer's premises. The reference
-- server has this fixed set: one main cloud worker and two local ones, one of them offline.
CREATE TABLE workers (
    id     TEXT PRIMARY KEY NOT NULL,
    name   TEXT NOT NULL,
    kind   TEXT NOT NULL CHECK (kind IN ('cloud', 'local')),
    online INTEGER NOT NULL DEFAULT 1 CHECK (online IN (0, 1)),
    main   INTEGER NOT NULL DEFAULT 0 CHECK (main IN (0, 1))
) STRICT;

-- At most one main worker.
CREATE UNIQUE INDEX workers_one_main ON workers (main) WHERE main = 1;

INSERT INTO workers (id, name, kind, online, main) VALUES
    ('xopero-cloud-eu-west', 'Xopero Cloud (EU West)', 'cloud', 1, 1),
    ('warsaw-office-nas', 'Warsaw office NAS', 'local', 1, 0),
    ('gdansk-branch-server', 'Gdańsk branch server', 'local', 0, 0);

-- The worker that backs the organization up. SQLite accepts a REFERENCES column with a
-- non-NULL default only while foreign keys are off, which is why Db::open turns them on after
-- migrating.
ALTER TABLE organizations ADD COLUMN default_worker_id TEXT NOT NULL
    DEFAULT 'xopero-cloud-eu-west' REFERENCES workers (id);

-- Custom policies come later; until then every organization follows the default policy.
ALTER TABLE organizations ADD COLUMN policy_kind TEXT NOT NULL DEFAULT 'default'
    CHECK (policy_kind IN ('default', 'custom'));

-- Unix ms up to which the policy's schedule has been served (its runs started or skipped): the
-- next backup is the schedule's first run after it. NULL means since the organization was
-- connected. Organizations already there are served up to now, so the upgrade does not start
-- a catch-up backup of every one of them.
ALTER TABLE organizations ADD COLUMN scheduled_until INTEGER;
UPDATE organizations SET scheduled_until = unixepoch('now') * 1000;

-- The simulated user sync: how often it runs, when it last ran (Unix ms; NULL means not since
-- the organization was connected) and how many times, which varies what each sync finds.
ALTER TABLE organizations ADD COLUMN user_sync_interval_hours INTEGER NOT NULL DEFAULT 24
    CHECK (user_sync_interval_hours BETWEEN 1 AND 8760);
ALTER TABLE organizations ADD COLUMN last_user_sync_at INTEGER;
ALTER TABLE organizations ADD COLUMN user_syncs INTEGER NOT NULL DEFAULT 0;
