-- Cookie sessions of the console: kept across restarts, as XMS's logins are. Times are Unix ms.
CREATE TABLE sessions (
    id         TEXT PRIMARY KEY NOT NULL,
    csrf_token TEXT NOT NULL,
    last_used  INTEGER NOT NULL
);
CREATE INDEX sessions_by_last_use ON sessions (last_used);
