//! Backup policies as stored: an organization's custom policy (as JSON) with its encryption
//! password's hash, or none for XMS's default; which kind the tile shows; and the storages
//! copies can go to.

use rusqlite::{Connection, OptionalExtension, params};
use xms_m365_contract::{OrganizationId, Policy, PolicyKind, PolicyView, Storage, StorageId};

use super::{
    jobs, organizations,
    sql::{self, Sql},
};
use crate::{
    policies::{default_policy, planned_runs},
    versioning::{ETag, Versioned},
};

/// An organization's policy as stored, with what its view and validation need.
#[derive(Debug, Clone)]
pub struct Stored {
    /// The custom policy; `None` for the default one.
    pub custom: Option<Policy>,
    /// The Argon2id PHC string of its encryption password, if one is set.
    pub password_hash: Option<String>,
    /// Its version's ETag.
    pub etag: ETag,
    /// Whether a full copy exists, which later backups build on.
    pub has_full: bool,
}

/// Organization `id`'s policy as stored, `None` when there is no such organization.
pub fn get(conn: &Connection, id: &str) -> rusqlite::Result<Option<Stored>> {
    let row = conn
        .query_row(
            "SELECT p.policy, p.encryption_password_hash, o.policy_version
             FROM organizations o LEFT JOIN policies p ON p.organization_id = o.id
             WHERE o.id = ?1",
            [id],
            |row| {
                Ok((
                    sql::policy_from_json(row.get::<_, Option<String>>(0)?.as_deref()),
                    row.get(1)?,
                    row.get(2)?,
                ))
            },
        )
        .optional()?;
    let Some((custom, password_hash, version)) = row else {
        return Ok(None);
    };
    Ok(Some(Stored {
        custom,
        password_hash,
        etag: ETag::of(Versioned::Policy, id, version),
        has_full: jobs::has_full_copy(conn, id)?,
    }))
}

/// Organization `id`'s policy as the API shows it at `now` (Unix ms): the custom one or the
/// default, with its next runs; the password only as whether one is set.
pub fn view(stored: Stored, id: &str, now: i64) -> PolicyView {
    let kind = if stored.custom.is_some() {
        PolicyKind::Custom
    } else {
        PolicyKind::Default
    };
    let policy = stored.custom.unwrap_or_else(default_policy);
    PolicyView {
        organization_id: OrganizationId(id.to_owned()),
        kind,
        next_runs: planned_runs(&policy, stored.has_full, now),
        policy,
        encryption_password_set: stored.password_hash.is_some(),
        etag: stored.etag.into(),
    }
}

/// Stores organization `id`'s custom policy (validated, its version advanced) with the hash
/// of its encryption password, if it has one; its schedule starts at `now` (Unix ms), so runs
/// the new schedule would have had before are not owed.
pub fn write(
    conn: &Connection,
    id: &str,
    policy: &Policy,
    password_hash: Option<&str>,
    now: i64,
) -> rusqlite::Result<()> {
    let json = sql::policy_json(policy)?;
    conn.execute(
        "INSERT INTO policies (organization_id, policy, encryption_password_hash)
         VALUES (?1, ?2, ?3)
         ON CONFLICT (organization_id) DO UPDATE
         SET policy = excluded.policy,
             encryption_password_hash = excluded.encryption_password_hash",
        params![id, json, password_hash],
    )?;
    set_kind(conn, id, PolicyKind::Custom, now)
}

/// Returns organization `id` to the default policy (its version advanced) at `now`; its
/// encryption password goes with the custom policy.
pub fn delete(conn: &Connection, id: &str, now: i64) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM policies WHERE organization_id = ?1", [id])?;
    set_kind(conn, id, PolicyKind::Default, now)
}

/// Records which policy is in force, whose schedule is served from `now` on, so that the
/// tile's next backup is the new schedule's next run.
fn set_kind(conn: &Connection, id: &str, kind: PolicyKind, now: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE organizations SET policy_kind = ?2 WHERE id = ?1",
        params![id, Sql(kind)],
    )?;
    organizations::serve_schedule_until(conn, id, now)
}

/// Every storage, by name.
pub fn storages(conn: &Connection) -> rusqlite::Result<Vec<Storage>> {
    let mut stmt = conn.prepare_cached("SELECT id, name, kind FROM storages ORDER BY name, id")?;
    let rows = stmt.query_map([], |row| {
        Ok(Storage {
            id: StorageId(row.get(0)?),
            name: row.get(1)?,
            kind: row.get(2)?,
        })
    })?;
    rows.collect()
}
