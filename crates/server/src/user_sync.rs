//! The simulated user sync: XMS reads each organization's users from Microsoft 365 every
//! `user_sync_interval_hours` (24 by default; `--user-sync-period` overrides it for every
//! organization), or when an administrator asks (**Sync now**). Each sync finds a few users
//! joined or gone, the same change for the same organization and sync so that tests can rely
//! on it, stores the new count, licenses new users as the organization's licence mode says
//! ([`crate::licences`]) and publishes [`ServerEvent::UserSyncDone`].

use std::time::Duration;

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use xms_m365_contract::{Organization, ServerEvent};

use crate::{
    db::{Db, DbError, stable_hash},
    licences::protect_with_free_licences,
};

/// What a sync can find: users who left (negative) or joined, mostly joined as tenants grow.
/// Never none, so that every sync visibly does something in a demonstration.
const CHANGES: [i64; 5] = [-2, -1, 1, 2, 3];

/// Runs the sync of every organization whose sync is due at `now` (Unix ms): every
/// `period` when given, else at the organization's own interval. Organizations that need
/// re-authorization are left out, as Microsoft refuses XMS their users; they sync once
/// connected again. Returns the organizations synced, as published.
pub fn run_due(
    state: &crate::AppState,
    now: i64,
    period: Option<Duration>,
) -> Result<Vec<Organization>, DbError> {
    let period_ms = period.map(|period| i64::try_from(period.as_millis()).unwrap_or(i64::MAX));
    let mut synced = Vec::new();
    for id in state.db.sync_due_users(now, period_ms)? {
        if let Some(organization) = publish(state, &id)? {
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
pub fn sync_now(state: &crate::AppState, id: &str, now: i64) -> Result<SyncNow, DbError> {
    {
        let mut conn = state.db.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let found: Option<(String, bool)> = tx
            .query_row(
                "SELECT name, needs_reauthorization FROM organizations WHERE id = ?1",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        match found {
            None => return Ok(SyncNow::Unknown),
            Some((name, true)) => return Ok(SyncNow::NeedsReauthorization(name)),
            Some((_, false)) => sync(&tx, state.db.licences(), id, now)?,
        }
        tx.commit()?;
    }
    Ok(match publish(state, id)? {
        Some(organization) => SyncNow::Synced(Box::new(organization)),
        None => SyncNow::Unknown,
    })
}

/// Publishes a synced organization; `None` when it was removed meanwhile: nothing to tell.
fn publish(state: &crate::AppState, id: &str) -> Result<Option<Organization>, DbError> {
    let organization = state.db.organization(id)?;
    if let Some(organization) = &organization {
        state.events.publish(ServerEvent::UserSyncDone {
            organization: Box::new(organization.clone()),
        });
    }
    Ok(organization)
}

/// Syncs one organization's users at `now` in `tx`: the count changes, users gone take their
/// licences with them (protected users never outnumber users), and in automatic licence
/// management unprotected users get what licences of the subscription's `licences` are free.
fn sync(tx: &Transaction<'_>, licences: u32, id: &str, now: i64) -> rusqlite::Result<()> {
    let (user_count, syncs): (i64, i64) = tx.query_row(
        "SELECT user_count, user_syncs FROM organizations WHERE id = ?1",
        [id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let sync = syncs + 1;
    // It cannot fall below zero.
    let users = (user_count + user_change(id, sync)).max(0);
    tx.execute(
        "UPDATE organizations
         SET user_count = ?2, protected_users = MIN(protected_users, ?2),
             last_user_sync_at = ?3, user_syncs = ?4
         WHERE id = ?1",
        params![id, users, now, sync],
    )?;
    protect_with_free_licences(tx, licences, id)?;
    Ok(())
}

/// How the user count changes in an organization's `sync`-th sync.
fn user_change(organization_id: &str, sync: i64) -> i64 {
    let hash = stable_hash(organization_id.bytes().chain(sync.to_le_bytes()));
    // The remainder is below the number of changes, so the index is always in range.
    CHANGES[usize::try_from(hash % CHANGES.len() as u64).unwrap_or(0)]
}

impl Db {
    /// Syncs the users of every organization due at `now` in one transaction; returns their
    /// ids. `period_ms` overrides each organization's interval.
    fn sync_due_users(&self, now: i64, period_ms: Option<i64>) -> Result<Vec<String>, DbError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let due: Vec<String> = {
            let mut stmt = tx.prepare_cached(
                "SELECT id FROM organizations
                 WHERE needs_reauthorization = 0
                   AND COALESCE(last_user_sync_at, unixepoch(connected_at) * 1000)
                       + COALESCE(?2, user_sync_interval_hours * 3600000) <= ?1
                 ORDER BY id",
            )?;
            let rows = stmt.query_map(params![now, period_ms], |row| row.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        // In id order, so when licences run short, which organizations get them is stable.
        for id in &due {
            sync(&tx, self.licences(), id, now)?;
        }
        tx.commit()?;
        Ok(due)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sync_changes_the_count_a_little_and_predictably() {
        let changes: Vec<_> = (1..=200).map(|sync| user_change("org-1", sync)).collect();
        assert!(changes.iter().all(|change| CHANGES.contains(change)));
        for change in CHANGES {
            assert!(changes.contains(&change), "{change} never happens");
        }
        assert_eq!(user_change("org-1", 7), changes[6], "the same every time");
        assert_ne!(
            (1..=20)
                .map(|sync| user_change("org-2", sync))
                .collect::<Vec<_>>(),
            changes[..20],
            "organizations differ"
        );
    }
}
