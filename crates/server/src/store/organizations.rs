//! The organizations as the dashboard lists them (with their backup summary, schedule, worker
//! and licences), stored, refreshed when connected again, and removed; what a demonstration
//! sets up on one; and how far each one's backup schedule and user syncs have been served.

use rusqlite::{Connection, OptionalExtension, Row, params};
use xms_m365_contract::{
    CredentialKind, CredentialProblem, Job, JobId, JobState, LastBackup, LicenceMode, Organization,
    OrganizationId, OrganizationStatus, PolicyKind,
};

use super::{
    jobs, licences,
    sql::{self, Sql},
    users, workers,
};
use crate::{clock::rfc3339, db::DbError, directory::Found};

/// A new organization to store.
#[derive(Debug, Clone)]
pub struct NewOrganization {
    /// The Microsoft Entra tenant id.
    pub tenant_id: String,
    /// Display name.
    pub name: String,
    /// Primary domain.
    pub primary_domain: String,
    /// Number of users in the tenant: its directory gets as many.
    pub user_count: u32,
}

/// Every organization, sorted by name.
pub fn list(conn: &Connection) -> rusqlite::Result<Vec<Organization>> {
    let mut stmt =
        conn.prepare_cached(&format!("{} ORDER BY o.name COLLATE NOCASE, o.id", *SELECT))?;
    let rows = stmt.query_map([], from_row)?;
    rows.collect()
}

/// One organization by XMS id.
pub fn get(conn: &Connection, id: &str) -> rusqlite::Result<Option<Organization>> {
    conn.query_row(&format!("{} WHERE o.id = ?1", *SELECT), [id], from_row)
        .optional()
}

/// An organization just written, which therefore exists.
fn stored(conn: &Connection, id: &str) -> rusqlite::Result<Organization> {
    conn.query_row(&format!("{} WHERE o.id = ?1", *SELECT), [id], from_row)
}

/// An organization's name and whether Microsoft still honours XMS's consent for it.
pub fn name_and_consent(conn: &Connection, id: &str) -> rusqlite::Result<Option<(String, bool)>> {
    conn.query_row(
        "SELECT name, needs_reauthorization = 0 FROM organizations WHERE id = ?1",
        [id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
    .optional()
}

/// An organization's user count, `None` when there is no such organization.
pub fn user_count(conn: &Connection, id: &str) -> rusqlite::Result<Option<u32>> {
    conn.query_row(
        "SELECT user_count FROM organizations WHERE id = ?1",
        [id],
        |row| row.get(0),
    )
    .optional()
}

/// Stores a new organization connected at `now`, in automatic licence management with as many
/// users protected as the `licences` of the subscription leave free, and returns it as listed.
pub fn insert(
    conn: &Connection,
    new: &NewOrganization,
    licences: u32,
    now: i64,
) -> Result<Organization, DbError> {
    let existing: Option<String> = conn
        .query_row(
            "SELECT id FROM organizations WHERE tenant_id = ?1",
            [&new.tenant_id],
            |row| row.get(0),
        )
        .optional()?;
    if existing.is_some() {
        return Err(DbError::DuplicateTenant(new.tenant_id.clone()));
    }
    let id = uuid::Uuid::new_v4().to_string();
    conn.execute(
        "INSERT INTO organizations (id, tenant_id, name, primary_domain, user_count,
                                    connected_at)
         VALUES (?1, ?2, ?3, ?4, 0, ?5)",
        params![
            id,
            new.tenant_id,
            new.name,
            new.primary_domain,
            rfc3339(now)
        ],
    )?;
    users::generate(conn, &id, new.user_count, (now, Found::WithDirectory))?;
    licences::protect_with_free(conn, licences, &id, now)?;
    Ok(stored(conn, &id)?)
}

/// Stores an organization, or refreshes the one with the same tenant id (connecting it again
/// also renews XMS's consent); returns it as listed and whether it was already there.
pub fn upsert(
    conn: &Connection,
    new: &NewOrganization,
    licences: u32,
    now: i64,
) -> Result<(Organization, bool), DbError> {
    // Users gone take their licences with them; new ones get licences as in a user sync.
    let refreshed: Option<String> = conn
        .query_row(
            "UPDATE organizations
             SET name = ?2, primary_domain = ?3, needs_reauthorization = 0
             WHERE tenant_id = ?1 RETURNING id",
            params![new.tenant_id, new.name, new.primary_domain],
            |row| row.get(0),
        )
        .optional()?;
    match refreshed {
        Some(id) => {
            users::resize(conn, &id, new.user_count, now)?;
            licences::protect_with_free(conn, licences, &id, now)?;
            Ok((stored(conn, &id)?, true))
        }
        None => Ok((insert(conn, new, licences, now)?, false)),
    }
}

/// Removes an organization and its jobs; the connection attempts that connected it forget
/// it. Returns its jobs that were queued or running, now ended as cancelled at `now` (their
/// workers are the caller's to stop), or `None` when there is no such organization.
pub fn remove(conn: &Connection, id: &str, now: i64) -> rusqlite::Result<Option<Vec<Job>>> {
    let active = jobs::active_of(conn, id)?;
    conn.execute(
        "UPDATE connections SET organization_id = NULL WHERE organization_id = ?1",
        [id],
    )?;
    // Its jobs go with it (ON DELETE CASCADE): they describe backups of nothing now.
    if conn.execute("DELETE FROM organizations WHERE id = ?1", [id])? == 0 {
        return Ok(None);
    }
    Ok(Some(
        active
            .into_iter()
            .map(|job| Job {
                state: JobState::Cancelled,
                finished_at: Some(rfc3339(now)),
                ..job
            })
            .collect(),
    ))
}

/// Makes every backup of an organization fail with `reason` (demonstrations and tests).
pub fn set_backup_failure(conn: &Connection, id: &str, reason: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE organizations SET backup_failure = ?2 WHERE id = ?1",
        params![id, reason],
    )?;
    Ok(())
}

