//! A policy in plain words: the labels of its choices, the summary of what will happen, and
//! when the next runs are ("today 22:00 incremental, 1 Dec 22:00 full").

use xms_m365_contract::{
    BackupKind, EncryptionAlgorithm, Frequency, PlannedRun, Policy, Recurrence, Retention,
    SchedulePlan, UserScope, Weekday,
};

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

/// A weekday's name and its value in forms.
pub fn weekday(day: Weekday) -> (&'static str, &'static str) {
    match day {
        Weekday::Monday => ("Monday", "monday"),
        Weekday::Tuesday => ("Tuesday", "tuesday"),
        Weekday::Wednesday => ("Wednesday", "wednesday"),
        Weekday::Thursday => ("Thursday", "thursday"),
        Weekday::Friday => ("Friday", "friday"),
        Weekday::Saturday => ("Saturday", "saturday"),
        Weekday::Sunday => ("Sunday", "sunday"),
    }
}

/// A frequency's name and its value in forms.
pub fn frequency(frequency: Frequency) -> (&'static str, &'static str) {
    match frequency {
        Frequency::Hourly => ("Every hour", "hourly"),
        Frequency::Daily => ("Every day", "daily"),
        Frequency::Weekly => ("Every week", "weekly"),
        Frequency::Monthly => ("Every month", "monthly"),
    }
}

/// The name of a backup kind, in a sentence.
pub fn kind(kind: BackupKind) -> &'static str {
    match kind {
        BackupKind::Full => "full",
        BackupKind::Differential => "differential",
        BackupKind::Incremental => "incremental",
    }
}

fn recurrence(r: &Recurrence) -> String {
    match r.frequency {
        Frequency::Hourly => format!("every hour at minute {}", r.time.get(3..5).unwrap_or("00")),
        Frequency::Daily => format!("daily at {}", r.time),
        Frequency::Weekly => format!("every {} at {}", weekday(r.weekday).0, r.time),
        Frequency::Monthly => format!("monthly on day {} at {}", r.day_of_month, r.time),
    }
}

/// What the policy will do, in sentences.
pub fn summary(
    policy: &Policy,
    worker: &str,
    storage: &str,
    groups: &[(String, String)],
) -> Vec<String> {
    let scope = &policy.scope;
    let data: Vec<&str> = [
        (scope.mail, "mail"),
        (scope.calendars, "calendars"),
        (scope.contacts, "contacts"),
        (scope.onedrive, "OneDrive"),
        (scope.sharepoint, "SharePoint sites"),
        (scope.groups, "Microsoft 365 groups"),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect();
    let whose = match &scope.users {
        UserScope::AllProtected => "all protected users".to_owned(),
        UserScope::Groups { group_ids } => {
            let names: Vec<&str> = group_ids
                .iter()
                .filter_map(|id| {
                    groups
                        .iter()
                        .find(|(g, _)| g == id)
                        .map(|(_, n)| n.as_str())
                })
                .collect();
            format!("the members of {}", list(&names))
        }
    };
    let what = if data.is_empty() {
        "Backs up nothing yet: choose what to back up.".to_owned()
    } else {
        format!(
            "Backs up {}{} of {whose}.",
            list(&data),
            if scope.shared_mailboxes {
                ", shared mailboxes included,"
            } else {
                ""
            }
        )
    };
    let zone = &policy.schedule.time_zone;
    let when = match &policy.schedule.plan {
        SchedulePlan::Basic { time } => {
            format!(
                "Full backup on the 1st of each month, incremental every other day, at {time} ({zone})."
            )
        }
        SchedulePlan::Custom { full, incremental } => format!(
            "Full backup {}, incremental {} ({zone}).",
            recurrence(full),
            recurrence(incremental)
        ),
        SchedulePlan::ForeverIncremental { incremental } => format!(
            "One full backup, then incremental {} ({zone}).",
            recurrence(incremental)
        ),
        SchedulePlan::Gfs {
            time,
            full_day_of_month,
            differential_weekday,
        } => format!(
            "Full backup monthly on day {full_day_of_month}, differential every {}, incremental on other days, at {time} ({zone}).",
            weekday(*differential_weekday).0
        ),
    };
    let keep = match &policy.retention {
        Retention::Forever => "Keeps every copy forever.".to_owned(),
        Retention::ByTime {
            full_days,
            differential_days,
            incremental_days,
        } => match differential_days {
            Some(differential) => format!(
                "Keeps full copies {}, differential {} and incremental {}.",
                days(*full_days),
                days(*differential),
                days(*incremental_days)
            ),
            None => format!(
                "Keeps full copies {} and incremental {}.",
                days(*full_days),
                days(*incremental_days)
            ),
        },
    };
    let secure = match policy.encryption {
        EncryptionAlgorithm::Off => "Not encrypted.",
        EncryptionAlgorithm::AesCbc => "Encrypted with AES-CBC.",
        EncryptionAlgorithm::AesGcm => "Encrypted with AES-GCM.",
    };
    vec![
        what,
        when,
        keep,
        format!("{secure} Run by {worker}, stored on {storage}."),
    ]
}

fn days(n: u32) -> String {
    format!("{n} day{}", if n == 1 { "" } else { "s" })
}

fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A run's local time in words, relative to `today` (`YYYY-MM-DD` in the policy's zone):
/// "today 22:00", "tomorrow 22:00", "1 Dec 22:00".
pub fn run_time(run: &PlannedRun, today: &str, tomorrow: &str) -> String {
    let (date, time) = run.local.split_once('T').unwrap_or((&run.local, ""));
    let day = if date == today {
        "today".to_owned()
    } else if date == tomorrow {
        "tomorrow".to_owned()
    } else {
        let month = date
            .get(5..7)
            .and_then(|m| m.parse::<usize>().ok())
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
            .copied()
            .unwrap_or("");
        let day_of_month = date.get(8..10).map_or("", |d| d.trim_start_matches('0'));
        format!("{day_of_month} {month}")
    };
    format!("{day} {time}")
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Next: today 22:00 incremental, 1 Dec 22:00 full": the next run, and the next full one
/// when it is not the next.
pub fn next_runs(runs: &[PlannedRun], today: &str, tomorrow: &str) -> String {
    let Some(first) = runs.first() else {
        return "No run is planned.".to_owned();
    };
    let mut parts = vec![format!(
        "{} {}",
        run_time(first, today, tomorrow),
        kind(first.kind)
    )];
    if first.kind != BackupKind::Full
        && let Some(full) = runs.iter().find(|r| r.kind == BackupKind::Full)
    {
        parts.push(format!(
            "{} {}",
            run_time(full, today, tomorrow),
            kind(full.kind)
        ));
    }
    format!("Next: {}", parts.join(", "))
}
