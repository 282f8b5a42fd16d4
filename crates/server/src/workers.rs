//! The workers that run backups, in Xopero's cloud or on the customer's premises, and which
//! one backs up each organization. The reference server has a fixed set, stored by migration
//! `0005`: the main cloud worker `xopero-cloud-eu-west`, and the local `warsaw-office-nas`
//! (online) and `gdansk-branch-server` (offline).

use rusqlite::{OptionalExtension, Row};
use xms_m365_contract::{Worker, WorkerId, WorkerKind};

use crate::db::{Db, DbError};

/// The columns `worker_from_row_at` reads, of the table aliased `w`.
pub(crate) const WORKER_COLUMNS: &str = "w.id, w.name, w.kind, w.online, w.main";

/// A worker from `row`, whose columns from `at` on are those of [`WORKER_COLUMNS`].
pub(crate) fn worker_from_row_at(row: &Row<'_>, at: usize) -> rusqlite::Result<Worker> {
    Ok(Worker {
        id: WorkerId(row.get(at)?),
        name: row.get(at + 1)?,
        kind: match row.get::<_, String>(at + 2)?.as_str() {
            "local" => WorkerKind::Local,
            _ => WorkerKind::Cloud,
        },
        online: row.get(at + 3)?,
        main: row.get(at + 4)?,
    })
}

impl Db {
    /// Every worker, the main one first, then by name.
    pub fn list_workers(&self) -> Result<Vec<Worker>, DbError> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {WORKER_COLUMNS} FROM workers w
             ORDER BY w.main DESC, w.name COLLATE NOCASE, w.id"
        ))?;
        let rows = stmt.query_map([], |row| worker_from_row_at(row, 0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One worker by id.
    pub fn worker(&self, id: &str) -> Result<Option<Worker>, DbError> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {WORKER_COLUMNS} FROM workers w WHERE w.id = ?1"),
                [id],
                |row| worker_from_row_at(row, 0),
            )
            .optional()?)
    }

    /// Makes `worker_id` the worker that backs up an organization.
    pub fn set_default_worker(
        &self,
        organization_id: &str,
        worker_id: &str,
    ) -> Result<(), DbError> {
        let conn = self.conn();
        let known: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM workers WHERE id = ?1)",
            [worker_id],
            |row| row.get(0),
        )?;
        if !known {
            return Err(DbError::UnknownWorker(worker_id.to_owned()));
        }
        conn.execute(
            "UPDATE organizations SET default_worker_id = ?2 WHERE id = ?1",
            [organization_id, worker_id],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::NewOrganization;

    #[test]
    fn the_main_worker_comes_first_then_the_others_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let workers = Db::open(dir.path()).unwrap().list_workers().unwrap();
        let summary: Vec<_> = workers
            .iter()
            .map(|w| (w.id.0.as_str(), w.kind, w.online, w.main))
            .collect();
        assert_eq!(
            summary,
            [
                ("xopero-cloud-eu-west", WorkerKind::Cloud, true, true),
                ("gdansk-branch-server", WorkerKind::Local, false, false),
                ("warsaw-office-nas", WorkerKind::Local, true, false),
            ]
        );
        assert_eq!(workers[0].name, "Xopero Cloud (EU West)");
    }

    #[test]
    fn an_organization_is_backed_up_by_the_main_worker_unless_it_names_another() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        let id = db
            .insert_organization(&NewOrganization {
                tenant_id: "tenant-1".into(),
                name: "Contoso".into(),
                primary_domain: "contoso.onmicrosoft.com".into(),
                user_count: 10,
            })
            .unwrap()
            .id
            .0;
        let worker = || db.organization(&id).unwrap().unwrap().default_worker;
        assert_eq!(worker().id.0, "xopero-cloud-eu-west");

        db.set_default_worker(&id, "gdansk-branch-server").unwrap();
        assert_eq!(
            worker(),
            db.worker("gdansk-branch-server").unwrap().unwrap()
        );

        assert!(matches!(
            db.set_default_worker(&id, "no-such-worker"),
            Err(DbError::UnknownWorker(unknown)) if unknown == "no-such-worker"
        ));
        assert_eq!(worker().id.0, "gdansk-branch-server");
        // The foreign key holds even for a write that skips the check above.
        assert!(
            db.conn()
                .execute(
                    "UPDATE organizations SET default_worker_id = 'nope' WHERE id = ?1",
                    [&id],
                )
                .is_err()
        );
    }
}
