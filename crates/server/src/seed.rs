//! Generated organizations for demonstrations and benchmarks (`--seed-organizations N`): a
//! service provider's worth of tenants in every status, backed up by every worker (mostly the
//! main one), every third in manual licence management with some users unprotected, a few in
//! automatic management short of licences, each backed up with 30 nights of history behind
//! it, written in one transaction. Like `add-organization`, seeding sets up a scene rather
//! than running the licence rules: the subscription may end up overcommitted, which shows as
//! no free licences.

use rusqlite::params;
use xms_m365_contract::BackupKind;

use crate::{
    db::{Db, DbError},
    directory::Found,
    hash::stable_hash,
    history,
    store::{
        jobs::{self, PastRun},
        users, workers,
    },
};

/// How many nights of scheduled runs a seeded organization that was backed up has behind it.
const NIGHTS: i64 = 30;
/// Why a seeded run failed.
const THROTTLED: &str = "Microsoft Graph throttled the backup (HTTP 429 Too Many Requests). It will be retried at the next scheduled backup.";

const PREFIXES: &[&str] = &[
    "Adatum",
    "Alpine Ski",
    "Bellows",
    "Blue Yonder",
    "City Power",
    "Coho",
    "Consolidated",
    "Fourth Coffee",
    "Graphic Design",
    "Humongous",
    "Litware",
    "Lucerne",
    "Margie's Travel",
    "Nod",
    "Proseware",
    "Relecloud",
    "School of Fine Art",
    "Southridge",
    "Tailspin",
    "Trey",
    "VanArsdel",
    "Wide World",
    "Wingtip",
    "Woodgrove",
];
const SUFFIXES: &[&str] = &[
    "Airlines",
    "Bank",
    "Clinic",
    "Consulting",
    "Foods",
    "Games",
    "Insurance",
    "Labs",
    "Legal",
    "Logistics",
    "Media",
    "Motors",
    "Partners",
    "Publishing",
    "Retail",
    "Studios",
    "Toys",
    "Traders",
    "Video",
    "Winery",
];

/// Seeds organizations 1 to `count` that are not there yet; returns how many were added.
/// Numbered tenants make it idempotent: a second run with the same count adds nothing.
pub fn seed_organizations(db: &Db, count: u32, now: i64) -> Result<usize, DbError> {
    // The main worker comes first.
    db.write(|tx| seed(tx, count, now))
}

fn seed(tx: &rusqlite::Connection, count: u32, now: i64) -> Result<usize, DbError> {
    let workers: Vec<String> = workers::list(tx)?.into_iter().map(|w| w.id.0).collect();
    let mut added = 0;
    for n in 1..=count {
        let index = n as usize;
        let name = format!(
            "{} {} {n:04}",
            PREFIXES[index % PREFIXES.len()],
            SUFFIXES[(index / PREFIXES.len()) % SUFFIXES.len()]
        );
        let slug: String = name
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_lowercase();
        // A service provider's spread of sizes: mostly a handful to a hundred and fifty
        // users, every twenty-fifth up to a few thousand.
        let users = if n % 25 == 0 {
            300 + (n * 7919) % 2_500
        } else {
            5 + (n * 7919) % 150
        };
        let id = format!("seed-organization-{n:06}");
        // Seven in ten on the main worker, the rest spread over the others.
        let worker = match (n % 10, workers.len()) {
            (0..=6, _) | (_, 0 | 1) => None,
            (slot, others) => workers.get(1 + slot as usize % (others - 1)),
        };
        // Every third in manual licence management, with 10 to 20 % of its users unprotected
        // (users it gained since an administrator last chose), at least one; of the rest in
        // automatic management, every thirteenth short of licences for 5 to 10 % of its users;
        // the others protect everyone.
        let (mode, protected) = if n % 3 == 0 {
            ("manual", users - (users * (10 + n % 11)).div_ceil(100))
        } else if n % 13 == 0 {
            ("automatic", users - (users * (5 + n % 6)).div_ceil(100))
        } else {
            ("automatic", users)
        };
        let inserted = tx.execute(
            "INSERT OR IGNORE INTO organizations
             (id, tenant_id, name, primary_domain, user_count, needs_reauthorization,
              default_worker_id, licence_mode)
             VALUES (?1, ?2, ?3, ?4, 0, ?5,
                     COALESCE(?6, (SELECT id FROM workers WHERE main = 1)), ?7)",
            params![
                id,
                format!("00000000-0000-4000-8000-{n:012}"),
                name,
                format!("{slug}.onmicrosoft.com"),
                n % 11 == 0,
                worker,
                mode,
            ],
        )?;
        if inserted == 0 {
            continue;
        }
        added += 1;
        users::generate(tx, &id, users, (now, Found::WithDirectory))?;
        users::protect_first(tx, &id, protected, now)?;
        // Every fifth has never been backed up; every seventh failed its last one to three
        // nights; the rest succeeded last, at different times over the last day.
        if n % 5 == 0 {
            continue;
        }
        history_of(tx, &id, n, users, now)?;
    }
    Ok(added)
}

