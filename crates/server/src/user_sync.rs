//! The simulated user sync: XMS reads each organization's users from Microsoft 365 every
//! `user_sync_interval_hours` (24 by default; `--user-sync-period` overrides it for every
//! organization), or when an administrator asks (**Sync now**). Each sync finds a few users
//! joined, deleted or purged and one's sign-in changed ([`crate::directory::sync_plan`]), the
//! same change for the same organization and sync so that tests can rely on it, stores them
//! in the directory, licenses new users as the organization's licence mode says
//! ([`crate::store::licences`]) and publishes [`ServerEvent::UserSyncDone`].

use std::time::Duration;

use xms_m365_contract::{Organization, ServerEvent};

use crate::{
    db::{Db, DbError},
    directory,
    events::Events,
    store::organizations,
};

/// Runs the sync of every organization whose sync is due at `now` (Unix ms): every
/// `period` when given, else at the organization's own interval, all in one transaction (in
/// id order, so when the subscription's `licences` run short, which organizations get them is
/// stable). Organizations that need re-authorization are left out, as Microsoft refuses XMS
/// their users; they sync once connected again. Returns the organizations synced, as
/// published.
pub fn run_due(
    db: &Db,
    events: &Events,
    licences: u32,
    now: i64,
    period: Option<Duration>,
) -> Result<Vec<Organization>, DbError> {
    let period_ms = period.map(|period| i64::try_from(period.as_millis()).unwrap_or(i64::MAX));
    let due = db.write(|tx| {
        let due = organizations::user_syncs_due(tx, now, period_ms)?;
        for id in &due {
            sync(tx, licences, id, now)?;
        }
        Ok::<_, rusqlite::Error>(due)
    })?;
    let mut synced = Vec::new();
    for id in due {
        if let Some(organization) = publish(db, events, &id)? {
            synced.push(organization);
        }
    }
    Ok(synced)
}

/// How a sync asked for by an administrator ended.
#[derive(Debug)]
pub enum SyncNow {
    /// Synced; the organization as published.
    Synced(Box<Organization>),
    /// There is no such organization.
    Unknown,
    /// Microsoft refuses XMS the users of this organization (named) until it is
    /// re-authorized.
    NeedsReauthorization(String),
}

/// Runs an organization's user sync now (at `now`, Unix ms), whether or not it is due.
pub fn sync_now(
    db: &Db,
    events: &Events,
    licences: u32,
    id: &str,
    now: i64,
) -> Result<SyncNow, DbError> {
    let refused = db.write(|tx| {
        Ok::<_, rusqlite::Error>(match organizations::name_and_consent(tx, id)? {
            None => Some(SyncNow::Unknown),
            Some((name, false)) => Some(SyncNow::NeedsReauthorization(name)),
            Some((_, true)) => {
                sync(tx, licences, id, now)?;
                None
            }
        })
    })?;
    if let Some(refused) = refused {
        return Ok(refused);
    }
    Ok(match publish(db, events, id)? {
        Some(organization) => SyncNow::Synced(Box::new(organization)),
        None => SyncNow::Unknown,
    })
}

/// Publishes a synced organization; `None` when it was removed meanwhile: nothing to tell.
fn publish(db: &Db, events: &Events, id: &str) -> Result<Option<Organization>, DbError> {
    let organization = db.read(|conn| organizations::get(conn, id))?;
    if let Some(organization) = &organization {
        events.publish(ServerEvent::UserSyncDone {
            organization: Box::new(organization.clone()),
        });
    }
    Ok(organization)
}

/// Syncs one organization's users at `now`, as [`organizations::record_user_sync`] stores it.
fn sync(conn: &rusqlite::Connection, licences: u32, id: &str, now: i64) -> rusqlite::Result<()> {
    let sync = organizations::user_syncs(conn, id)? + 1;
    let plan = directory::sync_plan(id, sync);
    organizations::record_user_sync(conn, licences, id, plan, sync, now)
}