/// Records that Microsoft no longer honours XMS's consent for an organization.
pub fn set_needs_reauthorization(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE organizations SET needs_reauthorization = 1 WHERE id = ?1",
        [id],
    )?;
    Ok(())
}

/// Makes `worker_id` the worker that backs up an organization.
pub fn set_default_worker(
    conn: &Connection,
    organization_id: &str,
    worker_id: &str,
) -> Result<(), DbError> {
    if workers::get(conn, worker_id)?.is_none() {
        return Err(DbError::UnknownWorker(worker_id.to_owned()));
    }
    conn.execute(
        "UPDATE organizations SET default_worker_id = ?2 WHERE id = ?1",
        [organization_id, worker_id],
    )?;
    Ok(())
}

/// Unix ms up to which an organization's (`o`) backup schedule has been served: since it was
/// connected until the scheduler first serves it.
pub(super) const SCHEDULED_UNTIL: &str =
    "COALESCE(o.scheduled_until, unixepoch(o.connected_at) * 1000)";

/// An organization whose schedule the scheduler looks at.
#[derive(Debug)]
pub struct Scheduled {
    /// Its id.
    pub id: String,
    /// Whether Microsoft refuses XMS its data until it is re-authorized.
    pub needs_reauthorization: bool,
    /// Whether a backup of it is queued or running.
    pub backup_active: bool,
    /// Its custom policy, if it has one.
    pub policy: Option<xms_m365_contract::Policy>,
    /// Unix ms up to which its schedule has been served.
    pub scheduled_until: i64,
}

