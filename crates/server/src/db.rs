//! The reference server's storage: one SQLite file under the data directory, in WAL mode, with
//! the schema migrated forward from `migrations/` at start-up, and the organizations as the
//! dashboard lists them (with their backup summary, schedule, worker and licences), stored and
//! removed.

use std::{
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use rusqlite_migration::{M, Migrations};
use xms_m365_contract::{
    Job, JobId, LastBackup, Organization, OrganizationId, OrganizationStatus, PolicyKind,
};

use crate::{
    clock::Clock,
    licences::{DEFAULT_LICENCES, protect_with_free_licences},
    workers::{WORKER_COLUMNS, worker_from_row_at},
};

/// The database file's name inside the data directory.
pub const DB_FILE: &str = "xms.sqlite3";

/// The schema, oldest first. Never edit a migration that has shipped: add a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_organizations.sql"),
    include_str!("../migrations/0002_authority.sql"),
    include_str!("../migrations/0003_connections.sql"),
    include_str!("../migrations/0004_jobs.sql"),
    include_str!("../migrations/0005_workers_and_schedules.sql"),
    include_str!("../migrations/0006_settings_and_licences.sql"),
    include_str!("../migrations/0007_policies.sql"),
    include_str!("../migrations/0008_sessions.sql"),
    include_str!("../migrations/0009_job_kinds.sql"),
];

/// Runs a storage call off the async threads, for handlers.
pub async fn run_blocking<T: Send + 'static>(
    call: impl FnOnce() -> Result<T, DbError> + Send + 'static,
) -> Result<T, crate::error::AppError> {
    Ok(tokio::task::spawn_blocking(call).await??)
}

/// FNV-1a of `bytes`: unlike std's hasher, the same in every build and every run, so what is
/// derived from it (a user sync's change, an ETag) is stable.
pub(crate) fn stable_hash(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes
        .into_iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// Unix milliseconds as RFC 3339 in UTC, to the second.
pub fn rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// What can go wrong with storage.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The data directory could not be created.
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        /// The directory.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// SQLite failed.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// The schema could not be brought up to date.
    #[error("cannot migrate the database: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// An organization with this tenant id is already stored.
    #[error("the tenant {0} is already connected")]
    DuplicateTenant(String),
    /// There is no worker with this id.
    #[error("there is no worker {0}")]
    UnknownWorker(String),
    /// An encryption password could not be hashed.
    #[error("cannot hash the encryption password: {0}")]
    PasswordHash(String),
    /// A policy could not be written as JSON.
    #[error("cannot store the policy: {0}")]
    Json(#[from] serde_json::Error),
}

/// A new organization to store.
#[derive(Debug, Clone)]
pub struct NewOrganization {
    /// The Microsoft Entra tenant id.
    pub tenant_id: String,
    /// Display name.
    pub name: String,
    /// Primary domain.
    pub primary_domain: String,
    /// Number of users in the tenant.
    pub user_count: u32,
}

/// A handle to the database, cheap to clone; calls block, so async code runs them on
/// `spawn_blocking`.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
    /// The licences of the XMS subscription the organizations' protected users hold.
    licences: u32,
    /// What time it is: rows are stamped with it (an organization's `connected_at`).
    clock: Clock,
}

