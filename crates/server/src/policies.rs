//! Backup policies: the default policy every organization follows until a custom one is saved,
//! validating a policy field by field (a pure function over what the caller loaded: the
//! workers, the storages, the organization's groups), hashing its encryption password, and
//! when a policy runs next (with [`crate::schedule`], the one engine for the default and custom
//! policies alike).

use std::sync::LazyLock;

use argon2::{Argon2, PasswordHasher, password_hash::SaltString};
use chrono::{DateTime, Utc};
use xms_m365_contract::{
    BackupKind, BackupScope, EncryptionAlgorithm, FieldError,
    FieldErrorCode::{
        InvalidDay, InvalidTime, NotApplicable, NotFound, NothingChosen, Required, TooLong,
        TooShort,
    },
    Frequency, Group, MAX_RETENTION_DAYS, MIN_DIFFERENTIAL_DAYS, MIN_PASSWORD_CHARS, PlannedRun,
    Policy, Retention, Schedule, SchedulePlan, Storage, StorageId, UserScope, Worker,
};

use crate::{clock::rfc3339, schedule};

/// The storage of the default policy.
pub const DEFAULT_STORAGE: &str = "xopero-cloud-storage";
/// When the default policy runs, in UTC: the scheduler's Basic schedule.
pub const DEFAULT_TIME: &str = "22:00";
/// How many next runs a policy view and a preview list (plus the next full one if later).
pub const PLANNED_RUNS: usize = 5;

/// XMS's default policy: everything of every protected user, Basic at 22:00 UTC (incremental
/// daily, full on the 1st), full copies kept 90 days and incremental ones 30, not encrypted,
/// on the organization's default worker, in Xopero's cloud storage.
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

/// The default policy, made once: every tile of the default policy computes its next backup
/// with it.
static DEFAULT: LazyLock<Policy> = LazyLock::new(default_policy);

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

/// When an organization's next backup is, its schedule served up to `scheduled_until` (Unix
/// ms): its custom policy's next run, or the default policy's.
pub fn next_backup_after(custom: Option<&Policy>, scheduled_until: i64) -> Option<i64> {
    let policy = custom.unwrap_or(&DEFAULT);
    let zone = schedule::parse_zone(&policy.schedule.time_zone)?;
    schedule::next_run(&policy.schedule.plan, zone, instant(scheduled_until))
        .map(|at| at.timestamp_millis())
}

/// The default policy's last run at or before `now` (Unix ms): an organization of the default
/// policy whose schedule was served before it is due. It runs daily, so its last run is among
/// its runs of the last two days.
pub fn last_default_run_by(now: i64) -> i64 {
    const TWO_DAYS_MS: i64 = 2 * 24 * 3_600_000;
    let since = now.saturating_sub(TWO_DAYS_MS);
    let zone = schedule::parse_zone(&DEFAULT.schedule.time_zone).unwrap_or_default();
    schedule::next_runs(&DEFAULT.schedule.plan, zone, instant(since), true, 3)
        .into_iter()
        .map(|run| run.at.timestamp_millis())
        .filter(|&at| at <= now)
        .max()
        .unwrap_or(since)
}

