//! A policy in plain words, in the active language: the labels of its choices, the summary of
//! what will happen, and when the next runs are ("today 22:00 incremental, Dec 1 22:00 full").

use xms_m365_contract::{
    BackupKind, EncryptionAlgorithm, Frequency, PlannedRun, Policy, Recurrence, Retention,
    SchedulePlan, UserScope, Weekday,
};

use crate::i18n::{I18n, MessageId, msg, t};

/// Every weekday, Monday first.
pub const WEEKDAYS: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

/// Every frequency, most frequent first.
pub const FREQUENCIES: [Frequency; 4] = [
    Frequency::Hourly,
    Frequency::Daily,
    Frequency::Weekly,
    Frequency::Monthly,
];

/// A weekday's value in forms and in messages that select by day.
pub fn weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "monday",
        Weekday::Tuesday => "tuesday",
        Weekday::Wednesday => "wednesday",
        Weekday::Thursday => "thursday",
        Weekday::Friday => "friday",
        Weekday::Saturday => "saturday",
        Weekday::Sunday => "sunday",
    }
}

/// A weekday's name, by the browser's `Intl`.
pub fn weekday_name(i18n: I18n, day: Weekday) -> String {
    let index = WEEKDAYS.iter().position(|d| *d == day).unwrap_or(0);
    i18n.weekday(u8::try_from(index).unwrap_or(0))
}

/// A frequency's message and its value in forms.
pub fn frequency(frequency: Frequency) -> (MessageId, &'static str) {
    match frequency {
        Frequency::Hourly => (msg!("frequency-hourly"), "hourly"),
        Frequency::Daily => (msg!("frequency-daily"), "daily"),
        Frequency::Weekly => (msg!("frequency-weekly"), "weekly"),
        Frequency::Monthly => (msg!("frequency-monthly"), "monthly"),
    }
}

/// The name of a backup kind, after a run's time.
pub fn kind(i18n: I18n, kind: BackupKind) -> String {
    match kind {
        BackupKind::Full => t!(i18n, "kind-full"),
        BackupKind::Differential => t!(i18n, "kind-differential"),
        BackupKind::Incremental => t!(i18n, "kind-incremental"),
    }
}

fn recurrence(i18n: I18n, r: &Recurrence) -> String {
    match r.frequency {
        Frequency::Hourly => t!(
            i18n,
            "recurrence-hourly",
            minute = r.time.get(3..5).unwrap_or("00")
        ),
        Frequency::Daily => t!(i18n, "recurrence-daily", time = r.time.as_str()),
        Frequency::Weekly => t!(
            i18n,
            "recurrence-weekly",
            weekday = weekday(r.weekday),
            time = r.time.as_str()
        ),
        Frequency::Monthly => t!(
            i18n,
            "recurrence-monthly",
            day = r.day_of_month,
            time = r.time.as_str()
        ),
    }
}

