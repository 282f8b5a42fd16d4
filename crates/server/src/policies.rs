//! Backup policies: the default policy every organization follows until a custom one is saved
//! (with `If-Match`, as for the settings), validating a policy field by field, the storages
//! copies can go to and the organization's Microsoft 365 groups a policy can be limited to.
//! When a policy runs comes from [`crate::schedule`].

use argon2::{Argon2, PasswordHasher, password_hash::SaltString};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use xms_m365_contract::{
    BackupKind, BackupScope, EncryptionAlgorithm, FieldError,
    FieldErrorCode::{
        InvalidDay, InvalidTime, NotApplicable, NotFound, NothingChosen, Required, TooLong,
        TooShort,
    },
    Frequency, Group, MAX_RETENTION_DAYS, MIN_DIFFERENTIAL_DAYS, MIN_PASSWORD_CHARS,
    OrganizationId, PlannedRun, Policy, PolicyKind, PolicyView, Retention, Schedule, SchedulePlan,
    Storage, StorageId, UserScope,
};

use crate::{
    db::{Db, DbError, SCHEDULED_UNTIL, rfc3339, stable_hash},
    organizations::{SaveError, etag, if_match_admits},
    schedule,
};

/// The storage of the default policy.
pub const DEFAULT_STORAGE: &str = "xopero-cloud-storage";
/// When the default policy runs, in UTC: the scheduler's Basic schedule.
pub const DEFAULT_TIME: &str = "22:00";
/// How many next runs a policy view and a preview list (plus the next full one if later).
pub const PLANNED_RUNS: usize = 5;

/// XMS's default policy: everything of every protected user, Basic at 22:00 UTC (what
/// [`crate::scheduler::next_run_after`] computes), full copies kept 90 days and incremental
/// ones 30, not encrypted, on the organization's default worker, in Xopero's cloud storage.
pub fn default_policy() -> Policy {
    Policy {
        scope: BackupScope {
            mail: true,
            calendars: true,
            contacts: true,
            shared_mailboxes: true,
            onedrive: true,
            sharepoint: true,
            groups: true,
            users: UserScope::AllProtected,
        },
        schedule: Schedule {
            plan: SchedulePlan::Basic {
                time: DEFAULT_TIME.to_owned(),
            },
            time_zone: "UTC".to_owned(),
        },
        retention: Retention::ByTime {
            full_days: 90,
            differential_days: None,
            incremental_days: 30,
        },
        encryption: EncryptionAlgorithm::Off,
        worker_id: None,
        storage_id: StorageId(DEFAULT_STORAGE.to_owned()),
    }
}

/// The policy ETag of an organization at `version`: distinct from its settings' ETags.
fn policy_etag(organization_id: &str, version: i64) -> String {
    etag(&format!("{organization_id}/policy"), version)
}

/// The group names an organization's groups are drawn from.
const GROUP_NAMES: [&str; 10] = [
    "Sales",
    "Finance",
    "IT Admins",
    "Marketing",
    "Legal",
    "Human Resources",
    "Engineering",
    "Customer Support",
    "Executive Team",
    "Operations",
];

/// An organization's Microsoft 365 groups, by name: "All Company" and three to seven others,
/// the same ones with the same ids every time (derived from the organization's id), sized
/// after its `user_count`.
pub fn groups(organization_id: &str, user_count: u32) -> Vec<Group> {
    let hash = |name: &str| stable_hash(organization_id.bytes().chain([0]).chain(name.bytes()));
    let mut others: Vec<&str> = GROUP_NAMES.to_vec();
    others.sort_by_key(|name| hash(name));
    let count = 3 + usize::try_from(stable_hash(organization_id.bytes()) % 5).unwrap_or(0);
    let group = |name: &str, members: u32| Group {
        id: format!("grp-{:016x}", hash(name)),
        name: name.to_owned(),
        members,
    };
    let mut groups: Vec<Group> = others
        .into_iter()
        .take(count)
        .map(|name| {
            // A tenth to a third of the users, at least one.
            let share = 10 + hash(name) % 24;
            let members = u64::from(user_count) * share / 100;
            group(name, u32::try_from(members).unwrap_or(u32::MAX).max(1))
        })
        .collect();
    groups.push(group("All Company", user_count));
    groups.sort_by(|a, b| a.name.cmp(&b.name));
    groups
}

