-- Which kind of backup a job is. Jobs before this recorded none: an organization's first one
-- is taken as its full backup (every first backup is full), later ones as incremental.
ALTER TABLE jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'incremental'
    CHECK (kind IN ('full', 'differential', 'incremental'));
UPDATE jobs SET kind = 'full'
 WHERE created_at = (SELECT MIN(created_at) FROM jobs first
                      WHERE first.organization_id = jobs.organization_id);