/// What the policy will do, in sentences.
pub fn summary(
    i18n: I18n,
    policy: &Policy,
    worker: &str,
    storage: &str,
    groups: &[(String, String)],
) -> Vec<String> {
    let scope = &policy.scope;
    let data: Vec<String> = [
        (scope.mail, msg!("data-mail")),
        (scope.calendars, msg!("data-calendars")),
        (scope.contacts, msg!("data-contacts")),
        (scope.onedrive, msg!("data-onedrive")),
        (scope.sharepoint, msg!("data-sharepoint")),
        (scope.groups, msg!("data-groups")),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, id)| i18n.say(id))
    .collect();
    let whose = match &scope.users {
        UserScope::AllProtected => t!(i18n, "summary-whose-all"),
        UserScope::Groups { group_ids } => {
            let names: Vec<String> = group_ids
                .iter()
                .filter_map(|id| groups.iter().find(|(g, _)| g == id).map(|(_, n)| n.clone()))
                .collect();
            t!(i18n, "summary-whose-groups", groups = i18n.list(&names))
        }
    };
    let what = match (data.is_empty(), scope.shared_mailboxes) {
        (true, _) => t!(i18n, "summary-nothing"),
        (false, false) => t!(i18n, "summary-what", data = i18n.list(&data), whose = whose),
        (false, true) => t!(
            i18n,
            "summary-what-shared",
            data = i18n.list(&data),
            whose = whose
        ),
    };
    let zone = policy.schedule.time_zone.as_str();
    let when = match &policy.schedule.plan {
        SchedulePlan::Basic { time } => {
            t!(i18n, "summary-basic", time = time.as_str(), zone = zone)
        }
        SchedulePlan::Custom { full, incremental } => t!(
            i18n,
            "summary-custom",
            full = recurrence(i18n, full),
            incremental = recurrence(i18n, incremental),
            zone = zone
        ),
        SchedulePlan::ForeverIncremental { incremental } => t!(
            i18n,
            "summary-forever-incremental",
            incremental = recurrence(i18n, incremental),
            zone = zone
        ),
        SchedulePlan::Gfs {
            time,
            full_day_of_month,
            differential_weekday,
        } => t!(
            i18n,
            "summary-gfs",
            day = *full_day_of_month,
            weekday = weekday(*differential_weekday),
            time = time.as_str(),
            zone = zone
        ),
    };
    let keep = match &policy.retention {
        Retention::Forever => t!(i18n, "summary-keep-forever"),
        Retention::ByTime {
            full_days,
            differential_days: Some(differential),
            incremental_days,
        } => t!(
            i18n,
            "summary-keep-gfs",
            full = *full_days,
            differential = *differential,
            incremental = *incremental_days
        ),
        Retention::ByTime {
            full_days,
            differential_days: None,
            incremental_days,
        } => t!(
            i18n,
            "summary-keep",
            full = *full_days,
            incremental = *incremental_days
        ),
    };
    let encryption = match policy.encryption {
        EncryptionAlgorithm::Off => "off",
        EncryptionAlgorithm::AesCbc => "aes-cbc",
        EncryptionAlgorithm::AesGcm => "aes-gcm",
    };
    vec![
        what,
        when,
        keep,
        t!(
            i18n,
            "summary-placement",
            encryption = encryption,
            worker = worker,
            storage = storage
        ),
    ]
}

/// A run's local time in words, relative to `today` (`YYYY-MM-DD` in the policy's zone):
/// "today 22:00", "tomorrow 22:00", "Dec 1 22:00".
pub fn run_time(i18n: I18n, run: &PlannedRun, today: &str, tomorrow: &str) -> String {
    let (date, time) = run.local.split_once('T').unwrap_or((&run.local, ""));
    let day = if date == today {
        i18n.relative_day(0.0)
    } else if date == tomorrow {
        i18n.relative_day(1.0)
    } else {
        i18n.day_and_month(date)
    };
    let time = time.get(..5).unwrap_or(time);
    t!(i18n, "run-time", day = day, time = time)
}

/// "Next: today 22:00 incremental, Dec 1 22:00 full": the next run, and the next full one
/// when it is not the next.
pub fn next_runs(i18n: I18n, runs: &[PlannedRun], today: &str, tomorrow: &str) -> String {
    let Some(first) = runs.first() else {
        return t!(i18n, "next-runs-none");
    };
    let described = |run: &PlannedRun| {
        t!(
            i18n,
            "run-described",
            time = run_time(i18n, run, today, tomorrow),
            kind = kind(i18n, run.kind)
        )
    };
    match runs.iter().find(|r| r.kind == BackupKind::Full) {
        Some(full) if first.kind != BackupKind::Full => t!(
            i18n,
            "next-runs-with-full",
            next = described(first),
            full = described(full)
        ),
        _ => t!(i18n, "next-runs", next = described(first)),
    }
}

#[cfg(test)]
mod tests;