/// The next runs of `policy` after `now` as a view lists them: the next
/// [`PLANNED_RUNS`], and the next full one too when it is later.
pub fn planned_runs(policy: &Policy, has_full: bool, now: i64) -> Vec<PlannedRun> {
    let Some(zone) = schedule::parse_zone(&policy.schedule.time_zone) else {
        return Vec::new();
    };
    let after = instant(now);
    let plan = &policy.schedule.plan;
    let mut runs = schedule::next_runs(plan, zone, after, has_full, PLANNED_RUNS);
    if !runs.iter().any(|run| run.kind == BackupKind::Full)
        && let Some(full) = schedule::next_full(plan, zone, after, has_full)
    {
        runs.push(full);
    }
    runs.into_iter()
        .map(|run| PlannedRun {
            at: rfc3339(run.at.timestamp_millis()),
            local: schedule::local_text(run.at, zone),
            kind: run.kind,
        })
        .collect()
}

fn instant(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// The stored custom policy, if it parses (it was validated before it was stored).
fn parse_policy(json: Option<&str>) -> Option<Policy> {
    serde_json::from_str(json?).ok()
}

/// When an organization's next backup is, its schedule served up to `scheduled_until` (Unix
/// ms): the custom policy's next run (`policy_json`), or the default policy's.
pub(crate) fn next_backup_after(policy_json: Option<&str>, scheduled_until: i64) -> Option<i64> {
    match parse_policy(policy_json) {
        Some(policy) => {
            let zone = schedule::parse_zone(&policy.schedule.time_zone)?;
            schedule::next_run(&policy.schedule.plan, zone, instant(scheduled_until))
                .map(|at| at.timestamp_millis())
        }
        None => Some(crate::scheduler::next_run_after(scheduled_until)),
    }
}

/// Which kind of backup an organization's schedule runs at its first run after
/// `scheduled_until` (Unix ms), supposing a full copy exists (without one, the backup is full
/// whatever this says): the custom policy's (`policy_json`), or the default policy's.
pub(crate) fn scheduled_kind(policy_json: Option<&str>, scheduled_until: i64) -> BackupKind {
    let policy = parse_policy(policy_json).unwrap_or_else(default_policy);
    schedule::parse_zone(&policy.schedule.time_zone)
        .and_then(|zone| {
            schedule::next_runs(
                &policy.schedule.plan,
                zone,
                instant(scheduled_until),
                true,
                1,
            )
            .first()
            .map(|run| run.kind)
        })
        .unwrap_or(BackupKind::Incremental)
}

/// How a policy's password is checked when saving: the one given, and the algorithm the
/// stored password is for, if one is stored.
#[derive(Debug, Clone, Copy)]
pub struct PasswordCheck<'a> {
    /// The new password, if one was sent.
    pub given: Option<&'a str>,
    /// The algorithm of the stored policy, when it has a password.
    pub current: Option<EncryptionAlgorithm>,
}