impl Db {
    /// Opens (creating if needed) the database in `data_dir` and migrates it.
    pub fn open(data_dir: &Path) -> Result<Self, DbError> {
        std::fs::create_dir_all(data_dir).map_err(|source| DbError::DataDir {
            path: data_dir.to_owned(),
            source,
        })?;
        let mut conn = Connection::open(data_dir.join(DB_FILE))?;
        // Another process (the `add-organization` command, a test) may write at the same time;
        // set before anything else, since choosing the journal mode already takes a lock.
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        migrate(&mut conn, MIGRATIONS)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
            licences: DEFAULT_LICENCES,
            clock: Clock::system(),
        })
    }

    /// The same database, living by `clock` (by default the machine's): the server's state
    /// takes its clock from here, so storage and services read one time.
    #[must_use]
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The clock the server lives by.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// The same database, for an XMS subscription of `licences` licences (by default
    /// [`DEFAULT_LICENCES`]).
    #[must_use]
    pub fn with_licences(mut self, licences: u32) -> Self {
        self.licences = licences;
        self
    }

    /// The licences of the XMS subscription.
    pub fn licences(&self) -> u32 {
        self.licences
    }

    pub(crate) fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite inconsistent (each statement is
        // atomic), so a poisoned lock is still safe to use.
        self.conn
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    /// Every organization, sorted by name.
    pub fn list_organizations(&self) -> Result<Vec<Organization>, DbError> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(&format!(
            "{} ORDER BY o.name COLLATE NOCASE, o.id",
            *ORGANIZATION_SELECT
        ))?;
        let rows = stmt.query_map([], organization_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One organization by XMS id.
    pub fn organization(&self, id: &str) -> Result<Option<Organization>, DbError> {
        Ok(self
            .conn()
            .query_row(
                &format!("{} WHERE o.id = ?1", *ORGANIZATION_SELECT),
                [id],
                organization_from_row,
            )
            .optional()?)
    }

    /// Stores an organization, or refreshes the one with the same tenant id (connecting it
    /// again also renews XMS's consent); returns it as listed and whether it was already there.
    pub fn upsert_organization(
        &self,
        new: &NewOrganization,
    ) -> Result<(Organization, bool), DbError> {
        match self.insert_organization(new) {
            Ok(organization) => Ok((organization, false)),
            Err(DbError::DuplicateTenant(_)) => {
                let id = {
                    let mut conn = self.conn();
                    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                    // Users gone take their licences with them; new ones get licences as in a
                    // user sync.
                    let id: String = tx.query_row(
                        "UPDATE organizations
                         SET name = ?2, primary_domain = ?3, user_count = ?4,
                             protected_users = MIN(protected_users, ?4),
                             needs_reauthorization = 0
                         WHERE tenant_id = ?1 RETURNING id",
                        params![new.tenant_id, new.name, new.primary_domain, new.user_count],
                        |row| row.get(0),
                    )?;
                    protect_with_free_licences(&tx, self.licences, &id)?;
                    tx.commit()?;
                    id
                };
                Ok((self.stored_organization(&id)?, true))
            }
            Err(other) => Err(other),
        }
    }

    /// Makes every backup of an organization fail with `reason` (demonstrations and tests).
    pub fn set_backup_failure(&self, id: &str, reason: &str) -> Result<(), DbError> {
        self.conn().execute(
            "UPDATE organizations SET backup_failure = ?2 WHERE id = ?1",
            params![id, reason],
        )?;
        Ok(())
    }

    /// Records that Microsoft no longer honours XMS's consent for an organization.
    pub fn set_needs_reauthorization(&self, id: &str) -> Result<(), DbError> {
        self.conn().execute(
            "UPDATE organizations SET needs_reauthorization = 1 WHERE id = ?1",
            [id],
        )?;
        Ok(())
    }

    /// Stores a new organization, in automatic licence management with as many users
    /// protected as there are free licences, and returns it as listed.
    pub fn insert_organization(&self, new: &NewOrganization) -> Result<Organization, DbError> {
        let id = uuid::Uuid::new_v4().to_string();
        {
            let mut conn = self.conn();
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let existing: Option<String> = tx
                .query_row(
                    "SELECT id FROM organizations WHERE tenant_id = ?1",
                    [&new.tenant_id],
                    |row| row.get(0),
                )
                .optional()?;
            if existing.is_some() {
                return Err(DbError::DuplicateTenant(new.tenant_id.clone()));
            }
            tx.execute(
                "INSERT INTO organizations (id, tenant_id, name, primary_domain, user_count,
                                            connected_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    id,
                    new.tenant_id,
                    new.name,
                    new.primary_domain,
                    new.user_count,
                    rfc3339(self.clock.now_ms())
                ],
            )?;
            protect_with_free_licences(&tx, self.licences, &id)?;
            tx.commit()?;
        }
        self.stored_organization(&id)
    }

    /// Removes an organization and its jobs; the connection attempts that connected it forget
    /// it. Returns its jobs that were queued or running, now ended as cancelled (their workers
    /// are the caller's to stop), or `None` when there is no such organization.
    pub fn remove_organization(&self, id: &str, now: i64) -> Result<Option<Vec<Job>>, DbError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let active = {
            let mut stmt = tx.prepare_cached(&format!(
                "SELECT {} FROM jobs WHERE organization_id = ?1 AND state IN ('queued', 'running')",
                crate::jobs::store::COLUMNS
            ))?;
            let rows = stmt.query_map([id], |row| crate::jobs::store::job_from_row_at(row, 0))?;
            rows.collect::<Result<Vec<_>, _>>()?
        };
        tx.execute(
            "UPDATE connections SET organization_id = NULL WHERE organization_id = ?1",
            [id],
        )?;
        // Its jobs go with it (ON DELETE CASCADE): they describe backups of nothing now.
        if tx.execute("DELETE FROM organizations WHERE id = ?1", [id])? == 0 {
            return Ok(None);
        }
        tx.commit()?;
        Ok(Some(
            active
                .into_iter()
                .map(|job| Job {
                    state: xms_m365_contract::JobState::Cancelled,
                    finished_at: Some(rfc3339(now)),
                    ..job
                })
                .collect(),
        ))
    }

    /// An organization just written, which therefore exists.
    fn stored_organization(&self, id: &str) -> Result<Organization, DbError> {
        self.organization(id)?
            .ok_or(DbError::Sqlite(rusqlite::Error::QueryReturnedNoRows))
    }
}