/// The organizations whose schedule may have a run by now, the longest waiting first: every
/// one with a custom policy, and those of the default policy served before `default_due`
/// (the default schedule's last run by now).
pub fn scheduled(conn: &Connection, default_due: i64) -> rusqlite::Result<Vec<Scheduled>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT o.id, o.needs_reauthorization,
                EXISTS (SELECT 1 FROM jobs WHERE organization_id = o.id
                        AND state IN ('queued', 'running')),
                p.policy, {SCHEDULED_UNTIL}
         FROM organizations o
         LEFT JOIN policies p ON p.organization_id = o.id
         WHERE p.policy IS NOT NULL OR {SCHEDULED_UNTIL} < ?1
         ORDER BY {SCHEDULED_UNTIL}, o.name COLLATE NOCASE, o.id"
    ))?;
    let rows = stmt.query_map([default_due], |row| {
        Ok(Scheduled {
            id: row.get(0)?,
            needs_reauthorization: row.get(1)?,
            backup_active: row.get(2)?,
            policy: sql::policy_from_json(row.get::<_, Option<String>>(3)?.as_deref()),
            scheduled_until: row.get(4)?,
        })
    })?;
    rows.collect()
}

/// Records that an organization's schedule has been served up to `until` (Unix ms), or
/// further if it already was.
pub fn serve_schedule_until(conn: &Connection, id: &str, until: i64) -> rusqlite::Result<()> {
    conn.execute(
        &format!(
            "UPDATE organizations AS o SET scheduled_until = MAX({SCHEDULED_UNTIL}, ?2)
             WHERE id = ?1"
        ),
        params![id, until],
    )?;
    Ok(())
}

/// The organizations whose user sync is due at `now` (Unix ms), in id order: every
/// `period_ms` when given, else at each one's own interval. Those that need re-authorization
/// are left out, as Microsoft refuses XMS their users.
pub fn user_syncs_due(
    conn: &Connection,
    now: i64,
    period_ms: Option<i64>,
) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM organizations
         WHERE needs_reauthorization = 0
           AND COALESCE(last_user_sync_at, unixepoch(connected_at) * 1000)
               + COALESCE(?2, user_sync_interval_hours * 3600000) <= ?1
         ORDER BY id",
    )?;
    let rows = stmt.query_map(params![now, period_ms], |row| row.get(0))?;
    rows.collect()
}

/// How many user syncs an organization has had.
pub fn user_syncs(conn: &Connection, id: &str) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT user_syncs FROM organizations WHERE id = ?1",
        [id],
        |row| row.get(0),
    )
}

/// Records an organization's `sync`-th user sync at `now`, which found what `plan` says:
/// users gone take their licences with them, and in automatic licence management new users
/// get what of the `licences` are free.
pub fn record_user_sync(
    conn: &Connection,
    licences: u32,
    id: &str,
    plan: crate::directory::SyncPlan,
    sync: i64,
    now: i64,
) -> rusqlite::Result<()> {
    users::sync(conn, id, plan, now)?;
    conn.execute(
        "UPDATE organizations SET last_user_sync_at = ?2, user_syncs = ?3 WHERE id = ?1",
        params![id, now, sync],
    )?;
    licences::protect_with_free(conn, licences, id, now)?;
    Ok(())
}

/// An organization with its backup summary: the active job (at most one, by the unique
/// index), the last job that ran to an end, its policy (and the custom one's JSON), how far
/// its schedule has been served and its worker. Columns in the order `from_row` reads them.
static SELECT: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "SELECT o.id, o.tenant_id, o.name, o.primary_domain, o.user_count, o.connected_at,
                o.needs_reauthorization,
                {ACTIVE}, l.id, l.state, l.items_done, l.reason, l.finished_at,
                o.policy_kind, {SCHEDULED_UNTIL}, {WORKER}, o.protected_users, p.policy,
                o.licence_mode, c.expires_at, c.problem, c.kind
         FROM organizations o
         JOIN workers w ON w.id = o.default_worker_id
         LEFT JOIN organization_credentials c ON c.organization_id = o.id
         LEFT JOIN policies p ON p.organization_id = o.id
         LEFT JOIN jobs a ON a.organization_id = o.id AND a.state IN ('queued', 'running')
         LEFT JOIN jobs l ON l.id = (
             SELECT id FROM jobs
             WHERE organization_id = o.id AND state IN ('succeeded', 'failed')
             ORDER BY finished_at DESC, rowid DESC LIMIT 1
         )",
        ACTIVE = jobs::columns("a"),
        WORKER = workers::columns("w"),
    )
});

