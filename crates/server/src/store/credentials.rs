//! The credentials an organization connected through its own registered application signs in
//! with: the application's id and its client secret or certificate and private key, sealed
//! (the caller seals and opens it, with [`crate::sealing::CredentialKey`]), when it expires,
//! and what its last health check found; and the certificates XMS made that no organization
//! signs in with yet.

use rusqlite::{Connection, OptionalExtension, params};
use xms_m365_contract::{Credential, CredentialKind, CredentialProblem};

use super::sql::Sql;
use crate::clock::rfc3339;

/// An organization's stored credential.
#[derive(Clone, PartialEq, Eq)]
pub struct StoredCredential {
    /// The application (client) id.
    pub client_id: String,
    /// The client secret, or the certificate's private key, sealed for the organization.
    pub sealed_secret: Vec<u8>,
    /// The certificate (DER), when it signs in with one.
    pub certificate: Option<Vec<u8>>,
    /// Unix milliseconds at which the secret or the certificate expires.
    pub expires_at: i64,
}

impl StoredCredential {
    fn kind(&self) -> CredentialKind {
        match self.certificate {
            Some(_) => CredentialKind::Certificate,
            None => CredentialKind::ClientSecret,
        }
    }

    fn from_row(row: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Self> {
        Ok(Self {
            client_id: row.get(first)?,
            sealed_secret: row.get(first + 1)?,
            certificate: row.get(first + 2)?,
            expires_at: row.get(first + 3)?,
        })
    }
}

/// The columns [`StoredCredential::from_row`] reads, in its order.
const COLUMNS: &str = "c.client_id, c.sealed_secret, c.certificate, c.expires_at";

/// Stores (or replaces) the credential of organization `id`, just verified at `now`.
pub fn put(
    conn: &Connection,
    id: &str,
    credential: &StoredCredential,
    now: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO organization_credentials
             (organization_id, kind, client_id, sealed_secret, expires_at, updated_at,
              problem, checked_at,
              certificate)
         VALUES (?1, ?6, ?2, ?3, ?4, ?5, NULL, ?5, ?7)
         ON CONFLICT (organization_id) DO UPDATE SET
             kind = excluded.kind, client_id = excluded.client_id,
             sealed_secret = excluded.sealed_secret, expires_at = excluded.expires_at,
             updated_at = excluded.updated_at, problem = NULL, checked_at = excluded.checked_at,
             certificate = excluded.certificate",
        params![
            id,
            credential.client_id,
            credential.sealed_secret,
            credential.expires_at,
            now,
            Sql(credential.kind()),
            credential.certificate
        ],
    )?;
    Ok(())
}

/// The credential of organization `id`, if it has one of its own.
pub fn get(conn: &Connection, id: &str) -> rusqlite::Result<Option<StoredCredential>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM organization_credentials c WHERE organization_id = ?1"),
        [id],
        |row| StoredCredential::from_row(row, 0),
    )
    .optional()
}

/// Organization `id`'s own credential as the API tells of it: never the secret.
pub fn summary(conn: &Connection, id: &str) -> rusqlite::Result<Option<Credential>> {
    conn.query_row(
        "SELECT kind, client_id, expires_at, problem, certificate FROM organization_credentials
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
                thumbprint: row
                    .get::<_, Option<Vec<u8>>>(4)?
                    .map(|der| crate::certificate::thumbprint(&der)),
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
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.organization_id, o.tenant_id, {COLUMNS}
         FROM organization_credentials c JOIN organizations o ON o.id = c.organization_id
         WHERE c.checked_at IS NULL OR c.checked_at < ?1
            OR (c.problem IS NULL AND c.expires_at <= ?2)
         ORDER BY c.checked_at NULLS FIRST, c.organization_id
         LIMIT ?3"
    ))?;
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
                credential: StoredCredential::from_row(row, 2)?,
            })
        },
    )?;
    rows.collect()
}

/// Makes organization `id`'s own credential, if it has one that signs in, due for a check at
/// the scheduler's next pass (a backup of it failed).
pub fn check_soon(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE organization_credentials SET checked_at = NULL
         WHERE organization_id = ?1 AND problem IS NULL",
        [id],
    )?;
    Ok(())
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

/// A certificate XMS made that no organization signs in with yet.
pub struct PendingCertificate {
    /// The certificate, DER.
    pub der: Vec<u8>,
    /// Its private key, sealed for [`pending_owner`] of its id.
    pub sealed_key: Vec<u8>,
    /// Unix milliseconds at which it expires.
    pub not_after: i64,
}

/// What a pending certificate's private key is sealed for: no organization id looks so.
pub fn pending_owner(id: &str) -> String {
    format!("certificate:{id}")
}

/// How long a certificate made waits for an organization to connect with it: uploading it to
/// Entra takes minutes, and a week covers an admin who waits for a colleague with the rights.
const PENDING_MS: i64 = 7 * 86_400_000;

/// Keeps certificate `id` made at `now`, and forgets those that waited longer than a week.
pub fn put_pending(
    conn: &Connection,
    id: &str,
    certificate: &PendingCertificate,
    now: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM pending_certificates WHERE created_at < ?1",
        [now - PENDING_MS],
    )?;
    conn.execute(
        "INSERT INTO pending_certificates (id, certificate, sealed_key, not_after, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            id,
            certificate.der,
            certificate.sealed_key,
            certificate.not_after,
            now
        ],
    )?;
    Ok(())
}

/// Pending certificate `id`, unless it waited longer than a week by `now`.
pub fn pending(
    conn: &Connection,
    id: &str,
    now: i64,
) -> rusqlite::Result<Option<PendingCertificate>> {
    conn.query_row(
        "SELECT certificate, sealed_key, not_after FROM pending_certificates
         WHERE id = ?1 AND created_at >= ?2",
        params![id, now - PENDING_MS],
        |row| {
            Ok(PendingCertificate {
                der: row.get(0)?,
                sealed_key: row.get(1)?,
                not_after: row.get(2)?,
            })
        },
    )
    .optional()
}

/// Forgets pending certificate `id`: an organization signs in with it now.
pub fn remove_pending(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM pending_certificates WHERE id = ?1", [id])?;
    Ok(())
}