/// What is wrong with each field of `policy` for organization `organization_id` of
/// `user_count` users (all of it at once, as JSON paths); the password too when `password`
/// is given.
pub fn validate(
    conn: &Connection,
    organization_id: &str,
    user_count: u32,
    policy: &Policy,
    password: Option<PasswordCheck<'_>>,
) -> rusqlite::Result<Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut invalid = |error: FieldError| errors.push(error);

    let scope = &policy.scope;
    // Shared mailboxes widen what mail is backed up; alone they choose no data.
    if !(scope.mail
        || scope.calendars
        || scope.contacts
        || scope.onedrive
        || scope.sharepoint
        || scope.groups)
    {
        invalid(FieldError::new(
            "scope",
            NothingChosen,
            "Choose at least one kind of data to back up.",
        ));
    }
    if let UserScope::Groups { group_ids } = &scope.users {
        let known = groups(organization_id, user_count);
        if group_ids.is_empty() {
            invalid(FieldError::new(
                "scope.users",
                NothingChosen,
                "Choose at least one group, or back up all protected users.",
            ));
        } else if let Some(unknown) = group_ids
            .iter()
            .find(|id| !known.iter().any(|group| &group.id == *id))
        {
            invalid(FieldError::new(
                "scope.users",
                NotFound,
                format!(
                    "There is no group {unknown} in this organization. Choose among its groups."
                ),
            ));
        }
    }

    if schedule::parse_zone(&policy.schedule.time_zone).is_none() {
        invalid(FieldError::new(
            "schedule.time_zone",
            NotFound,
            format!(
                "There is no time zone {}. Choose one such as Europe/Warsaw or UTC.",
                policy.schedule.time_zone
            ),
        ));
    }
    for error in plan_errors(&policy.schedule.plan) {
        invalid(error);
    }

    if let Retention::ByTime {
        full_days,
        differential_days,
        incremental_days,
    } = policy.retention
    {
        let gfs = matches!(policy.schedule.plan, SchedulePlan::Gfs { .. });
        let too_long = |days: u32| days > MAX_RETENTION_DAYS;
        let too_long_error = |field: &str| {
            FieldError::new(
                field,
                TooLong,
                format!(
                    "Keep copies at most {MAX_RETENTION_DAYS} days; to keep them longer, keep \
                     them forever."
                ),
            )
            .limit(MAX_RETENTION_DAYS)
        };
        let (cycle, every) = full_cycle(&policy.schedule.plan);
        if full_days < cycle {
            invalid(
                FieldError::new(
                    "retention.full_days",
                    TooShort,
                    match every {
                        Some(every) => format!(
                            "Keep full copies at least {cycle} {}: a full backup runs {every}, \
                             and newer copies need it.",
                            days(cycle)
                        ),
                        None => "Keep the full copy at least 1 day.".to_owned(),
                    },
                )
                .limit(cycle),
            );
        } else if too_long(full_days) {
            invalid(too_long_error("retention.full_days"));
        }
        match (gfs, differential_days) {
            (false, Some(_)) => invalid(FieldError::new(
                "retention.differential_days",
                NotApplicable,
                "Only the GFS schedule makes differential copies: leave this empty.",
            )),
            (true, None) => invalid(
                FieldError::new(
                    "retention.differential_days",
                    Required,
                    differential_message(),
                )
                .limit(MIN_DIFFERENTIAL_DAYS),
            ),
            (true, Some(days)) if days < MIN_DIFFERENTIAL_DAYS => invalid(
                FieldError::new(
                    "retention.differential_days",
                    TooShort,
                    differential_message(),
                )
                .limit(MIN_DIFFERENTIAL_DAYS),
            ),
            (true, Some(days)) if too_long(days) => {
                invalid(too_long_error("retention.differential_days"));
            }
            _ => {}
        }
        if incremental_days < 1 {
            invalid(
                FieldError::new(
                    "retention.incremental_days",
                    TooShort,
                    "Keep incremental copies at least 1 day.",
                )
                .limit(1),
            );
        } else if too_long(incremental_days) {
            invalid(too_long_error("retention.incremental_days"));
        }
    }

    if let Some(check) = password
        && policy.encryption != EncryptionAlgorithm::Off
    {
        match check.given {
            Some(given) if given.chars().count() < MIN_PASSWORD_CHARS as usize => invalid(
                FieldError::new(
                    "encryption_password",
                    TooShort,
                    format!(
                        "The encryption password must have at least {MIN_PASSWORD_CHARS} \
                         characters."
                    ),
                )
                .limit(MIN_PASSWORD_CHARS),
            ),
            Some(_) => {}
            None if check.current != Some(policy.encryption) => invalid(
                FieldError::new(
                    "encryption_password",
                    Required,
                    format!(
                        "Enter an encryption password of at least {MIN_PASSWORD_CHARS} \
                         characters. Keep it safe: encrypted copies cannot be restored without \
                         it."
                    ),
                )
                .limit(MIN_PASSWORD_CHARS),
            ),
            None => {}
        }
    }

    if let Some(worker) = &policy.worker_id {
        let known: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM workers WHERE id = ?1)",
            [&worker.0],
            |row| row.get(0),
        )?;
        if !known {
            invalid(FieldError::new(
                "worker_id",
                NotFound,
                format!(
                    "There is no worker {}. Choose one of the listed workers.",
                    worker.0
                ),
            ));
        }
    }
    let known: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM storages WHERE id = ?1)",
        [&policy.storage_id.0],
        |row| row.get(0),
    )?;
    if !known {
        invalid(FieldError::new(
            "storage_id",
            NotFound,
            format!(
                "There is no storage {}. Choose one of the listed storages.",
                policy.storage_id.0
            ),
        ));
    }
    Ok(errors)
}

