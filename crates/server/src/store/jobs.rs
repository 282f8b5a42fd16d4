//! Backup jobs: queued at most one at a time per organization (a unique index), their
//! progress and how they ended, kept with the organization until it is removed.

use rusqlite::{Connection, OptionalExtension, Row, params};
use xms_m365_contract::{BackupKind, Job, JobId, JobState, OrganizationId};

use super::sql::Sql;
use crate::{clock::rfc3339, db::DbError};

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

impl From<rusqlite::Error> for QueueError {
    fn from(error: rusqlite::Error) -> Self {
        Self::Db(error.into())
    }
}

/// What the simulated worker needs to know about the organization it backs up.
#[derive(Debug, Clone)]
pub struct BackupTarget {
    /// Users in the tenant: the amount of data scales with them.
    pub user_count: u32,
    /// A reason every backup of it fails with, if set.
    pub backup_failure: Option<String>,
}

/// A job's columns of the table aliased `alias`, in the order [`from_row_at`] reads them.
pub fn columns(alias: &str) -> String {
    [
        "id",
        "organization_id",
        "state",
        "percent",
        "items_done",
        "items_total",
        "reason",
        "created_at",
        "finished_at",
        "kind",
    ]
    .map(|column| format!("{alias}.{column}"))
    .join(", ")
}

/// A job from `row`, whose columns from `at` on are those of [`columns`].
pub fn from_row_at(row: &Row<'_>, at: usize) -> rusqlite::Result<Job> {
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
        kind: row.get::<_, Sql<BackupKind>>(at + 9)?.0,
    })
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Job> {
    from_row_at(row, 0)
}

/// One job.
pub fn get(conn: &Connection, id: &str) -> rusqlite::Result<Option<Job>> {
    let sql = format!("SELECT {} FROM jobs j WHERE j.id = ?1", columns("j"));
    conn.query_row(&sql, [id], from_row).optional()
}

/// An organization's queued or running jobs.
pub fn active_of(conn: &Connection, organization_id: &str) -> rusqlite::Result<Vec<Job>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM jobs j WHERE j.organization_id = ?1 AND j.state IN ('queued', 'running')",
        columns("j")
    ))?;
    let rows = stmt.query_map([organization_id], from_row)?;
    rows.collect()
}

/// Whether an organization has a full copy, which later backups can build on.
pub fn has_full_copy(conn: &Connection, organization_id: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM jobs WHERE organization_id = ?1
                        AND state = 'succeeded' AND kind = 'full')",
        [organization_id],
        |row| row.get(0),
    )
}

/// Queues backup `job_id` of `organization_id` at `now`, unless one is already queued or
/// running. `scheduled` is the kind the schedule runs now, `None` for a backup asked for by
/// hand (incremental); without a full copy to build on, the backup is full either way.
pub fn queue_backup(
    conn: &Connection,
    organization_id: &str,
    job_id: &str,
    scheduled: Option<BackupKind>,
    now: i64,
) -> Result<(Job, BackupTarget), QueueError> {
    let (name, target) = conn
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
        .optional()?
        .ok_or(QueueError::UnknownOrganization)?;
    if !active_of(conn, organization_id)?.is_empty() {
        return Err(QueueError::AlreadyRunning(name));
    }
    let kind = if has_full_copy(conn, organization_id)? {
        scheduled.unwrap_or(BackupKind::Incremental)
    } else {
        BackupKind::Full
    };
    conn.execute(
        "INSERT INTO jobs (id, organization_id, created_at, kind) VALUES (?1, ?2, ?3, ?4)",
        params![job_id, organization_id, now, Sql(kind)],
    )?;
    let job = get(conn, job_id)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
    Ok((job, target))
}

/// Records progress of an active job; false when it is no longer active (cancelled).
pub fn record_progress(
    conn: &Connection,
    id: &str,
    percent: u8,
    items_done: u64,
    items_total: u64,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE jobs SET state = 'running', percent = ?2, items_done = ?3, items_total = ?4
         WHERE id = ?1 AND state IN ('queued', 'running')",
        params![id, percent, items_done, items_total],
    )?;
    Ok(changed == 1)
}

/// Ends an active job at `now` as succeeded, failed (with its reason) or cancelled; false
/// when it had already ended.
pub fn finish(conn: &Connection, id: &str, state: &JobState, now: i64) -> rusqlite::Result<bool> {
    let (name, items, reason) = match state {
        JobState::Succeeded { items } => ("succeeded", Some(*items), None),
        JobState::Failed { reason } => ("failed", None, Some(reason.as_str())),
        JobState::Cancelled => ("cancelled", None, None),
        JobState::Queued | JobState::Running { .. } => return Ok(false),
    };
    let changed = conn.execute(
        "UPDATE jobs SET state = ?2, items_done = COALESCE(?3, items_done),
                         percent = CASE WHEN ?2 = 'succeeded' THEN 100 ELSE percent END,
                         reason = ?4, finished_at = ?5
         WHERE id = ?1 AND state IN ('queued', 'running')",
        params![id, name, items, reason, now],
    )?;
    Ok(changed == 1)
}

/// Marks every job left queued or running by a previous run as failed at `now`; returns how
/// many.
pub fn interrupt_unfinished(conn: &Connection, now: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE jobs SET state = 'failed', finished_at = ?1,
                         reason = 'Interrupted: XMS stopped while the backup was running. Run the backup again.'
         WHERE state IN ('queued', 'running')",
        [now],
    )
}