/// Seeded organization `n`'s nightly runs (`id`, with `users` users) up to `now`: the first
/// full, then incremental; about one night in twenty failed besides its failing streak.
fn history_of(
    tx: &rusqlite::Connection,
    id: &str,
    n: u32,
    users: u32,
    now: i64,
) -> Result<(), DbError> {
    let last_end = now - i64::from(n % 24) * 3_600_000 - 600_000;
    let failing_nights = if n.is_multiple_of(7) {
        1 + i64::from(n % 3)
    } else {
        0
    };
    let items = u64::from(users) * 37 + 120;
    for night in (0..NIGHTS).rev() {
        let job_id = format!("seed-job-{n:06}-{night:02}");
        let hash = stable_hash(job_id.bytes());
        // The full one, which the others build on, succeeded.
        let failed = night < failing_nights || (night > 0 && night < NIGHTS - 1 && hash % 20 == 0);
        // Ten to forty minutes, as the organization's size and the night have it.
        let duration = 600_000 + i64::try_from(hash % 1_800_000).unwrap_or(0);
        let finished = last_end - night * 86_400_000;
        let run = PastRun {
            id: job_id,
            organization_id: id,
            kind: if night == NIGHTS - 1 {
                BackupKind::Full
            } else {
                BackupKind::Incremental
            },
            times: (finished - duration - 30_000, finished - duration, finished),
            items: if failed { items * 3 / 5 } else { items },
            failure: failed.then_some(THROTTLED),
        };
        let names =
            users::protected_sample(tx, id, history::USERS_NAMED, history::spread(&run.id))?;
        let skipped = if failed {
            Vec::new()
        } else {
            history::skipped(&run.id, &names)
        };
        jobs::insert_past(tx, &run, history::bytes(&run.id, run.items), &skipped)?;
        if night == 0 {
            users::record_backup(tx, id, &run.id, !failed, finished)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use xms_m365_contract::{HistoryQuery, JobState, OrganizationStatus, RunResult};

    use super::*;

    #[test]
    fn seeds_every_status_once_and_only_once() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        assert_eq!(
            seed_organizations(&db, 1000, 1_800_000_000_000).unwrap(),
            1000
        );
        assert_eq!(seed_organizations(&db, 1000, 1_800_000_000_000).unwrap(), 0);
        let organizations = db.read(crate::store::organizations::list).unwrap();
        assert_eq!(organizations.len(), 1000);
        for status in [
            OrganizationStatus::Healthy,
            OrganizationStatus::LastBackupFailed,
            OrganizationStatus::NeedsReauthorization,
            OrganizationStatus::NeverBackedUp,
        ] {
            assert!(
                organizations.iter().any(|o| o.status == status),
                "no organization is {status:?}"
            );
        }
        let on = |worker: &str| {
            organizations
                .iter()
                .filter(|o| o.default_worker.id.0 == worker)
                .count()
        };
        assert!(on("xopero-cloud-eu-west") >= 650, "mostly the main worker");
        assert!(on("warsaw-office-nas") > 0);
        assert!(on("gdansk-branch-server") > 0, "some on the offline worker");
        let (short, chosen): (Vec<_>, Vec<_>) = organizations
            .iter()
            .filter(|o| o.protected_users < o.user_count)
            .partition(|o| o.licences_short > 0);
        assert!(
            (300..=340).contains(&chosen.len()),
            "every third has unprotected users: {}",
            chosen.len()
        );
        assert!((40..=60).contains(&short.len()), "{} short", short.len());
        for (organizations, mode, shares) in [
            (chosen, xms_m365_contract::LicenceMode::Manual, 9..=30),
            (short, xms_m365_contract::LicenceMode::Automatic, 4..=30),
        ] {
            for organization in organizations {
                let unprotected = organization.user_count - organization.protected_users;
                // At least one even of a handful of users.
                let share = unprotected * 100 / organization.user_count;
                assert!(shares.contains(&share), "{share} % unprotected");
                let settings = db
                    .read(|conn| {
                        crate::store::settings::view(conn, 5_000, &organization.id.0, None)
                    })
                    .unwrap()
                    .unwrap();
                assert_eq!(settings.settings.licence_mode, mode);
                if mode == xms_m365_contract::LicenceMode::Automatic {
                    assert_eq!(organization.licences_short, unprotected);
                }
            }
        }
        assert!(
            organizations
                .iter()
                .all(|o| o.licences_used == o.protected_users)
        );
        // Thirty nights each, but for those never backed up; the seventh failed its last two.
        let history = |n: u32, result: Option<RunResult>| {
            let query = HistoryQuery {
                result,
                page_size: 50,
                ..HistoryQuery::default()
            };
            db.read(|conn| {
                jobs::history(
                    conn,
                    &format!("seed-organization-{n:06}"),
                    &query,
                    (None, None),
                )
            })
            .unwrap()
            .unwrap()
        };
        let seventh = history(7, None);
        assert_eq!(seventh.total, 30);
        assert!(matches!(seventh.runs[0].state, JobState::Failed { .. }));
        assert!(matches!(seventh.runs[1].state, JobState::Failed { .. }));
        assert!(matches!(seventh.runs[29].state, JobState::Succeeded { .. }));
        assert_eq!(seventh.runs[29].kind, BackupKind::Full);
        assert!(
            seventh
                .runs
                .iter()
                .all(|run| run.duration_seconds.unwrap() >= 600)
        );
        assert_eq!(history(5, None).total, 0, "never backed up");
        let warned: u32 = (1..=40)
            .map(|n| history(n, Some(RunResult::Warnings)).total)
            .sum();
        assert!(
            warned > 100,
            "about a quarter of the runs skip items: {warned}"
        );
        let mut domains: Vec<_> = organizations.iter().map(|o| &o.primary_domain).collect();
        domains.sort();
        domains.dedup();
        assert_eq!(domains.len(), 1000, "domains are unique");
    }
}