/// Which kind of backup an organization's schedule runs at its first run after
/// `scheduled_until` (Unix ms), supposing a full copy exists (without one, the backup is full
/// whatever this says): its custom policy's, or the default policy's.
pub fn scheduled_kind(custom: Option<&Policy>, scheduled_until: i64) -> BackupKind {
    let policy = custom.unwrap_or(&DEFAULT);
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

/// What a policy is validated against: what of XMS and of the organization it may name.
#[derive(Debug, Clone, Copy)]
pub struct Offered<'a> {
    /// The workers.
    pub workers: &'a [Worker],
    /// The storages.
    pub storages: &'a [Storage],
    /// The organization's groups.
    pub groups: &'a [Group],
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

/// What is wrong with each field of `policy` (all of it at once, as JSON paths) when it may
/// name what is `offered`; the password too when `password` is given.
pub fn validate(
    policy: &Policy,
    offered: Offered<'_>,
    password: Option<PasswordCheck<'_>>,
) -> Vec<FieldError> {
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
        if group_ids.is_empty() {
            invalid(FieldError::new(
                "scope.users",
                NothingChosen,
                "Choose at least one group, or back up all protected users.",
            ));
        } else if let Some(unknown) = group_ids
            .iter()
            .find(|id| !offered.groups.iter().any(|group| &group.id == *id))
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

    if let Some(worker) = &policy.worker_id
        && !offered.workers.iter().any(|known| &known.id == worker)
    {
        invalid(FieldError::new(
            "worker_id",
            NotFound,
            format!(
                "There is no worker {}. Choose one of the listed workers.",
                worker.0
            ),
        ));
    }
    if !offered
        .storages
        .iter()
        .any(|known| known.id == policy.storage_id)
    {
        invalid(FieldError::new(
            "storage_id",
            NotFound,
            format!(
                "There is no storage {}. Choose one of the listed storages.",
                policy.storage_id.0
            ),
        ));
    }
    errors
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

/// The encryption password could not be hashed.
#[derive(Debug, thiserror::Error)]
#[error("cannot hash the encryption password: {0}")]
pub struct HashError(String);

/// The hash to store for a policy saved with the encryption password `given`: a new one's
/// when one long enough was given for an encrypted policy, else none (the stored one stays,
/// if the policy stays encrypted). Slow on purpose (Argon2), so computed before the database
/// is taken.
pub fn new_password_hash(
    policy: &Policy,
    given: Option<&str>,
) -> Result<Option<String>, HashError> {
    match given {
        Some(given)
            if policy.encryption != EncryptionAlgorithm::Off
                && given.chars().count() >= MIN_PASSWORD_CHARS as usize =>
        {
            hash_password(given).map(Some)
        }
        _ => Ok(None),
    }
}

/// A password as an Argon2id PHC string, salted with 16 random bytes.
fn hash_password(password: &str) -> Result<String, HashError> {
    let salt = SaltString::encode_b64(uuid::Uuid::new_v4().as_bytes())
        .map_err(|error| HashError(error.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| HashError(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_stored_as_argon2_phc_strings() {
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(!hash.contains("correct horse"));
        assert_ne!(hash, hash_password("correct horse").unwrap(), "salted");
    }

    fn at(rfc3339: &str) -> i64 {
        crate::clock::parse_instant(rfc3339).unwrap()
    }

    #[test]
    fn the_default_policy_runs_daily_at_22_utc() {
        let next = |after: &str| next_backup_after(None, at(after));
        assert_eq!(
            next("2026-03-10T08:15:00Z"),
            Some(at("2026-03-10T22:00:00Z"))
        );
        assert_eq!(
            next("2026-03-10T22:00:00Z"),
            Some(at("2026-03-11T22:00:00Z")),
            "strictly after"
        );
        assert_eq!(
            next("2026-03-31T23:59:59Z"),
            Some(at("2026-04-01T22:00:00Z"))
        );
        assert_eq!(
            last_default_run_by(at("2026-03-10T22:00:00Z")),
            at("2026-03-10T22:00:00Z")
        );
        assert_eq!(
            last_default_run_by(at("2026-03-10T21:59:59Z")),
            at("2026-03-09T22:00:00Z")
        );
        assert_eq!(
            scheduled_kind(None, at("2026-03-31T23:00:00Z")),
            BackupKind::Full
        );
        assert_eq!(
            scheduled_kind(None, at("2026-04-01T23:00:00Z")),
            BackupKind::Incremental
        );
        // Whatever is stored, no overflow.
        next_backup_after(None, i64::MAX);
        next_backup_after(None, i64::MIN);
        last_default_run_by(i64::MIN);
    }

    #[test]
    fn full_copies_must_outlive_the_full_cycle() {
        assert_eq!(
            full_cycle(&default_policy().schedule.plan),
            (31, Some("monthly"))
        );
    }
}
