//! An organization's settings (the **Edit** panel: licence mode, user sync interval, default
//! worker) as stored, with what switching to automatic licence management would take and
//! when its users are synced.

use rusqlite::{Connection, OptionalExtension, params};
use xms_m365_contract::{
    LicenceMode, OrganizationId, OrganizationSettings, SettingsView, WorkerId,
};

use super::{licences, sql::Sql};
use crate::{
    clock::rfc3339,
    versioning::{ETag, Versioned},
};

/// The settings view of organization `id` in a `licences`-licence subscription, `None` when
/// there is no such organization. `sync_period_ms` is the period that replaces every
/// organization's user sync interval (`--user-sync-period`), if any.
pub fn view(
    conn: &Connection,
    licences: u32,
    id: &str,
    sync_period_ms: Option<i64>,
) -> rusqlite::Result<Option<SettingsView>> {
    let stored = conn
        .query_row(
            "SELECT licence_mode, user_sync_interval_hours, default_worker_id, settings_version,
                    last_user_sync_at,
                    COALESCE(last_user_sync_at, unixepoch(connected_at) * 1000)
                        + COALESCE(?2, user_sync_interval_hours * 3600000),
                    needs_reauthorization, user_count, protected_users
             FROM organizations WHERE id = ?1",
            params![id, sync_period_ms],
            |row| {
                Ok((
                    row.get::<_, Sql<LicenceMode>>(0)?.0,
                    row.get::<_, i64>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, i64>(3)?,
                    row.get::<_, Option<i64>>(4)?,
                    row.get::<_, i64>(5)?,
                    row.get::<_, bool>(6)?,
                    row.get::<_, u32>(7)?,
                    row.get::<_, u32>(8)?,
                ))
            },
        )
        .optional()?;
    let Some((
        licence_mode,
        interval,
        worker,
        version,
        last_sync,
        next_sync,
        reauthorize,
        users,
        protected,
    )) = stored
    else {
        return Ok(None);
    };
    Ok(Some(SettingsView {
        organization_id: OrganizationId(id.to_owned()),
        settings: OrganizationSettings {
            licence_mode,
            // Only listed intervals are saved; one written otherwise (the column admits up to
            // a year) saturates rather than failing the read.
            user_sync_interval_hours: u8::try_from(interval).unwrap_or(u8::MAX),
            default_worker_id: WorkerId(worker),
        },
        etag: ETag::of(Versioned::Settings, id, version).into(),
        last_user_sync_at: last_sync.map(rfc3339),
        // Microsoft refuses XMS the users until the organization is re-authorized.
        next_user_sync_at: (!reauthorize).then(|| rfc3339(next_sync)),
        automatic_licensing: licences::preview(conn, licences, users, protected)?,
        credential: super::credentials::summary(conn, id)?,
    }))
}

/// Writes an organization's settings (validated, their version already advanced): switching
/// to automatic licence management protects unprotected users at once, as far as the
/// `licences` of the subscription are free (protected since `now`).
pub fn write(
    conn: &Connection,
    licences: u32,
    id: &str,
    settings: &OrganizationSettings,
    now: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE organizations
         SET licence_mode = ?2, user_sync_interval_hours = ?3, default_worker_id = ?4
         WHERE id = ?1",
        params![
            id,
            Sql(settings.licence_mode),
            settings.user_sync_interval_hours,
            settings.default_worker_id.0
        ],
    )?;
    licences::protect_with_free(conn, licences, id, now)?;
    Ok(())
}
