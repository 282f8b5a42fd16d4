//! The scheduler: a background task that starts the backups the organizations' policies
//! schedule and runs the simulated user syncs ([`crate::user_sync`]).
//!
//! The default policy is Xopero's Basic schedule: a backup every day at 22:00 UTC (incremental,
//! with a full one monthly; the simulated workers run every kind alike). A custom policy runs
//! its own schedule in its time zone ([`crate::schedule`]). Each organization stores how far
//! its schedule has been served; its next backup is the schedule's first run after that. Runs
//! missed while XMS was stopped collapse into one backup when it starts again.

use std::time::Duration;

use rusqlite::params;
use xms_m365_contract::{BackupKind, Job, OrganizationId};

use crate::{
    AppState,
    db::{Db, DbError, SCHEDULED_UNTIL},
    jobs::{publish_organization, store::QueueError},
};

const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 24 * HOUR_MS;
/// When the Basic schedule runs, in ms after midnight UTC.
const RUN_TIME_OF_DAY_MS: i64 = 22 * HOUR_MS;
/// The most backups one pass starts. When every organization is due at once (each night at
/// 22:00, or after XMS was stopped), the rest wait for the next passes, as they would for a
/// worker's free slots, instead of all running together.
pub const MAX_STARTS_PER_PASS: usize = 25;
/// The shortest pause between passes, so a tiny configured period cannot spin.
const MIN_TICK: Duration = Duration::from_millis(10);

/// How often the scheduler looks for work.
#[derive(Debug, Clone, Copy)]
pub struct SchedulerConfig {
    /// The pause between passes.
    pub tick: Duration,
    /// When set, every organization's user sync runs this often instead of at its own
    /// interval (hours are too long for demonstrations and tests).
    pub user_sync_period: Option<Duration>,
}

impl Default for SchedulerConfig {
    fn default() -> Self {
        Self {
            tick: Duration::from_secs(30),
            user_sync_period: None,
        }
    }
}

/// The Basic schedule's last run at or before `ms` (Unix ms).
pub fn previous_run_at_or_before(ms: i64) -> i64 {
    // Wrapping and saturating only matter for times millions of years away, where the answer
    // is meaningless anyway; they keep any stored value from overflowing.
    ms.saturating_sub(ms.wrapping_sub(RUN_TIME_OF_DAY_MS).rem_euclid(DAY_MS))
}

/// The Basic schedule's first run strictly after `ms` (Unix ms).
pub fn next_run_after(ms: i64) -> i64 {
    previous_run_at_or_before(ms).saturating_add(DAY_MS)
}

/// What one pass over the backup schedule did.
#[derive(Debug, Default)]
pub struct BackupPass {
    /// The backups it started.
    pub started: Vec<Job>,
    /// Due organizations it skipped: they need re-authorization, or a backup of theirs was
    /// already queued or running. Their run is over; the next is tomorrow's.
    pub skipped: Vec<OrganizationId>,
    /// Due organizations left for the next pass because this one started enough.
    pub deferred: usize,
}

/// Starts the backup of every organization whose scheduled run has come by `now` (Unix ms),
/// at most [`MAX_STARTS_PER_PASS`], and moves each one served on to its next run. Blocks on
/// storage; the backups themselves run on the async runtime.
pub fn run_due_backups(state: &AppState, now: i64) -> Result<BackupPass, DbError> {
    let mut pass = BackupPass::default();
    for due in state.db.due_backups(now)? {
        let runnable = !due.needs_reauthorization && !due.backup_active;
        if runnable && pass.started.len() == MAX_STARTS_PER_PASS {
            pass.deferred += 1;
            continue;
        }
        // Served before the backup starts, so the events it publishes show the next run.
        state.db.set_scheduled_until(&due.id, now)?;
        if due.needs_reauthorization {
            // Its tile shows no next backup either way: nothing to publish.
            pass.skipped.push(OrganizationId(due.id));
            continue;
        }
        if due.backup_active {
            // The running backup serves this run; the tile moves on to the next one.
            publish_organization(state, &due.id)?;
            pass.skipped.push(OrganizationId(due.id));
            continue;
        }
        match state.jobs.start_backup(state, &due.id, Some(due.kind)) {
            Ok(job) => pass.started.push(job),
            // Started by hand since the query: that backup serves this run.
            Err(QueueError::AlreadyRunning(_)) => {
                publish_organization(state, &due.id)?;
                pass.skipped.push(OrganizationId(due.id));
            }
            // Removed since the query: nothing to back up.
            Err(QueueError::UnknownOrganization) => {}
            Err(QueueError::Db(error)) => return Err(error),
        }
    }
    Ok(pass)
}

