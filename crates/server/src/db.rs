//! The reference server's SQLite files: opened under the data directory in WAL mode, their
//! schema migrated forward at start-up, and storage calls run on them (in one immediate
//! transaction when they write, off the async threads when a handler makes them). What is
//! stored, and how, is each aggregate's own: [`crate::store`].

use std::{
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
};

use rusqlite::{Connection, Transaction, TransactionBehavior};
use rusqlite_migration::{M, Migrations};

/// XMS's database file inside the data directory.
pub const DB_FILE: &str = "xms.sqlite3";

/// XMS's schema, oldest first. Never edit a migration that has shipped: add a new one.
pub const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_organizations.sql"),
    include_str!("../migrations/0002_authority.sql"),
    include_str!("../migrations/0003_connections.sql"),
    include_str!("../migrations/0004_jobs.sql"),
    include_str!("../migrations/0005_workers_and_schedules.sql"),
    include_str!("../migrations/0006_settings_and_licences.sql"),
    include_str!("../migrations/0007_policies.sql"),
    include_str!("../migrations/0008_sessions.sql"),
    include_str!("../migrations/0009_job_kinds.sql"),
    include_str!("../migrations/0010_authority_apart.sql"),
    include_str!("../migrations/0011_users.sql"),
    include_str!("../migrations/0012_users_sorted_by_kind_and_state.sql"),
    include_str!("../migrations/0013_backup_history.sql"),
    include_str!("../migrations/0014_application_credentials.sql"),
    include_str!("../migrations/0015_credential_health.sql"),
    include_str!("../migrations/0016_certificates.sql"),
];

/// Runs a storage call off the async threads, for handlers and services; its error type is
/// the caller's (anything a storage failure converts into).
pub async fn run_blocking<T, E>(
    call: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> Result<T, E>
where
    T: Send + 'static,
    E: From<DbError> + Send + 'static,
{
    tokio::task::spawn_blocking(call)
        .await
        .map_err(|error| E::from(DbError::Interrupted(error)))?
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
    /// The thread running a storage call died before it answered.
    #[error("a storage call stopped before it ended: {0}")]
    Interrupted(tokio::task::JoinError),
    /// An organization with this tenant id is already stored.
    #[error("the tenant {0} is already connected")]
    DuplicateTenant(String),
    /// There is no worker with this id.
    #[error("there is no worker {0}")]
    UnknownWorker(String),
}

/// A handle to one database, cheap to clone; calls block, so async code runs them with
/// [`run_blocking`].
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
}

impl Db {
    /// Opens (creating if needed) XMS's database in `data_dir` and migrates it.
    pub fn open(data_dir: &Path) -> Result<Self, DbError> {
        Self::open_file(data_dir, DB_FILE, MIGRATIONS)
    }

