//! Backup jobs: queued at most one at a time per organization (a unique index), their
//! progress and how they ended, and each organization's history of them (with the items a run
//! skipped), kept for [`HISTORY_RETENTION_DAYS`] and with the organization until it is removed.

use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter, types::Value};
use xms_m365_contract::{
    BackupKind, BackupRun, BackupTrigger, HISTORY_RETENTION_DAYS, HistoryPage, HistoryQuery, Job,
    JobId, JobState, OrganizationId, RunDetails, RunResult, SkippedItem, SortOrder,
};

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
    let trigger = match scheduled {
        Some(_) => BackupTrigger::Scheduled,
        None => BackupTrigger::Manual,
    };
    conn.execute(
        "INSERT INTO jobs (id, organization_id, created_at, kind, trigger)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![job_id, organization_id, now, Sql(kind), Sql(trigger)],
    )?;
    let job = get(conn, job_id)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
    Ok((job, target))
}

/// Records progress of an active job at `now` (its start, at its first progress); false when
/// it is no longer active (cancelled).
pub fn record_progress(
    conn: &Connection,
    id: &str,
    (percent, items_done, items_total): (u8, u64, u64),
    now: i64,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE jobs SET state = 'running', percent = ?2, items_done = ?3, items_total = ?4,
                         started_at = COALESCE(started_at, ?5)
         WHERE id = ?1 AND state IN ('queued', 'running')",
        params![id, percent, items_done, items_total, now],
    )?;
    Ok(changed == 1)
}

/// The items run `id` has backed up (so far).
pub fn items_done(conn: &Connection, id: &str) -> rusqlite::Result<u64> {
    conn.query_row("SELECT items_done FROM jobs WHERE id = ?1", [id], |row| {
        row.get(0)
    })
}

/// Records what run `id` backed up besides its items: its `bytes`, and the items it
/// `skipped` or put off.
pub fn record_run(
    conn: &Connection,
    id: &str,
    bytes: u64,
    skipped: &[SkippedItem],
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE jobs SET bytes = ?2 WHERE id = ?1",
        params![id, bytes],
    )?;
    insert_skipped(conn, id, skipped)
}

fn insert_skipped(conn: &Connection, id: &str, skipped: &[SkippedItem]) -> rusqlite::Result<()> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO skipped_items (job_id, position, user_name, item, reason, bytes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (position, item) in skipped.iter().enumerate() {
        insert.execute(params![
            id,
            position,
            item.user,
            item.item,
            Sql(item.reason),
            item.bytes
        ])?;
    }
    Ok(())
}

/// A run that ended, as seeding records the past.
#[derive(Debug, Clone)]
pub struct PastRun<'a> {
    /// Its job's id.
    pub id: String,
    /// The organization it backed up.
    pub organization_id: &'a str,
    /// Its kind.
    pub kind: BackupKind,
    /// When it was asked for, began and ended (Unix ms).
    pub times: (i64, i64, i64),
    /// Items backed up.
    pub items: u64,
    /// Why it failed, if it did.
    pub failure: Option<&'a str>,
}

/// Stores `run`, scheduled, as having ended, with its `bytes` and what it `skipped`.
pub fn insert_past(
    conn: &Connection,
    run: &PastRun<'_>,
    bytes: u64,
    skipped: &[SkippedItem],
) -> rusqlite::Result<()> {
    let (created, started, finished) = run.times;
    let state = if run.failure.is_some() {
        "failed"
    } else {
        "succeeded"
    };
    conn.prepare_cached(
        "INSERT INTO jobs (id, organization_id, state, percent, items_done, items_total, reason,
                           created_at, started_at, finished_at, kind, trigger, bytes)
         VALUES (?1, ?2, ?3, CASE WHEN ?5 IS NULL THEN 100 ELSE 60 END, ?4, ?4, ?5, ?6, ?7, ?8,
                 ?9, 'scheduled', ?10)",
    )?
    .execute(params![
        run.id,
        run.organization_id,
        state,
        run.items,
        run.failure,
        created,
        started,
        finished,
        Sql(run.kind),
        bytes
    ])?;
    insert_skipped(conn, &run.id, skipped)
}

/// Deletes an organization's runs that ended more than [`HISTORY_RETENTION_DAYS`] before
/// `now`, but for its last backup (the latest that succeeded or failed: the tile's) and its
/// latest full copy (which later backups build on).
pub fn prune(conn: &Connection, organization_id: &str, now: i64) -> rusqlite::Result<usize> {
    let before = now - i64::from(HISTORY_RETENTION_DAYS) * 86_400_000;
    conn.execute(
        "DELETE FROM jobs
         WHERE organization_id = ?1 AND finished_at < ?2
           AND id IS NOT (SELECT id FROM jobs
                          WHERE organization_id = ?1 AND state IN ('succeeded', 'failed')
                          ORDER BY finished_at DESC, rowid DESC LIMIT 1)
           AND id IS NOT (SELECT id FROM jobs
                          WHERE organization_id = ?1 AND state = 'succeeded' AND kind = 'full'
                          ORDER BY finished_at DESC, rowid DESC LIMIT 1)",
        params![organization_id, before],
    )
}