/// Starts the scheduler on the async runtime: right away, then at every tick (or more often
/// when the user sync period is shorter), it starts due backups and runs due user syncs.
pub fn spawn(state: AppState, config: SchedulerConfig) -> tokio::task::JoinHandle<()> {
    let tick = config
        .user_sync_period
        .map_or(config.tick, |period| period.min(config.tick))
        .max(MIN_TICK);
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(tick);
        // After a long pause (a suspended laptop), one pass catches up: no burst of passes.
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            let pass_state = state.clone();
            let passed = tokio::task::spawn_blocking(move || {
                let now = pass_state.clock.now_ms();
                let backups = run_due_backups(&pass_state, now)?;
                let syncs = crate::user_sync::run_due(&pass_state, now, config.user_sync_period)?;
                Ok::<_, DbError>((backups, syncs.len()))
            })
            .await;
            match passed {
                Ok(Ok((backups, syncs))) => {
                    if !backups.started.is_empty() || backups.deferred > 0 {
                        tracing::info!(
                            started = backups.started.len(),
                            skipped = backups.skipped.len(),
                            deferred = backups.deferred,
                            "scheduled backups"
                        );
                    }
                    // Debug: with a short `--user-sync-period` this would flood the log.
                    if syncs > 0 {
                        tracing::debug!(organizations = syncs, "user syncs ran");
                    }
                }
                Ok(Err(error)) => tracing::error!(%error, "the scheduler failed; it tries again"),
                Err(error) => tracing::error!(%error, "the scheduler's pass died; it tries again"),
            }
        }
    })
}

/// An organization whose scheduled backup has come.
#[derive(Debug)]
struct DueBackup {
    id: String,
    needs_reauthorization: bool,
    backup_active: bool,
    /// The kind of the run that is due.
    kind: BackupKind,
}

impl Db {
    /// Organizations whose schedule has a run by `now` they have not been served: the longest
    /// waiting first. Default-policy ones are found by SQL alone; custom ones by their own
    /// schedule, computed as for their tiles.
    fn due_backups(&self, now: i64) -> Result<Vec<DueBackup>, DbError> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT o.id, o.needs_reauthorization,
                    EXISTS (SELECT 1 FROM jobs WHERE organization_id = o.id
                            AND state IN ('queued', 'running')),
                    p.policy, {SCHEDULED_UNTIL}
             FROM organizations o
             LEFT JOIN policies p ON p.organization_id = o.id
             WHERE p.policy IS NOT NULL OR {SCHEDULED_UNTIL} < ?1
             ORDER BY {SCHEDULED_UNTIL}, o.name COLLATE NOCASE, o.id"
        ))?;
        let rows = stmt.query_map([previous_run_at_or_before(now)], |row| {
            let policy: Option<String> = row.get(3)?;
            let scheduled_until: i64 = row.get(4)?;
            let due = policy.is_none()
                || crate::policies::next_backup_after(policy.as_deref(), scheduled_until)
                    .is_some_and(|next| next <= now);
            if !due {
                return Ok(None);
            }
            Ok(Some(DueBackup {
                id: row.get(0)?,
                needs_reauthorization: row.get(1)?,
                backup_active: row.get(2)?,
                kind: crate::policies::scheduled_kind(policy.as_deref(), scheduled_until),
            }))
        })?;
        let due: Vec<Option<DueBackup>> = rows.collect::<Result<_, _>>()?;
        Ok(due.into_iter().flatten().collect())
    }

    /// Records that an organization's schedule has been served up to `until` (Unix ms).
    fn set_scheduled_until(&self, id: &str, until: i64) -> Result<(), DbError> {
        self.conn().execute(
            "UPDATE organizations SET scheduled_until = ?2 WHERE id = ?1",
            params![id, until],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(rfc3339: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(rfc3339)
            .unwrap()
            .timestamp_millis()
    }

    #[test]
    fn the_basic_schedule_runs_daily_at_22_utc() {
        assert_eq!(
            next_run_after(at("2026-03-10T08:15:00Z")),
            at("2026-03-10T22:00:00Z")
        );
        assert_eq!(
            next_run_after(at("2026-03-10T22:00:00Z")),
            at("2026-03-11T22:00:00Z"),
            "strictly after"
        );
        assert_eq!(
            next_run_after(at("2026-03-31T23:59:59Z")),
            at("2026-04-01T22:00:00Z")
        );
        assert_eq!(
            previous_run_at_or_before(at("2026-03-10T22:00:00Z")),
            at("2026-03-10T22:00:00Z")
        );
        assert_eq!(
            previous_run_at_or_before(at("2026-03-10T21:59:59Z")),
            at("2026-03-09T22:00:00Z")
        );
        assert_eq!(previous_run_at_or_before(0), at("1969-12-31T22:00:00Z"));
        // Whatever is stored, no overflow.
        next_run_after(i64::MAX);
        next_run_after(i64::MIN);
    }
}