fn differential_message() -> String {
    format!(
        "Keep differential copies at least {MIN_DIFFERENTIAL_DAYS} days: a differential backup \
         runs weekly."
    )
}

fn days(count: u32) -> &'static str {
    if count == 1 { "day" } else { "days" }
}

/// The days between full backups and how often that is in words; no words when the plan
/// has no full cycle (forever incremental: its one full copy needs keeping at least a day).
fn full_cycle(plan: &SchedulePlan) -> (u32, Option<&'static str>) {
    match plan {
        SchedulePlan::Basic { .. } | SchedulePlan::Gfs { .. } => (31, Some("monthly")),
        SchedulePlan::Custom { full, .. } => match full.frequency {
            Frequency::Hourly => (1, Some("hourly")),
            Frequency::Daily => (1, Some("daily")),
            Frequency::Weekly => (7, Some("weekly")),
            Frequency::Monthly => (31, Some("monthly")),
        },
        SchedulePlan::ForeverIncremental { .. } => (1, None),
    }
}

/// What is wrong with each time and day of a plan, by JSON path.
fn plan_errors(plan: &SchedulePlan) -> Vec<FieldError> {
    const TIME: &str = "Enter the time as HH:MM, 24-hour, such as 22:00.";
    const DAY: &str = "Choose a day of the month from 1 to 31.";
    let mut errors = Vec::new();
    let mut time = |field: &str, text: &str| {
        if schedule::parse_time(text).is_none() {
            errors.push(FieldError::new(
                format!("schedule.plan.{field}"),
                InvalidTime,
                TIME,
            ));
        }
    };
    let mut days = Vec::new();
    match plan {
        SchedulePlan::Basic { time: text } => time("time", text),
        SchedulePlan::Gfs {
            time: text,
            full_day_of_month,
            ..
        } => {
            time("time", text);
            days.push(("full_day_of_month", *full_day_of_month));
        }
        SchedulePlan::Custom { full, incremental } => {
            time("full.time", &full.time);
            time("incremental.time", &incremental.time);
            if full.frequency == Frequency::Monthly {
                days.push(("full.day_of_month", full.day_of_month));
            }
            if incremental.frequency == Frequency::Monthly {
                days.push(("incremental.day_of_month", incremental.day_of_month));
            }
        }
        SchedulePlan::ForeverIncremental { incremental } => {
            time("incremental.time", &incremental.time);
            if incremental.frequency == Frequency::Monthly {
                days.push(("incremental.day_of_month", incremental.day_of_month));
            }
        }
    }
    errors.extend(
        days.into_iter()
            .filter(|(_, day)| !(1..=31).contains(day))
            .map(|(field, _)| FieldError::new(format!("schedule.plan.{field}"), InvalidDay, DAY)),
    );
    errors
}

