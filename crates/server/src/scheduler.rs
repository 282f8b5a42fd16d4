//! The scheduler: a background task that starts the backups the organizations' policies
//! schedule, runs the simulated user syncs ([`crate::user_sync`]) and checks the credentials
//! of organizations connected through their own application.
//!
//! The default policy is Xopero's Basic schedule: a backup every day at 22:00 UTC (incremental,
//! with a full one monthly; the simulated workers run every kind alike). A custom policy runs
//! its own schedule in its time zone; both are computed by [`crate::schedule`]. Each organization stores how far
//! its schedule has been served; its next backup is the schedule's first run after that. Runs
//! missed while XMS was stopped collapse into one backup when it starts again.

use std::time::Duration;

use xms_m365_contract::{Job, OrganizationId};

use crate::{
    db::DbError,
    policies,
    state::AppState,
    store::{jobs::QueueError, organizations},
};

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
    /// How often each organization's own credential is checked with Microsoft.
    pub credential_check_period: Duration,
}

impl Default for SchedulerConfig {
    fn default() -> Self {
        Self {
            tick: Duration::from_secs(30),
            user_sync_period: None,
            // Often enough that a revoked consent shows the same morning, rarely enough that
            // a thousand tenants cost Microsoft's token endpoint nothing worth noticing.
            credential_check_period: Duration::from_secs(6 * 3600),
        }
    }
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
    let default_due = policies::last_default_run_by(now);
    let scheduled = state
        .db
        .read(|conn| organizations::scheduled(conn, default_due))?;
    // Default-policy organizations are due by the query alone; custom ones by their schedule.
    let due = scheduled.into_iter().filter(|organization| {
        organization.policy.as_ref().is_none_or(|policy| {
            policies::next_backup_after(Some(policy), organization.scheduled_until)
                .is_some_and(|next| next <= now)
        })
    });
    for due in due {
        let runnable = !due.needs_reauthorization && !due.backup_active;
        if runnable && pass.started.len() == MAX_STARTS_PER_PASS {
            pass.deferred += 1;
            continue;
        }
        // Served before the backup starts, so the events it publishes show the next run.
        state
            .db
            .read(|conn| organizations::serve_schedule_until(conn, &due.id, now))?;
        if due.needs_reauthorization {
            // Its tile shows no next backup either way: nothing to publish.
            pass.skipped.push(OrganizationId(due.id));
            continue;
        }
        if due.backup_active {
            // The running backup serves this run; the tile moves on to the next one.
            state.events.publish_organization(&state.db, &due.id)?;
            pass.skipped.push(OrganizationId(due.id));
            continue;
        }
        let kind = policies::scheduled_kind(due.policy.as_ref(), due.scheduled_until);
        match state.jobs.start_backup(&due.id, Some(kind)) {
            Ok(job) => pass.started.push(job),
            // Started by hand since the query: that backup serves this run.
            Err(QueueError::AlreadyRunning(_)) => {
                state.events.publish_organization(&state.db, &due.id)?;
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
/// when the user sync or credential check period is shorter), it starts due backups, runs due
/// user syncs and checks due credentials.
pub fn spawn(state: AppState, config: SchedulerConfig) -> tokio::task::JoinHandle<()> {
    let tick = config
        .user_sync_period
        .map_or(config.tick, |period| period.min(config.tick))
        .min(config.credential_check_period)
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
                let syncs = crate::user_sync::run_due(
                    &pass_state.db,
                    &pass_state.events,
                    pass_state.licences,
                    now,
                    config.user_sync_period,
                )?;
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
            let checked = state
                .connections
                .check_due_credentials(config.credential_check_period)
                .await;
            if let Err(error) = checked {
                tracing::error!(%error, "checking credentials failed; it tries again");
            }
        }
    })
}
