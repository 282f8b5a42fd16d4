//! Backup jobs and the reference server's simulated workers. A job is queued, then advances
//! over the configured duration, counting items in proportion to the organization's users,
//! and succeeds, fails (for an organization set up to fail, with a realistic reason) or is
//! cancelled. Every step is stored, so a restart finds unfinished jobs and marks them
//! interrupted rather than losing them.

pub mod store;

use std::{collections::HashMap, sync::Mutex, time::Duration};

use tokio::task::AbortHandle;
use xms_m365_contract::{BackupKind, Job, JobState, ServerEvent};

use crate::{AppState, db::DbError};
use store::{BackupTarget, QueueError};

/// How many progress steps a backup takes.
const STEPS: u64 = 20;
/// The step at which a backup set up to fail stops (60 %).
const FAILING_STEP: u64 = 12;

/// Runs backup jobs.
pub struct Jobs {
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

impl Jobs {
    /// Jobs whose backups take `backup_duration` once running.
    pub fn new(backup_duration: Duration) -> Self {
        Self {
            backup_duration,
            running: Mutex::default(),
        }
    }

    /// Queues a backup of an organization (of the kind its schedule runs now, when
    /// `scheduled`; see [`crate::db::Db::queue_backup`]) and starts its worker.
    pub fn start_backup(
        &self,
        state: &AppState,
        organization_id: &str,
        scheduled: Option<BackupKind>,
    ) -> Result<Job, QueueError> {
        let id = uuid::Uuid::new_v4().to_string();
        let (job, target) =
            state
                .db
                .queue_backup(organization_id, &id, scheduled, state.clock.now_ms())?;
        state
            .events
            .publish(ServerEvent::JobProgress { job: job.clone() });
        publish_organization(state, organization_id)?;
        let worker_state = state.clone();
        let task = tokio::spawn(async move {
            let jobs = &worker_state.jobs;
            if let Err(error) = jobs.work(&worker_state, &id, target).await {
                tracing::error!(job = %id, %error, "backup worker failed");
            }
            jobs.running
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .remove(&id);
        });
        self.running
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(job.id.0.clone(), task.abort_handle());
        Ok(job)
    }

    /// The simulated worker: advances the job step by step and ends it.
    async fn work(&self, state: &AppState, id: &str, target: BackupTarget) -> Result<(), DbError> {
        // Mailboxes, drives and sites make roughly this many items per user.
        let total = u64::from(target.user_count) * 37 + 120;
        let step = self.backup_duration / u32::try_from(STEPS).unwrap_or(1);
        for done_steps in 1..=STEPS {
            tokio::time::sleep(step).await;
            if target.backup_failure.is_some() && done_steps == FAILING_STEP {
                break;
            }
            let percent = u8::try_from(done_steps * 100 / STEPS).unwrap_or(100);
            if !state
                .db
                .record_progress(id, percent, total * done_steps / STEPS, total)?
            {
                return Ok(()); // cancelled meanwhile
            }
            if let Some(job) = state.db.job(id)? {
                state.events.publish(ServerEvent::JobProgress { job });
            }
        }
        let end = match target.backup_failure {
            Some(reason) => JobState::Failed { reason },
            None => JobState::Succeeded { items: total },
        };
        if state.db.finish_job(id, &end, state.clock.now_ms())?
            && let Some(job) = state.db.job(id)?
        {
            let organization_id = job.organization_id.0.clone();
            state.events.publish(ServerEvent::JobFinished { job });
            publish_organization(state, &organization_id)?;
        }
        Ok(())
    }

    /// Cancels an active job and stops its worker.
    pub fn cancel(&self, state: &AppState, id: &str) -> Result<Job, CancelError> {
        let job = state.db.job(id)?.ok_or(CancelError::Unknown)?;
        if !job.state.is_active() {
            return Err(CancelError::Finished(Box::new(job)));
        }
        self.stop_worker(id);
        state
            .db
            .finish_job(id, &JobState::Cancelled, state.clock.now_ms())?;
        let job = state.db.job(id)?.ok_or(CancelError::Unknown)?;
        state
            .events
            .publish(ServerEvent::JobFinished { job: job.clone() });
        publish_organization(state, &job.organization_id.0)?;
        Ok(job)
    }

    /// Stops the worker of a job, if it has one running.
    pub fn stop_worker(&self, id: &str) {
        if let Some(worker) = self
            .running
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(id)
        {
            worker.abort();
        }
    }
}

/// Publishes an organization's new summary (its status and last backup follow its jobs).
pub(crate) fn publish_organization(state: &AppState, id: &str) -> Result<(), DbError> {
    if let Some(organization) = state.db.organization(id)? {
        state.events.publish(ServerEvent::OrganizationChanged {
            organization: Box::new(organization),
        });
    }
    Ok(())
}