/// Brings the schema up to date with `migrations`. Foreign keys are off while migrating, as
/// SQLite's guide to schema changes asks (a migration may add a referencing column or rebuild
/// a table), and each migration checks them before committing; they are on from then on.
fn migrate(conn: &mut Connection, migrations: &[&'static str]) -> Result<(), DbError> {
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    Migrations::new(
        migrations
            .iter()
            .map(|sql| M::up(sql).foreign_key_check())
            .collect(),
    )
    .to_latest(conn)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// An organization with its backup summary: the active job (at most one, by the unique
/// index), the last job that ran to an end, its policy (and the custom one's JSON), how far its schedule has been served
/// and its worker. Columns in the order `organization_from_row` reads them.
static ORGANIZATION_SELECT: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "SELECT o.id, o.tenant_id, o.name, o.primary_domain, o.user_count, o.connected_at,
                o.needs_reauthorization,
                a.id, a.organization_id, a.state, a.percent, a.items_done, a.items_total,
                a.reason, a.created_at, a.finished_at, a.kind,
                l.id, l.state, l.items_done, l.reason, l.finished_at,
                o.policy_kind, {SCHEDULED_UNTIL}, {WORKER_COLUMNS}, o.protected_users, p.policy
         FROM organizations o
         JOIN workers w ON w.id = o.default_worker_id
         LEFT JOIN policies p ON p.organization_id = o.id
         LEFT JOIN jobs a ON a.organization_id = o.id AND a.state IN ('queued', 'running')
         LEFT JOIN jobs l ON l.id = (
             SELECT id FROM jobs
             WHERE organization_id = o.id AND state IN ('succeeded', 'failed')
             ORDER BY finished_at DESC, rowid DESC LIMIT 1
         )"
    )
});

/// Unix ms up to which an organization's (`o`) backup schedule has been served: since it was
/// connected until the scheduler first serves it.
pub(crate) const SCHEDULED_UNTIL: &str =
    "COALESCE(o.scheduled_until, unixepoch(o.connected_at) * 1000)";

