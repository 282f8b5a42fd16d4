//! The credentials an organization connected through its own registered application signs in
//! with: the application's id and its client secret, sealed (the caller seals and opens it,
//! with [`crate::sealing::CredentialKey`]), and when the secret expires.

use rusqlite::{Connection, OptionalExtension, params};

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

/// Stores (or replaces) the client-secret credential of organization `id`.
pub fn put(
    conn: &Connection,
    id: &str,
    credential: &StoredCredential,
    now: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO organization_credentials
             (organization_id, kind, client_id, sealed_secret, expires_at, updated_at)
         VALUES (?1, 'client_secret', ?2, ?3, ?4, ?5)
         ON CONFLICT (organization_id) DO UPDATE SET
             kind = excluded.kind, client_id = excluded.client_id,
             sealed_secret = excluded.sealed_secret, expires_at = excluded.expires_at,
             updated_at = excluded.updated_at",
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

/// Forgets organization `id`'s own credential: it was connected again with Xopero
/// Registrator's device code, which signs in without one.
pub fn remove(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM organization_credentials WHERE organization_id = ?1",
        [id],
    )?;
    Ok(())
}
