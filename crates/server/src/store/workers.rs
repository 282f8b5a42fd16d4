//! The workers that run backups, in Xopero's cloud or on the customer's premises. The
//! reference server has a fixed set, stored by migration `0005`: the main cloud worker
//! `xopero-cloud-eu-west`, and the local `warsaw-office-nas` (online) and
//! `gdansk-branch-server` (offline).

use rusqlite::{Connection, OptionalExtension, Row};
use xms_m365_contract::{Worker, WorkerId, WorkerKind};

use super::sql::Sql;

/// A worker's columns of the table aliased `alias`, in the order [`from_row_at`] reads them.
pub fn columns(alias: &str) -> String {
    ["id", "name", "kind", "online", "main"]
        .map(|column| format!("{alias}.{column}"))
        .join(", ")
}

/// A worker from `row`, whose columns from `at` on are those of [`columns`].
pub fn from_row_at(row: &Row<'_>, at: usize) -> rusqlite::Result<Worker> {
    Ok(Worker {
        id: WorkerId(row.get(at)?),
        name: row.get(at + 1)?,
        kind: row.get::<_, Sql<WorkerKind>>(at + 2)?.0,
        online: row.get(at + 3)?,
        main: row.get(at + 4)?,
    })
}

/// Every worker, the main one first, then by name.
pub fn list(conn: &Connection) -> rusqlite::Result<Vec<Worker>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM workers w ORDER BY w.main DESC, w.name COLLATE NOCASE, w.id",
        columns("w")
    ))?;
    let rows = stmt.query_map([], |row| from_row_at(row, 0))?;
    rows.collect()
}

/// One worker by id.
pub fn get(conn: &Connection, id: &str) -> rusqlite::Result<Option<Worker>> {
    conn.query_row(
        &format!("SELECT {} FROM workers w WHERE w.id = ?1", columns("w")),
        [id],
        |row| from_row_at(row, 0),
    )
    .optional()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    #[test]
    fn the_main_worker_comes_first_then_the_others_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let workers = Db::open(dir.path()).unwrap().read(list).unwrap();
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
}
