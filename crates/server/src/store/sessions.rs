//! Cookie sessions as stored: a restart of the server keeps everyone signed in, as XMS's
//! logins survive its restarts. A session unused for 12 hours ends, and beyond 10,000 the
//! least recently used end, so that loading the shell page over and over cannot fill the disk.

use rusqlite::{Connection, OptionalExtension, params};

/// How long a session lasts unused, in ms: a console left open overnight signs in again.
const IDLE_TIMEOUT_MS: i64 = 12 * 60 * 60 * 1000;

/// The most sessions kept at once.
const MAX_SESSIONS: i64 = 10_000;

/// Stores session `id` with its `csrf_token`, started at `now`, ending those that are over.
pub fn create(conn: &Connection, id: &str, csrf_token: &str, now: i64) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM sessions WHERE last_used <= ?1",
        params![now - IDLE_TIMEOUT_MS],
    )?;
    conn.execute(
        "DELETE FROM sessions WHERE id IN
             (SELECT id FROM sessions ORDER BY last_used DESC LIMIT -1 OFFSET ?1)",
        params![MAX_SESSIONS - 1],
    )?;
    conn.execute(
        "INSERT INTO sessions (id, csrf_token, last_used) VALUES (?1, ?2, ?3)",
        params![id, csrf_token, now],
    )?;
    Ok(())
}

/// The CSRF token of session `id` if it is still going at `now`, marking it used.
pub fn use_at(conn: &Connection, id: &str, now: i64) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "UPDATE sessions SET last_used = ?2 WHERE id = ?1 AND last_used > ?3
         RETURNING csrf_token",
        params![id, now, now - IDLE_TIMEOUT_MS],
        |row| row.get(0),
    )
    .optional()
}

/// Ends session `id`, if it is going.
pub fn end(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM sessions WHERE id = ?1", params![id])?;
    Ok(())
}
