//! The simulated user sync: XMS reads each organization's users from Microsoft 365 every
//! `user_sync_interval_hours` (24 by default; `--user-sync-period` overrides it for every
//! organization). Each sync finds a few users joined or gone, the same change for the same
//! organization and sync so that tests can rely on it, stores the new count and publishes
//! [`ServerEvent::UserSyncDone`].

use std::time::Duration;

use rusqlite::params;
use xms_m365_contract::{Organization, ServerEvent};

use crate::db::{Db, DbError};

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
        // Gone if it was removed meanwhile: nothing to tell.
        if let Some(organization) = state.db.organization(&id)? {
            state.events.publish(ServerEvent::UserSyncDone {
                organization: Box::new(organization.clone()),
            });
            synced.push(organization);
        }
    }
    Ok(synced)
}

/// How the user count changes in an organization's `sync`-th sync: FNV-1a of both, which
/// unlike std's hasher is the same in every build.
fn user_change(organization_id: &str, sync: i64) -> i64 {
    let hash = organization_id
        .bytes()
        .chain(sync.to_le_bytes())
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
    // The remainder is below the number of changes, so the index is always in range.
    CHANGES[usize::try_from(hash % CHANGES.len() as u64).unwrap_or(0)]
}

impl Db {
    /// Syncs the users of every organization due at `now` in one transaction; returns their
    /// ids. `period_ms` overrides each organization's interval.
    fn sync_due_users(&self, now: i64, period_ms: Option<i64>) -> Result<Vec<String>, DbError> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let due: Vec<(String, i64, i64)> = {
            let mut stmt = tx.prepare_cached(
                "SELECT id, user_count, user_syncs FROM organizations
                 WHERE needs_reauthorization = 0
                   AND COALESCE(last_user_sync_at, unixepoch(connected_at) * 1000)
                       + COALESCE(?2, user_sync_interval_hours * 3600000) <= ?1
                 ORDER BY id",
            )?;
            let rows = stmt.query_map(params![now, period_ms], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })?;
            rows.collect::<Result<_, _>>()?
        };
        for (id, user_count, syncs) in &due {
            let sync = syncs + 1;
            // Licences follow the users (every user is protected), so only the count changes;
            // it cannot fall below zero.
            let users = (user_count + user_change(id, sync)).max(0);
            tx.execute(
                "UPDATE organizations
                 SET user_count = ?2, last_user_sync_at = ?3, user_syncs = ?4
                 WHERE id = ?1",
                params![id, users, now, sync],
            )?;
        }
        tx.commit()?;
        Ok(due.into_iter().map(|(id, _, _)| id).collect())
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
