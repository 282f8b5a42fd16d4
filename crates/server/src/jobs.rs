//! Backup jobs and the reference server's simulated workers. A job is queued, then advances
//! over the configured duration, counting items in proportion to the organization's users,
//! and succeeds, fails (for an organization set up to fail, with a realistic reason) or is
//! cancelled. Every step is stored ([`crate::store::jobs`]) and published, so a restart finds
//! unfinished jobs and marks them interrupted rather than losing them.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};

use tokio::task::AbortHandle;
use xms_m365_contract::{BackupKind, Job, JobState, ServerEvent};

use crate::{
    clock::Clock,
    db::{Db, DbError},
    events::Events,
    history,
    store::{
        credentials,
        jobs::{self, BackupTarget, QueueError},
        users,
    },
};

/// How many progress steps a backup takes.
const STEPS: u64 = 20;
/// The step at which a backup set up to fail stops (60 %).
const FAILING_STEP: u64 = 12;

/// Runs backup jobs: stores them, runs their workers and publishes every step.
pub struct Jobs {
    db: Db,
    events: Arc<Events>,
    clock: Clock,
    backup_duration: Duration,
    running: Mutex<HashMap<String, AbortHandle>>,
}

/// Why a job could not be cancelled.
#[derive(Debug, thiserror::Error)]
pub enum CancelError {
    /// No such job.
    #[error("no such job")]
    Unknown,
    /// It had already ended, as described.
    #[error("the job has already ended")]
    Finished(Box<Job>),
    /// Storage failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<rusqlite::Error> for CancelError {
    fn from(error: rusqlite::Error) -> Self {
        Self::Db(error.into())
    }
}

impl Jobs {
    /// Jobs stored in `db`, published on `events`, timed by `clock`, whose backups take
    /// `backup_duration` once running.
    pub fn new(db: Db, events: Arc<Events>, clock: Clock, backup_duration: Duration) -> Self {
        Self {
            db,
            events,
            clock,
            backup_duration,
            running: Mutex::default(),
        }
    }

    /// Queues a backup of an organization (of the kind its schedule runs now, when
    /// `scheduled`; see [`jobs::queue_backup`]) and starts its worker.
    pub fn start_backup(
        self: &Arc<Self>,
        organization_id: &str,
        scheduled: Option<BackupKind>,
    ) -> Result<Job, QueueError> {
        let id = uuid::Uuid::new_v4().to_string();
        let now = self.clock.now_ms();
        let (job, target) = self
            .db
            .write(|tx| jobs::queue_backup(tx, organization_id, &id, scheduled, now))?;
        self.events
            .publish(ServerEvent::JobProgress { job: job.clone() });
        self.events
            .publish_organization(&self.db, organization_id)?;
        let worker = Arc::clone(self);
        let task = tokio::spawn(async move {
            if let Err(error) = worker.work(&id, target).await {
                tracing::error!(job = %id, %error, "backup worker failed");
            }
            worker.running().remove(&id);
        });
        self.running().insert(job.id.0.clone(), task.abort_handle());
        Ok(job)
    }

    fn running(&self) -> std::sync::MutexGuard<'_, HashMap<String, AbortHandle>> {
        self.running.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The simulated worker: advances the job step by step and ends it.
    async fn work(&self, id: &str, target: BackupTarget) -> Result<(), DbError> {
        // Mailboxes, drives and sites make roughly this many items per user.
        let total = u64::from(target.user_count) * 37 + 120;
        let step = self.backup_duration / u32::try_from(STEPS).unwrap_or(1);
        for done_steps in 1..=STEPS {
            tokio::time::sleep(step).await;
            if target.backup_failure.is_some() && done_steps == FAILING_STEP {
                break;
            }
            let percent = u8::try_from(done_steps * 100 / STEPS).unwrap_or(100);
            let done = total * done_steps / STEPS;
            let now = self.clock.now_ms();
            if !self
                .db
                .read(|conn| jobs::record_progress(conn, id, (percent, done, total), now))?
            {
                return Ok(()); // cancelled meanwhile
            }
            if let Some(job) = self.db.read(|conn| jobs::get(conn, id))? {
                self.events.publish(ServerEvent::JobProgress { job });
            }
        }
        let end = match target.backup_failure {
            Some(reason) => JobState::Failed { reason },
            None => JobState::Succeeded { items: total },
        };
        self.finish(id, &end)?;
        Ok(())
    }

    /// Ends an active job as `end` and publishes it and its organization; the job as ended,
    /// or `None` when it had already ended.
    fn finish(&self, id: &str, end: &JobState) -> Result<Option<Job>, DbError> {
        let now = self.clock.now_ms();
        let ended = self.db.write(|tx| {
            if !jobs::finish(tx, id, end, now)? {
                return Ok::<_, rusqlite::Error>(None);
            }
            let job = jobs::get(tx, id)?;
            if let Some(job) = &job
                && !matches!(end, JobState::Cancelled)
            {
                let organization = &job.organization_id.0;
                let succeeded = matches!(end, JobState::Succeeded { .. });
                users::record_backup(tx, organization, id, succeeded, now)?;
                let names = users::protected_sample(
                    tx,
                    organization,
                    history::USERS_NAMED,
                    history::spread(id),
                )?;
                let skipped = if succeeded {
                    history::skipped(id, &names)
                } else {
                    Vec::new()
                };
                let items = jobs::items_done(tx, id)?;
                jobs::record_run(tx, id, history::bytes(id, items), &skipped)?;
                jobs::prune(tx, organization, now)?;
                if !succeeded {
                    // Tells "the job failed" from "the authorization expired": the
                    // scheduler's next pass checks the organization's own credential.
                    credentials::check_soon(tx, organization)?;
                }
            }
            Ok(job)
        })?;
        if let Some(job) = &ended {
            self.events
                .publish(ServerEvent::JobFinished { job: job.clone() });
            self.events
                .publish_organization(&self.db, &job.organization_id.0)?;
        }
        Ok(ended)
    }

    /// Cancels an active job and stops its worker.
    pub fn cancel(&self, id: &str) -> Result<Job, CancelError> {
        let job = self
            .db
            .read(|conn| jobs::get(conn, id))?
            .ok_or(CancelError::Unknown)?;
        if !job.state.is_active() {
            return Err(CancelError::Finished(Box::new(job)));
        }
        self.stop_worker(id);
        match self.finish(id, &JobState::Cancelled)? {
            Some(job) => Ok(job),
            // It ended on its own between the two reads: nothing is left to cancel.
            None => Err(CancelError::Finished(Box::new(
                self.db
                    .read(|conn| jobs::get(conn, id))?
                    .ok_or(CancelError::Unknown)?,
            ))),
        }
    }

    /// Stops the worker of a job, if it has one running.
    pub fn stop_worker(&self, id: &str) {
        if let Some(worker) = self.running().remove(id) {
            worker.abort();
        }
    }
}
