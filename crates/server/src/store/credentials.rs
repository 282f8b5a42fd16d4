//! The credentials an organization connected through its own registered application signs in
//! with: the application's id and its client secret, sealed (the caller seals and opens it,
//! with [`crate::sealing::CredentialKey`]), when the secret expires, and what its last health
//! check found.

use rusqlite::{Connection, OptionalExtension, params};
use xms_m365_contract::{Credential, CredentialKind, CredentialProblem};

use super::sql::Sql;
use crate::clock::rfc3339;

/// An organization's stored credential.
#[derive(Clone, PartialEq, Eq)]
pub struct StoredCredential {
    /// The application (client) id.
    pub client_id: String,
    /// The client secret, sealed for the organization.
    pub sealed_secret: Vec<u8>,
    /// Unix milliseconds at which the secret expires.
    pub expires_at: i64,
}

/// Stores (or replaces) the client-secret credential of organization `id`, just verified at
/// `now`.
pub fn put(
    conn: &Connection,
    id: &str,
    credential: &StoredCredential,
    now: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO organization_credentials
             (organization_id, kind, client_id, sealed_secret, expires_at, updated_at,
              problem, checked_at)
         VALUES (?1, 'client_secret', ?2, ?3, ?4, ?5, NULL, ?5)
         ON CONFLICT (organization_id) DO UPDATE SET
             kind = excluded.kind, client_id = excluded.client_id,
             sealed_secret = excluded.sealed_secret, expires_at = excluded.expires_at,
             updated_at = excluded.updated_at, problem = NULL, checked_at = excluded.checked_at",
        params![
            id,
            credential.client_id,
            credential.sealed_secret,
            credential.expires_at,
            now
        ],
    )?;
    Ok(())
}

/// The credential of organization `id`, if it has one of its own.
pub fn get(conn: &Connection, id: &str) -> rusqlite::Result<Option<StoredCredential>> {
    conn.query_row(
        "SELECT client_id, sealed_secret, expires_at FROM organization_credentials
         WHERE organization_id = ?1",
        [id],
        |row| {
            Ok(StoredCredential {
                client_id: row.get(0)?,
                sealed_secret: row.get(1)?,
                expires_at: row.get(2)?,
            })
        },
    )
    .optional()
}

/// Organization `id`'s own credential as the API tells of it: never the secret.
pub fn summary(conn: &Connection, id: &str) -> rusqlite::Result<Option<Credential>> {
    conn.query_row(
        "SELECT kind, client_id, expires_at, problem FROM organization_credentials
         WHERE organization_id = ?1",
        [id],
        |row| {
            Ok(Credential {
                kind: row.get::<_, Sql<CredentialKind>>(0)?.0,
                client_id: row.get(1)?,
                expires_at: rfc3339(row.get(2)?),
                problem: row
                    .get::<_, Option<Sql<CredentialProblem>>>(3)?
                    .map(|problem| problem.0),
            })
        },
    )
    .optional()
}

/// Forgets organization `id`'s own credential: it was connected again with Xopero
/// Registrator's device code, which signs in without one.
pub fn remove(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM organization_credentials WHERE organization_id = ?1",
        [id],
    )?;
    Ok(())
}

/// A credential whose health check is due.
pub struct Due {
    /// The organization's id.
    pub organization_id: String,
    /// Its Microsoft Entra tenant id, which the application signs in to.
    pub tenant_id: String,
    /// The credential.
    pub credential: StoredCredential,
}

/// Credentials not checked since `checked_before` (Unix ms), and those expired by `now` that no
/// check has found so, the longest unchecked first, at most `limit`.
pub fn due(
    conn: &Connection,
    checked_before: i64,
    now: i64,
    limit: usize,
) -> rusqlite::Result<Vec<Due>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.organization_id, o.tenant_id, c.client_id, c.sealed_secret, c.expires_at
         FROM organization_credentials c JOIN organizations o ON o.id = c.organization_id
         WHERE c.checked_at IS NULL OR c.checked_at < ?1
            OR (c.problem IS NULL AND c.expires_at <= ?2)
         ORDER BY c.checked_at NULLS FIRST, c.organization_id
         LIMIT ?3",
    )?;
    let rows = stmt.query_map(
        params![
            checked_before,
            now,
            i64::try_from(limit).unwrap_or(i64::MAX)
        ],
        |row| {
            Ok(Due {
                organization_id: row.get(0)?,
                tenant_id: row.get(1)?,
                credential: StoredCredential {
                    client_id: row.get(2)?,
                    sealed_secret: row.get(3)?,
                    expires_at: row.get(4)?,
                },
            })
        },
    )?;
    rows.collect()
}

/// Records what a check of organization `id`'s credential found at `now`: a problem makes the
/// organization need re-authorization, and its end (the admin fixed it in Entra) lifts that.
/// Whether anything the API shows changed.
pub fn record_check(
    conn: &Connection,
    id: &str,
    problem: Option<CredentialProblem>,
    now: i64,
) -> rusqlite::Result<bool> {
    let before: Option<Option<Sql<CredentialProblem>>> = conn
        .query_row(
            "SELECT problem FROM organization_credentials WHERE organization_id = ?1",
            [id],
            |row| row.get(0),
        )
        .optional()?;
    let Some(before) = before else {
        // Removed, or connected again by device code, since the check began.
        return Ok(false);
    };
    conn.execute(
        "UPDATE organization_credentials SET problem = ?2, checked_at = ?3
         WHERE organization_id = ?1",
        params![id, problem.map(Sql), now],
    )?;
    let changed = before.map(|p| p.0) != problem;
    if changed {
        conn.execute(
            "UPDATE organizations SET needs_reauthorization = ?2 WHERE id = ?1",
            params![id, problem.is_some()],
        )?;
    }
    Ok(changed)
}