fn from_row(row: &Row<'_>) -> rusqlite::Result<Organization> {
    let needs_reauthorization: bool = row.get(6)?;
    let active_job = match row.get::<_, Option<String>>(7)? {
        Some(_) => Some(jobs::from_row_at(row, 7)?),
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
    let policy: Sql<PolicyKind> = row.get(22)?;
    let scheduled_until: i64 = row.get(23)?;
    let protected_users: u32 = row.get(29)?;
    let custom_policy = sql::policy_from_json(row.get::<_, Option<String>>(30)?.as_deref());
    let user_count: u32 = row.get(4)?;
    let licence_mode: Sql<LicenceMode> = row.get(31)?;
    let credential_expires_at: Option<i64> = row.get(32)?;
    let credential_kind: Option<Sql<CredentialKind>> = row.get(34)?;
    let expires = |kind: CredentialKind| {
        credential_expires_at
            .filter(|_| credential_kind.as_ref().is_some_and(|k| k.0 == kind))
            .map(rfc3339)
    };
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
        // Automatic management protects every user it has a licence for (see `licences`).
        licences_short: match licence_mode.0 {
            LicenceMode::Automatic => user_count.saturating_sub(protected_users),
            LicenceMode::Manual => 0,
        },
        status,
        secret_expires_at: expires(CredentialKind::ClientSecret),
        certificate_expires_at: expires(CredentialKind::Certificate),
        credential_problem: row
            .get::<_, Option<Sql<CredentialProblem>>>(33)?
            .map(|problem| problem.0),
        last_backup,
        active_job,
        policy: policy.0,
        // Nothing can be backed up without consent, so nothing is scheduled either.
        next_backup_at: (!needs_reauthorization)
            .then(|| crate::policies::next_backup_after(custom_policy.as_ref(), scheduled_until))
            .flatten()
            .map(rfc3339),
        default_worker: workers::from_row_at(row, 24)?,
    })
}

#[cfg(test)]
mod tests {
    use xms_m365_contract::LicenceMode;

    use super::*;
    use crate::db::Db;

    fn contoso() -> NewOrganization {
        NewOrganization {
            tenant_id: "6f1c2d4e-0000-4000-8000-000000000001".into(),
            name: "Contoso".into(),
            primary_domain: "contoso.onmicrosoft.com".into(),
            user_count: 250,
        }
    }

    const NOW: i64 = 1_800_000_000_000;

    fn add(db: &Db, new: &NewOrganization) -> Result<Organization, DbError> {
        db.write(|tx| insert(tx, new, 5_000, NOW))
    }

    fn upserted(db: &Db, licences: u32, new: &NewOrganization) -> (Organization, bool) {
        db.write(|tx| upsert(tx, new, licences, NOW)).unwrap()
    }