    /// Opens (creating if needed) the database `file` in `data_dir` and brings it up to
    /// `migrations`.
    pub fn open_file(
        data_dir: &Path,
        file: &str,
        migrations: &[&'static str],
    ) -> Result<Self, DbError> {
        std::fs::create_dir_all(data_dir).map_err(|source| DbError::DataDir {
            path: data_dir.to_owned(),
            source,
        })?;
        let mut conn = Connection::open(data_dir.join(file))?;
        // Another process (the `add-organization` command, a test) may write at the same time;
        // set before anything else, since choosing the journal mode already takes a lock.
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        migrate(&mut conn, migrations)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `call` on the connection: reads, and single statements that need no transaction.
    pub fn read<T, E: From<rusqlite::Error>>(
        &self,
        call: impl FnOnce(&Connection) -> Result<T, E>,
    ) -> Result<T, E> {
        call(&self.lock())
    }

    /// Runs the read `call` off the async threads (see [`run_blocking`]), for handlers and
    /// services.
    pub async fn query<T, E>(
        &self,
        call: impl FnOnce(&Connection) -> Result<T, E> + Send + 'static,
    ) -> Result<T, DbError>
    where
        T: Send + 'static,
        E: From<rusqlite::Error> + Send + 'static,
        DbError: From<E>,
    {
        let db = self.clone();
        run_blocking(move || Ok(db.read(call)?)).await
    }

    /// Runs `call` in a transaction that holds the write lock from its start (`BEGIN
    /// IMMEDIATE`), committed when it succeeds: what it read stays current until it writes,
    /// even with another process writing the same file, which a deferred transaction would
    /// fail at once with `database is locked`.
    pub fn write<T, E: From<rusqlite::Error>>(
        &self,
        call: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let answer = call(&tx)?;
        tx.commit()?;
        Ok(answer)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite inconsistent (each statement is
        // atomic, a transaction not committed rolls back), so a poisoned lock is still safe.
        self.conn
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
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

#[cfg(test)]
mod tests {
    use xms_m365_contract::{LicenceMode, OrganizationStatus, PolicyKind};

    use super::*;
    use crate::{
        clock::{Clock, rfc3339},
        store::{organizations, settings},
    };

    /// A data directory as a server of an older schema (the first `migrations`) left it.
    fn made_by(migrations: usize, setup: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        migrate(&mut conn, &MIGRATIONS[..migrations]).unwrap();
        conn.execute_batch(setup).unwrap();
        dir
    }

    #[test]
    fn organizations_stored_before_workers_and_schedules_migrate_to_the_defaults() {
        let dir = made_by(
            4,
            "INSERT INTO organizations (id, tenant_id, name, primary_domain, user_count,
                                        connected_at)
             VALUES ('org-1', 'tenant-1', 'Contoso', 'contoso.onmicrosoft.com', 25,
                     '2024-01-01T08:00:00Z');
             INSERT INTO jobs (id, organization_id, state, created_at, finished_at)
             VALUES ('job-1', 'org-1', 'succeeded', 1, 2);",
        );
        let before_upgrade = Clock::system().now_ms() - 1_000;
        let db = Db::open(dir.path()).unwrap();
        let migrated = db
            .read(|conn| organizations::get(conn, "org-1"))
            .unwrap()
            .unwrap();
        assert_eq!(
            migrated.status,
            OrganizationStatus::Healthy,
            "jobs are kept"
        );
        assert_eq!(migrated.policy, PolicyKind::Default);
        assert_eq!(migrated.default_worker.id.0, "xopero-cloud-eu-west");
        // Served up to the upgrade: its next backup is the next run, not a catch-up now.
        let next = crate::policies::next_backup_after(None, before_upgrade);
        let after_upgrade = crate::policies::next_backup_after(None, Clock::system().now_ms());
        let next_backup_at = migrated.next_backup_at.unwrap();
        assert!(
            [next.map(rfc3339), after_upgrade.map(rfc3339)].contains(&Some(next_backup_at.clone())),
            "{next_backup_at}"
        );
    }

    #[test]
    fn organizations_stored_before_licence_management_protect_every_user_automatically() {
        let dir = made_by(
            5,
            "INSERT INTO organizations (id, tenant_id, name, primary_domain, user_count)
             VALUES ('org-1', 'tenant-1', 'Contoso', 'contoso.onmicrosoft.com', 25);",
        );
        let db = Db::open(dir.path()).unwrap();
        let migrated = db
            .read(|conn| organizations::get(conn, "org-1"))
            .unwrap()
            .unwrap();
        assert_eq!((migrated.protected_users, migrated.licences_used), (25, 25));
        let settings = db
            .read(|conn| settings::view(conn, 5_000, "org-1", None))
            .unwrap()
            .unwrap();
        assert_eq!(settings.settings.licence_mode, LicenceMode::Automatic);
        // Protected users can never outnumber users, whatever writes them.
        assert!(
            db.read(|conn| conn.execute(
                "UPDATE organizations SET protected_users = 26 WHERE id = 'org-1'",
                []
            ))
            .is_err()
        );
    }

    #[test]
    fn a_data_directory_of_the_server_before_the_authority_stood_apart_opens_with_everything_kept()
    {
        let dir = made_by(
            9,
            "INSERT INTO organizations (id, tenant_id, name, primary_domain, user_count,
                                        licence_mode, protected_users, policy_kind)
             VALUES ('org-1', 'tenant-1', 'Contoso', 'contoso.onmicrosoft.com', 25, 'manual',
                     20, 'custom');
             INSERT INTO policies (organization_id, policy) VALUES ('org-1', '{}');
             INSERT INTO jobs (id, organization_id, state, created_at, finished_at, kind)
             VALUES ('job-1', 'org-1', 'failed', 1, 2, 'full');
             INSERT INTO sessions (id, csrf_token, last_used) VALUES ('s', 't', 1);
             INSERT INTO device_authorizations (device_code, user_code, client_id, scope,
                                                tenant_hint, expires_at, interval_secs)
             VALUES ('d', 'U', 'c', 's', 'organizations', 1, 5);",
        );
        let db = Db::open(dir.path()).unwrap();
        let kept = db
            .read(|conn| organizations::get(conn, "org-1"))
            .unwrap()
            .unwrap();
        assert_eq!(kept.protected_users, 20);
        assert_eq!(kept.status, OrganizationStatus::LastBackupFailed);
        let authority_tables: i64 = db
            .read(|conn| {
                conn.query_row(
                    "SELECT COUNT(*) FROM sqlite_schema
                     WHERE name IN ('device_authorizations', 'access_tokens')",
                    [],
                    |row| row.get(0),
                )
            })
            .unwrap();
        assert_eq!(
            authority_tables, 0,
            "the authority's tables are its own now"
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
        let stored = db.write(|tx| {
            let count: i64 =
                tx.query_row("SELECT COUNT(*) FROM organizations", [], |row| row.get(0))?;
            tx.execute("UPDATE organizations SET name = name WHERE ?1 < 0", [count])
        });
        done.join().unwrap();
        assert!(stored.is_ok(), "{:?}", stored.err());
    }

    #[test]
    fn the_database_uses_write_ahead_logging() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        let mode: String = db
            .read(|conn| conn.query_row("PRAGMA journal_mode", [], |row| row.get(0)))
            .unwrap();
        assert_eq!(mode, "wal");
    }
}