/// A password as an Argon2id PHC string, salted with 16 random bytes.
fn hash_password(password: &str) -> Result<String, DbError> {
    let salt = SaltString::encode_b64(uuid::Uuid::new_v4().as_bytes())
        .map_err(|error| DbError::PasswordHash(error.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| DbError::PasswordHash(error.to_string()))
}

/// An organization's policy as stored.
struct Stored {
    custom: Option<Policy>,
    password_hash: Option<String>,
    version: i64,
    user_count: u32,
    has_full: bool,
}

impl Stored {
    fn read(conn: &Connection, id: &str) -> rusqlite::Result<Option<Self>> {
        conn.query_row(
            &format!(
                "SELECT p.policy, p.encryption_password_hash, o.policy_version, o.user_count,
                        {}
                 FROM organizations o LEFT JOIN policies p ON p.organization_id = o.id
                 WHERE o.id = ?1",
                crate::jobs::store::HAS_FULL_COPY
            ),
            [id],
            |row| {
                Ok(Self {
                    custom: parse_policy(row.get::<_, Option<String>>(0)?.as_deref()),
                    password_hash: row.get(1)?,
                    version: row.get(2)?,
                    user_count: row.get(3)?,
                    has_full: row.get(4)?,
                })
            },
        )
        .optional()
    }

    fn view(self, id: &str, now: i64) -> PolicyView {
        let kind = if self.custom.is_some() {
            PolicyKind::Custom
        } else {
            PolicyKind::Default
        };
        let policy = self.custom.unwrap_or_else(default_policy);
        PolicyView {
            organization_id: OrganizationId(id.to_owned()),
            kind,
            next_runs: planned_runs(&policy, self.has_full, now),
            policy,
            encryption_password_set: self.password_hash.is_some(),
            etag: policy_etag(id, self.version),
        }
    }
}

/// Checks `if_match` against the stored version, as for the settings.
fn check_version(stored: &Stored, id: &str, if_match: Option<&str>) -> Result<(), SaveError> {
    let if_match = if_match.ok_or(SaveError::PreconditionRequired)?;
    if if_match_admits(if_match, &policy_etag(id, stored.version)) {
        Ok(())
    } else {
        Err(SaveError::Stale)
    }
}

impl Db {
    /// An organization's policy view at `now` (Unix ms), `None` when there is no such
    /// organization.
    pub fn policy_view(&self, id: &str, now: i64) -> Result<Option<PolicyView>, DbError> {
        Ok(Stored::read(&self.conn(), id)?.map(|stored| stored.view(id, now)))
    }

    /// Saves a custom policy, if `if_match` admits the current version: validated as a
    /// whole, all or nothing. Its schedule starts at `now` (Unix ms): runs the new schedule
    /// would have had before are not owed.
    pub fn save_policy(
        &self,
        id: &str,
        if_match: Option<&str>,
        policy: &Policy,
        password: Option<&str>,
        now: i64,
    ) -> Result<PolicyView, SaveError> {
        // Hashed before taking the database: Argon2 is slow on purpose.
        let new_hash = match password {
            Some(given)
                if policy.encryption != EncryptionAlgorithm::Off
                    && given.chars().count() >= MIN_PASSWORD_CHARS as usize =>
            {
                Some(hash_password(given)?)
            }
            _ => None,
        };
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let stored = Stored::read(&tx, id)?.ok_or(SaveError::Unknown)?;
        check_version(&stored, id, if_match)?;
        let current = stored
            .password_hash
            .as_ref()
            .and(stored.custom.as_ref())
            .map(|custom| custom.encryption);
        let errors = validate(
            &tx,
            id,
            stored.user_count,
            policy,
            Some(PasswordCheck {
                given: password,
                current,
            }),
        )?;
        if !errors.is_empty() {
            return Err(SaveError::Invalid(errors));
        }
        // No encryption, no password; otherwise the new one or the one already set.
        let hash = if policy.encryption == EncryptionAlgorithm::Off {
            None
        } else {
            new_hash.or(stored.password_hash)
        };
        let json = serde_json::to_string(policy)
            .map_err(|error| DbError::PasswordHash(error.to_string()))?;
        tx.execute(
            "INSERT INTO policies (organization_id, policy, encryption_password_hash)
             VALUES (?1, ?2, ?3)
             ON CONFLICT (organization_id) DO UPDATE
             SET policy = excluded.policy,
                 encryption_password_hash = excluded.encryption_password_hash",
            params![id, json, hash],
        )?;
        bump(&tx, id, "custom", now)?;
        let view = Stored::read(&tx, id)?
            .ok_or(SaveError::Unknown)?
            .view(id, now);
        tx.commit()?;
        Ok(view)
    }

    /// Returns an organization to the default policy, if `if_match` admits the current
    /// version; its encryption password goes with the custom policy.
    pub fn delete_policy(
        &self,
        id: &str,
        if_match: Option<&str>,
        now: i64,
    ) -> Result<PolicyView, SaveError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let stored = Stored::read(&tx, id)?.ok_or(SaveError::Unknown)?;
        check_version(&stored, id, if_match)?;
        tx.execute("DELETE FROM policies WHERE organization_id = ?1", [id])?;
        bump(&tx, id, "default", now)?;
        let view = Stored::read(&tx, id)?
            .ok_or(SaveError::Unknown)?
            .view(id, now);
        tx.commit()?;
        Ok(view)
    }

    /// The next runs of `policy` for an organization at `now`, or what is wrong with it
    /// (everything but the password, which a preview does not send).
    pub fn preview_policy(
        &self,
        id: &str,
        policy: &Policy,
        now: i64,
    ) -> Result<Vec<PlannedRun>, SaveError> {
        let conn = self.conn();
        let stored = Stored::read(&conn, id)?.ok_or(SaveError::Unknown)?;
        let errors = validate(&conn, id, stored.user_count, policy, None)?;
        if !errors.is_empty() {
            return Err(SaveError::Invalid(errors));
        }
        Ok(planned_runs(policy, stored.has_full, now))
    }

    /// Every storage, by name.
    pub fn list_storages(&self) -> Result<Vec<Storage>, DbError> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare_cached("SELECT id, name, kind FROM storages ORDER BY name, id")?;
        let rows = stmt.query_map([], |row| {
            Ok(Storage {
                id: StorageId(row.get(0)?),
                name: row.get(1)?,
                kind: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// An organization's groups, `None` when there is no such organization.
    pub fn groups(&self, id: &str) -> Result<Option<Vec<Group>>, DbError> {
        let user_count: Option<u32> = self
            .conn()
            .query_row(
                "SELECT user_count FROM organizations WHERE id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()?;
        Ok(user_count.map(|users| groups(id, users)))
    }
}

/// Records a new policy version of `kind`, whose schedule is served up to `now` at least, so
/// that the tile's next backup is the new schedule's next run.
fn bump(conn: &Connection, id: &str, kind: &str, now: i64) -> rusqlite::Result<()> {
    conn.execute(
        &format!(
            "UPDATE organizations AS o
             SET policy_kind = ?2, policy_version = policy_version + 1,
                 scheduled_until = MAX({SCHEDULED_UNTIL}, ?3)
             WHERE id = ?1"
        ),
        params![id, kind, now],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_stable_believable_and_sorted() {
        let first = groups("org-1", 200);
        assert_eq!(first, groups("org-1", 200));
        assert!((4..=8).contains(&first.len()), "{first:?}");
        assert!(
            first
                .iter()
                .any(|g| g.name == "All Company" && g.members == 200)
        );
        assert!(first.windows(2).all(|w| w[0].name < w[1].name));
        assert!(first.iter().all(|g| (1..=200).contains(&g.members)));
        let other = groups("org-2", 200);
        assert_ne!(
            first.iter().map(|g| &g.id).collect::<Vec<_>>(),
            other.iter().map(|g| &g.id).collect::<Vec<_>>(),
            "ids differ per organization"
        );
        let sizes: std::collections::BTreeSet<usize> = (0..40)
            .map(|n| groups(&format!("org-{n}"), 10).len())
            .collect();
        assert_eq!(sizes.into_iter().collect::<Vec<_>>(), [4, 5, 6, 7, 8]);
    }

    #[test]
    fn passwords_are_stored_as_argon2_phc_strings() {
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(!hash.contains("correct horse"));
        assert_ne!(hash, hash_password("correct horse").unwrap(), "salted");
    }

    #[test]
    fn full_copies_must_outlive_the_full_cycle() {
        assert_eq!(
            full_cycle(&default_policy().schedule.plan),
            (31, Some("monthly"))
        );
    }
}