/// [`prune`] for every organization, as XMS starts; how many runs it deleted.
pub fn prune_all(conn: &Connection, now: i64) -> rusqlite::Result<usize> {
    let ids = conn
        .prepare("SELECT id FROM organizations")?
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    ids.iter()
        .try_fold(0, |deleted, id| Ok(deleted + prune(conn, id, now)?))
}

/// The condition on a run (aliased `j`) of `result`.
fn result_condition(result: RunResult) -> String {
    const SKIPPED: &str = "EXISTS (SELECT 1 FROM skipped_items s WHERE s.job_id = j.id)";
    match result {
        RunResult::Active => "j.state IN ('queued', 'running')".to_owned(),
        RunResult::Succeeded => format!("j.state = 'succeeded' AND NOT {SKIPPED}"),
        RunResult::Warnings => format!("j.state = 'succeeded' AND {SKIPPED}"),
        RunResult::Failed => "j.state = 'failed'".to_owned(),
        RunResult::Cancelled => "j.state = 'cancelled'".to_owned(),
    }
}

/// A page of an organization's runs as `query` asks, its period `period` (Unix ms, from and
/// to); `None` when there is no such organization.
pub fn history(
    conn: &Connection,
    organization_id: &str,
    query: &HistoryQuery,
    (from, to): (Option<i64>, Option<i64>),
) -> rusqlite::Result<Option<HistoryPage>> {
    let known: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM organizations WHERE id = ?1)",
        [organization_id],
        |row| row.get(0),
    )?;
    if !known {
        return Ok(None);
    }
    let mut condition = vec!["j.organization_id = ?".to_owned()];
    let mut values = vec![Value::Text(organization_id.to_owned())];
    if let Some(result) = query.result {
        condition.push(result_condition(result));
    }
    for (bound, sql) in [(from, "j.created_at >= ?"), (to, "j.created_at < ?")] {
        if let Some(bound) = bound {
            condition.push(sql.to_owned());
            values.push(Value::Integer(bound));
        }
    }
    let condition = condition.join(" AND ");
    let total: u32 = conn.query_row(
        &format!("SELECT COUNT(*) FROM jobs j WHERE {condition}"),
        params_from_iter(&values),
        |row| row.get(0),
    )?;
    let order = match query.order {
        SortOrder::Ascending => "ASC",
        SortOrder::Descending => "DESC",
    };
    values.push(Value::Integer(query.page_size.into()));
    values.push(Value::Integer(
        i64::from(query.page.saturating_sub(1)) * i64::from(query.page_size),
    ));
    let mut stmt = conn.prepare(&format!(
        "SELECT {RUN} FROM jobs j WHERE {condition}
         ORDER BY j.created_at {order}, j.rowid {order} LIMIT ? OFFSET ?",
        RUN = run_columns()
    ))?;
    let runs = stmt
        .query_map(params_from_iter(&values), run_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(HistoryPage {
        runs,
        total,
        page: query.page,
        page_size: query.page_size,
        retention_days: HISTORY_RETENTION_DAYS,
    }))
}

/// Run `job_id` of an organization, with the items it skipped; `None` when the organization
/// has no such run.
pub fn run_details(
    conn: &Connection,
    organization_id: &str,
    job_id: &str,
) -> rusqlite::Result<Option<RunDetails>> {
    let run = conn
        .query_row(
            &format!(
                "SELECT {} FROM jobs j WHERE j.organization_id = ?1 AND j.id = ?2",
                run_columns()
            ),
            [organization_id, job_id],
            run_from_row,
        )
        .optional()?;
    let Some(run) = run else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT user_name, item, reason, bytes FROM skipped_items WHERE job_id = ?1
         ORDER BY position",
    )?;
    let skipped = stmt
        .query_map([job_id], |row| {
            Ok(SkippedItem {
                user: row.get(0)?,
                item: row.get(1)?,
                reason: row.get::<_, Sql<_>>(2)?.0,
                bytes: row.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(RunDetails { run, skipped }))
}

/// A run's columns of the jobs aliased `j`: a job's ([`columns`]), then what
/// [`run_from_row`] reads after them.
fn run_columns() -> String {
    format!(
        "{}, j.trigger, j.started_at, j.bytes,
         (SELECT COUNT(*) FROM skipped_items s WHERE s.job_id = j.id)",
        columns("j")
    )
}

fn run_from_row(row: &Row<'_>) -> rusqlite::Result<BackupRun> {
    let job = from_row(row)?;
    let created: i64 = row.get(7)?;
    let finished: Option<i64> = row.get(8)?;
    let started: Option<i64> = row.get(11)?;
    let duration_seconds =
        finished.map(|end| u64::try_from((end - started.unwrap_or(created)) / 1000).unwrap_or(0));
    Ok(BackupRun {
        id: job.id,
        kind: job.kind,
        trigger: row.get::<_, Sql<_>>(10)?.0,
        state: job.state,
        created_at: job.created_at,
        started_at: started.map(rfc3339),
        finished_at: job.finished_at,
        duration_seconds,
        items: row.get(4)?,
        bytes: row.get(12)?,
        skipped_items: row.get(13)?,
    })
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