    #[test]
    fn organizations_survive_reopening_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let stored = add(&Db::open(dir.path()).unwrap(), &contoso()).unwrap();
        let listed = Db::open(dir.path()).unwrap().read(list).unwrap();
        assert_eq!(listed, vec![stored]);
    }

    #[test]
    fn the_same_tenant_is_not_stored_twice() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        add(&db, &contoso()).unwrap();
        assert!(matches!(
            add(&db, &contoso()),
            Err(DbError::DuplicateTenant(_))
        ));
        assert_eq!(db.read(list).unwrap().len(), 1);
    }

    #[test]
    fn upserting_a_known_tenant_refreshes_it_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        let (first, existed) = upserted(&db, 5_000, &contoso());
        assert!(!existed);
        let renamed = NewOrganization {
            name: "Contoso Group".into(),
            user_count: 260,
            ..contoso()
        };
        let (second, existed) = upserted(&db, 5_000, &renamed);
        assert!(existed);
        assert_eq!(second.id, first.id);
        assert_eq!(db.read(list).unwrap(), vec![second.clone()]);
        assert_eq!(
            (second.name.as_str(), second.user_count),
            ("Contoso Group", 260)
        );
    }

    #[test]
    fn the_status_follows_the_jobs_and_the_consent() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        let id = add(&db, &contoso()).unwrap().id.0;
        let organization = || db.read(|conn| get(conn, &id)).unwrap().unwrap();
        let status = || organization().status;
        assert_eq!(status(), OrganizationStatus::NeverBackedUp);
        let queue = |job: &str, at: i64| {
            db.write(|tx| jobs::queue_backup(tx, &id, job, None, at))
                .unwrap()
        };
        let finish = |job: &str, end: &JobState, at: i64| {
            db.read(|conn| jobs::finish(conn, job, end, at)).unwrap()
        };

        queue("job-1", 1_000);
        let running = organization();
        assert_eq!(running.status, OrganizationStatus::BackupRunning);
        assert_eq!(running.active_job.unwrap().id.0, "job-1");

        finish("job-1", &JobState::Succeeded { items: 9 }, 2_000);
        let healthy = organization();
        assert_eq!(healthy.status, OrganizationStatus::Healthy);
        let last = healthy.last_backup.unwrap();
        assert_eq!((last.items, last.failure), (9, None));

        queue("job-2", 3_000);
        let failed = JobState::Failed {
            reason: "Throttled.".into(),
        };
        finish("job-2", &failed, 4_000);
        assert_eq!(status(), OrganizationStatus::LastBackupFailed);

        // A cancelled backup does not hide the last one that ran to an end.
        queue("job-3", 5_000);
        finish("job-3", &JobState::Cancelled, 6_000);
        let after_cancel = organization();
        assert_eq!(after_cancel.status, OrganizationStatus::LastBackupFailed);
        assert_eq!(after_cancel.last_backup.unwrap().job_id.0, "job-2");

        db.read(|conn| set_needs_reauthorization(conn, &id))
            .unwrap();
        assert_eq!(status(), OrganizationStatus::NeedsReauthorization);
        upserted(&db, 5_000, &contoso());
        assert_eq!(
            status(),
            OrganizationStatus::LastBackupFailed,
            "connecting again renews consent"
        );
    }

    #[test]
    fn connecting_again_keeps_licences_within_the_users_and_the_mode() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        let (first, _) = upserted(&db, 300, &contoso());
        assert_eq!(first.protected_users, 250);
        let fewer = NewOrganization {
            user_count: 200,
            ..contoso()
        };
        assert_eq!(upserted(&db, 300, &fewer).0.protected_users, 200);
        let more = NewOrganization {
            user_count: 400,
            ..contoso()
        };
        assert_eq!(
            upserted(&db, 300, &more).0.protected_users,
            300,
            "as many as the subscription has"
        );
        db.read(|conn| licences::set(conn, &first.id.0, LicenceMode::Manual, 100, NOW))
            .unwrap();
        let manual = upserted(&db, 300, &contoso()).0;
        assert_eq!(
            (manual.user_count, manual.protected_users),
            (250, 100),
            "manual management protects no one by itself"
        );
    }

    #[test]
    fn an_organization_is_backed_up_by_the_main_worker_unless_it_names_another() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        let id = add(&db, &contoso()).unwrap().id.0;
        let worker = || {
            db.read(|conn| get(conn, &id))
                .unwrap()
                .unwrap()
                .default_worker
        };
        assert_eq!(worker().id.0, "xopero-cloud-eu-west");

        db.read(|conn| set_default_worker(conn, &id, "gdansk-branch-server"))
            .unwrap();
        assert_eq!(
            Some(worker()),
            db.read(|conn| workers::get(conn, "gdansk-branch-server"))
                .unwrap()
        );

        assert!(matches!(
            db.read(|conn| set_default_worker(conn, &id, "no-such-worker")),
            Err(DbError::UnknownWorker(unknown)) if unknown == "no-such-worker"
        ));
        assert_eq!(worker().id.0, "gdansk-branch-server");
        // The foreign key holds even for a write that skips the check above.
        assert!(
            db.read(|conn| conn.execute(
                "UPDATE organizations SET default_worker_id = 'nope' WHERE id = ?1",
                [&id],
            ))
            .is_err()
        );
    }
}