fn organization_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Organization> {
    let user_count: u32 = row.get(4)?;
    let needs_reauthorization: bool = row.get(6)?;
    let active_job = match row.get::<_, Option<String>>(7)? {
        Some(_) => Some(crate::jobs::store::job_from_row_at(row, 7)?),
        None => None,
    };
    let last_backup = match row.get::<_, Option<String>>(17)? {
        Some(job_id) => {
            let failed = row.get::<_, String>(18)? == "failed";
            Some(LastBackup {
                job_id: JobId(job_id),
                items: row.get(19)?,
                failure: if failed {
                    Some(row.get::<_, Option<String>>(20)?.unwrap_or_default())
                } else {
                    None
                },
                finished_at: rfc3339(row.get::<_, Option<i64>>(21)?.unwrap_or_default()),
            })
        }
        None => None,
    };
    let policy = match row.get::<_, String>(22)?.as_str() {
        "custom" => PolicyKind::Custom,
        _ => PolicyKind::Default,
    };
    let scheduled_until: i64 = row.get(23)?;
    let protected_users: u32 = row.get(29)?;
    let custom_policy: Option<String> = row.get(30)?;
    let status = if needs_reauthorization {
        OrganizationStatus::NeedsReauthorization
    } else if active_job.is_some() {
        OrganizationStatus::BackupRunning
    } else {
        match &last_backup {
            None => OrganizationStatus::NeverBackedUp,
            Some(last) if last.failure.is_some() => OrganizationStatus::LastBackupFailed,
            Some(_) => OrganizationStatus::Healthy,
        }
    };
    Ok(Organization {
        id: OrganizationId(row.get(0)?),
        tenant_id: row.get(1)?,
        name: row.get(2)?,
        primary_domain: row.get(3)?,
        user_count,
        connected_at: row.get(5)?,
        // Every protected user holds a licence, and only they do.
        protected_users,
        licences_used: protected_users,
        status,
        last_backup,
        active_job,
        policy,
        // Nothing can be backed up without consent, so nothing is scheduled either.
        next_backup_at: (!needs_reauthorization)
            .then(|| crate::policies::next_backup_after(custom_policy.as_deref(), scheduled_until))
            .flatten()
            .map(rfc3339),
        default_worker: worker_from_row_at(row, 24)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contoso() -> NewOrganization {
        NewOrganization {
            tenant_id: "6f1c2d4e-0000-4000-8000-000000000001".into(),
            name: "Contoso".into(),
            primary_domain: "contoso.onmicrosoft.com".into(),
            user_count: 250,
        }
    }

    #[test]
    fn organizations_survive_reopening_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let stored = Db::open(dir.path())
            .unwrap()
            .insert_organization(&contoso())
            .unwrap();
        let listed = Db::open(dir.path()).unwrap().list_organizations().unwrap();
        assert_eq!(listed, vec![stored]);
    }

    #[test]
    fn the_same_tenant_is_not_stored_twice() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        db.insert_organization(&contoso()).unwrap();
        assert!(matches!(
            db.insert_organization(&contoso()),
            Err(DbError::DuplicateTenant(_))
        ));
        assert_eq!(db.list_organizations().unwrap().len(), 1);
    }

    #[test]
    fn upserting_a_known_tenant_refreshes_it_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        let (first, existed) = db.upsert_organization(&contoso()).unwrap();
        assert!(!existed);
        let renamed = NewOrganization {
            name: "Contoso Group".into(),
            user_count: 260,
            ..contoso()
        };
        let (second, existed) = db.upsert_organization(&renamed).unwrap();
        assert!(existed);
        assert_eq!(second.id, first.id);
        assert_eq!(db.list_organizations().unwrap(), vec![second.clone()]);
        assert_eq!(
            (second.name.as_str(), second.user_count),
            ("Contoso Group", 260)
        );
    }

    #[test]
    fn the_status_follows_the_jobs_and_the_consent() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        let id = db.insert_organization(&contoso()).unwrap().id.0;
        let status = || db.organization(&id).unwrap().unwrap().status;
        assert_eq!(status(), OrganizationStatus::NeverBackedUp);

        db.queue_backup(&id, "job-1", None, 1_000).unwrap();
        let running = db.organization(&id).unwrap().unwrap();
        assert_eq!(running.status, OrganizationStatus::BackupRunning);
        assert_eq!(running.active_job.unwrap().id.0, "job-1");

        let done = xms_m365_contract::JobState::Succeeded { items: 9 };
        db.finish_job("job-1", &done, 2_000).unwrap();
        let healthy = db.organization(&id).unwrap().unwrap();
        assert_eq!(healthy.status, OrganizationStatus::Healthy);
        let last = healthy.last_backup.unwrap();
        assert_eq!((last.items, last.failure), (9, None));

        db.queue_backup(&id, "job-2", None, 3_000).unwrap();
        let failed = xms_m365_contract::JobState::Failed {
            reason: "Throttled.".into(),
        };
        db.finish_job("job-2", &failed, 4_000).unwrap();
        assert_eq!(status(), OrganizationStatus::LastBackupFailed);

        // A cancelled backup does not hide the last one that ran to an end.
        db.queue_backup(&id, "job-3", None, 5_000).unwrap();
        db.finish_job("job-3", &xms_m365_contract::JobState::Cancelled, 6_000)
            .unwrap();
        let after_cancel = db.organization(&id).unwrap().unwrap();
        assert_eq!(after_cancel.status, OrganizationStatus::LastBackupFailed);
        assert_eq!(after_cancel.last_backup.unwrap().job_id.0, "job-2");

        db.set_needs_reauthorization(&id).unwrap();
        assert_eq!(status(), OrganizationStatus::NeedsReauthorization);
        db.upsert_organization(&contoso()).unwrap();
        assert_eq!(
            status(),
            OrganizationStatus::LastBackupFailed,
            "connecting again renews consent"
        );
    }

    #[test]
    fn organizations_stored_before_workers_and_schedules_migrate_to_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
            migrate(&mut conn, &MIGRATIONS[..4]).unwrap();
            conn.execute(
                "INSERT INTO organizations (id, tenant_id, name, primary_domain, user_count,
                                            connected_at)
                 VALUES ('org-1', 'tenant-1', 'Contoso', 'contoso.onmicrosoft.com', 25,
                         '2024-01-01T08:00:00Z')",
                [],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO jobs (id, organization_id, state, created_at, finished_at)
                 VALUES ('job-1', 'org-1', 'succeeded', 1, 2)",
                [],
            )
            .unwrap();
        }
        let before_upgrade = crate::clock::Clock::system().now_ms() - 1_000;
        let db = Db::open(dir.path()).unwrap();
        let migrated = db.organization("org-1").unwrap().unwrap();
        assert_eq!(
            migrated.status,
            OrganizationStatus::Healthy,
            "jobs are kept"
        );
        assert_eq!(migrated.policy, PolicyKind::Default);
        assert_eq!(migrated.default_worker.id.0, "xopero-cloud-eu-west");
        // Served up to the upgrade: its next backup is the next run, not a catch-up now.
        let next = crate::scheduler::next_run_after(before_upgrade);
        let after_upgrade =
            crate::scheduler::next_run_after(crate::clock::Clock::system().now_ms());
        let next_backup_at = migrated.next_backup_at.unwrap();
        assert!(
            [rfc3339(next), rfc3339(after_upgrade)].contains(&next_backup_at),
            "{next_backup_at}"
        );
    }

    #[test]
    fn organizations_stored_before_licence_management_protect_every_user_automatically() {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
            migrate(&mut conn, &MIGRATIONS[..5]).unwrap();
            conn.execute(
                "INSERT INTO organizations (id, tenant_id, name, primary_domain, user_count)
                 VALUES ('org-1', 'tenant-1', 'Contoso', 'contoso.onmicrosoft.com', 25)",
                [],
            )
            .unwrap();
        }
        let db = Db::open(dir.path()).unwrap();
        let migrated = db.organization("org-1").unwrap().unwrap();
        assert_eq!((migrated.protected_users, migrated.licences_used), (25, 25));
        let settings = db.settings_view("org-1", None).unwrap().unwrap();
        assert_eq!(
            settings.settings.licence_mode,
            xms_m365_contract::LicenceMode::Automatic
        );
        // Protected users can never outnumber users, whatever writes them.
        assert!(
            db.conn()
                .execute(
                    "UPDATE organizations SET protected_users = 26 WHERE id = 'org-1'",
                    []
                )
                .is_err()
        );
    }

    #[test]
    fn connecting_again_keeps_licences_within_the_users_and_the_mode() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap().with_licences(300);
        let (first, _) = db.upsert_organization(&contoso()).unwrap();
        assert_eq!(first.protected_users, 250);
        let fewer = NewOrganization {
            user_count: 200,
            ..contoso()
        };
        assert_eq!(
            db.upsert_organization(&fewer).unwrap().0.protected_users,
            200
        );
        let more = NewOrganization {
            user_count: 400,
            ..contoso()
        };
        assert_eq!(
            db.upsert_organization(&more).unwrap().0.protected_users,
            300,
            "as many as the subscription has"
        );
        db.set_licensing(&first.id.0, xms_m365_contract::LicenceMode::Manual, 100)
            .unwrap();
        let manual = db.upsert_organization(&contoso()).unwrap().0;
        assert_eq!(
            (manual.user_count, manual.protected_users),
            (250, 100),
            "manual management protects no one by itself"
        );
    }

    #[test]
    fn a_write_waits_for_another_process_writing_instead_of_failing() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        // The server writing while `add-organization` stores one: its write ends a moment
        // later, after the command would have read what it then changes.
        let server = Connection::open(dir.path().join(DB_FILE)).unwrap();
        server
            .execute_batch("BEGIN IMMEDIATE; CREATE TABLE elsewhere (x INTEGER);")
            .unwrap();
        let done = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(300));
            server.execute_batch("COMMIT").unwrap();
        });
        let stored = db.insert_organization(&contoso());
        done.join().unwrap();
        assert!(stored.is_ok(), "{:?}", stored.err());
    }

    #[test]
    fn the_database_uses_write_ahead_logging() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        let mode: String = db
            .conn()
            .query_row("PRAGMA journal_mode", [], |row| row.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }
}
