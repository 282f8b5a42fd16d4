-- Each backup run as the history shows it: how it was started, when a worker began it, the
-- bytes it backed up, and the items it skipped or put off. Runs stored before this count as
-- asked for by hand, begun when asked for, and skipping nothing: nothing recorded more.
ALTER TABLE jobs ADD COLUMN trigger TEXT NOT NULL DEFAULT 'manual'
    CHECK (trigger IN ('scheduled', 'manual'));
ALTER TABLE jobs ADD COLUMN started_at INTEGER;
ALTER TABLE jobs ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0;
UPDATE jobs SET started_at = created_at WHERE state NOT IN ('queued', 'cancelled');

CREATE TABLE skipped_items (
    job_id    TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    -- The order the run met them in.
    position  INTEGER NOT NULL,
    -- Whose it is (a principal name); none for a site.
    user_name TEXT,
    item      TEXT NOT NULL,
    reason    TEXT NOT NULL CHECK (reason IN ('too_large', 'throttled', 'access_denied')),
    bytes     INTEGER,
    PRIMARY KEY (job_id, position)
) STRICT, WITHOUT ROWID;
