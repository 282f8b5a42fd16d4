//! Storage of jobs.

use rusqlite::{OptionalExtension, Row, params};
use xms_m365_contract::{BackupKind, Job, JobId, JobState, OrganizationId};

use crate::db::{Db, DbError, rfc3339};

/// Why a backup could not be queued.
#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    /// No such organization.
    #[error("no such organization")]
    UnknownOrganization,
    /// One is already queued or running; its organization's name.
    #[error("a backup of {0} is already running")]
    AlreadyRunning(String),
    /// Storage failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

/// SQL: whether organization `?1` has a full copy, which later backups can build on.
pub(crate) const HAS_FULL_COPY: &str = "EXISTS (SELECT 1 FROM jobs WHERE organization_id = ?1
                                                AND state = 'succeeded' AND kind = 'full')";

/// What the simulated worker needs to know about the organization it backs up.
#[derive(Debug, Clone)]
pub struct BackupTarget {
    /// Users in the tenant: the amount of data scales with them.
    pub user_count: u32,
    /// A reason every backup of it fails with, if set.
    pub backup_failure: Option<String>,
}

/// A job's columns, in the order `job_from_row_at` reads them.
pub(crate) const COLUMNS: &str =
    "id, organization_id, state, percent, items_done, items_total, reason, created_at, finished_at,
     kind";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Job> {
    job_from_row_at(row, 0)
}

/// A job from `row`, whose columns from `at` on are those of `COLUMNS`.
pub(crate) fn job_from_row_at(row: &Row<'_>, at: usize) -> rusqlite::Result<Job> {
    let state = match row.get::<_, String>(at + 2)?.as_str() {
        "running" => JobState::Running {
            percent: row.get(at + 3)?,
            items_done: row.get(at + 4)?,
            items_total: row.get(at + 5)?,
        },
        "succeeded" => JobState::Succeeded {
            items: row.get(at + 4)?,
        },
        "failed" => JobState::Failed {
            reason: row.get::<_, Option<String>>(at + 6)?.unwrap_or_default(),
        },
        "cancelled" => JobState::Cancelled,
        _ => JobState::Queued,
    };
    Ok(Job {
        id: JobId(row.get(at)?),
        organization_id: OrganizationId(row.get(at + 1)?),
        created_at: rfc3339(row.get(at + 7)?),
        finished_at: row.get::<_, Option<i64>>(at + 8)?.map(rfc3339),
        state,
        kind: match row.get::<_, String>(at + 9)?.as_str() {
            "full" => BackupKind::Full,
            "differential" => BackupKind::Differential,
            _ => BackupKind::Incremental,
        },
    })
}

impl Db {
    /// Queues a backup of `organization_id` unless one is already queued or running.
    /// `scheduled` is the kind the schedule runs now, `None` for a backup asked for by hand
    /// (incremental); without a full copy to build on, the backup is full either way.
    pub fn queue_backup(
        &self,
        organization_id: &str,
        job_id: &str,
        scheduled: Option<BackupKind>,
        now: i64,
    ) -> Result<(Job, BackupTarget), QueueError> {
        let mut conn = self.conn();
        let tx = conn.transaction().map_err(DbError::from)?;
        let (name, target) = tx
            .query_row(
                "SELECT name, user_count, backup_failure FROM organizations WHERE id = ?1",
                [organization_id],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        BackupTarget {
                            user_count: row.get(1)?,
                            backup_failure: row.get(2)?,
                        },
                    ))
                },
            )
            .optional()
            .map_err(DbError::from)?
            .ok_or(QueueError::UnknownOrganization)?;
        let active: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM jobs WHERE organization_id = ?1
                                AND state IN ('queued', 'running'))",
                [organization_id],
                |row| row.get(0),
            )
            .map_err(DbError::from)?;
        if active {
            return Err(QueueError::AlreadyRunning(name));
        }
        let has_full: bool = tx
            .query_row(
                &format!("SELECT {HAS_FULL_COPY}"),
                [organization_id],
                |row| row.get(0),
            )
            .map_err(DbError::from)?;
        let kind = match (has_full, scheduled) {
            (false, _) => "full",
            (true, Some(BackupKind::Full)) => "full",
            (true, Some(BackupKind::Differential)) => "differential",
            (true, Some(BackupKind::Incremental) | None) => "incremental",
        };
        tx.execute(
            "INSERT INTO jobs (id, organization_id, created_at, kind) VALUES (?1, ?2, ?3, ?4)",
            params![job_id, organization_id, now, kind],
        )
        .map_err(DbError::from)?;
        let sql = format!("SELECT {COLUMNS} FROM jobs WHERE id = ?1");
        let job = tx
            .query_row(&sql, [job_id], from_row)
            .map_err(DbError::from)?;
        tx.commit().map_err(DbError::from)?;
        Ok((job, target))
    }

    /// One job.
    pub fn job(&self, id: &str) -> Result<Option<Job>, DbError> {
        let sql = format!("SELECT {COLUMNS} FROM jobs WHERE id = ?1");
        Ok(self.conn().query_row(&sql, [id], from_row).optional()?)
    }

    /// Records progress of an active job; false when it is no longer active (cancelled).
    pub fn record_progress(
        &self,
        id: &str,
        percent: u8,
        items_done: u64,
        items_total: u64,
    ) -> Result<bool, DbError> {
        let changed = self.conn().execute(
            "UPDATE jobs SET state = 'running', percent = ?2, items_done = ?3, items_total = ?4
             WHERE id = ?1 AND state IN ('queued', 'running')",
            params![id, percent, items_done, items_total],
        )?;
        Ok(changed == 1)
    }

    /// Ends an active job as succeeded, failed (with `reason`) or cancelled; false when it had
    /// already ended.
    pub fn finish_job(&self, id: &str, state: &JobState, now: i64) -> Result<bool, DbError> {
        let (name, items, reason) = match state {
            JobState::Succeeded { items } => ("succeeded", Some(*items), None),
            JobState::Failed { reason } => ("failed", None, Some(reason.as_str())),
            JobState::Cancelled => ("cancelled", None, None),
            JobState::Queued | JobState::Running { .. } => return Ok(false),
        };
        let changed = self.conn().execute(
            "UPDATE jobs SET state = ?2, items_done = COALESCE(?3, items_done),
                             percent = CASE WHEN ?2 = 'succeeded' THEN 100 ELSE percent END,
                             reason = ?4, finished_at = ?5
             WHERE id = ?1 AND state IN ('queued', 'running')",
            params![id, name, items, reason, now],
        )?;
        Ok(changed == 1)
    }

    /// Marks every job left queued or running by a previous run as failed; returns how many.
    pub fn interrupt_unfinished_jobs(&self, now: i64) -> Result<usize, DbError> {
        Ok(self.conn().execute(
            "UPDATE jobs SET state = 'failed', finished_at = ?1,
                             reason = 'Interrupted: XMS stopped while the backup was running. Run the backup again.'
             WHERE state IN ('queued', 'running')",
            [now],
        )?)
    }
}
