//! Schedule arithmetic: when a policy's schedule runs backups, and of which kind, in its IANA
//! time zone. Pure functions, shared by the policy views, the tiles' next backup and the
//! scheduler's due check, for the default policy and custom ones alike, so that all always
//! agree.
//!
//! Rules:
//! - Basic: full on the 1st of each month, incremental on the other days, at `time`.
//! - Custom: full and incremental each per their recurrence; at the same instant only the full
//!   one runs.
//! - Forever incremental: incrementals per the recurrence.
//! - Whatever the plan, the first run of an organization with no full copy yet is full: an
//!   incremental or differential needs one to build on.
//! - GFS: full monthly on `full_day_of_month`, differential weekly on the weekday (not on the
//!   full day), incremental on the other days, all at `time`.
//! - A monthly day past the month's end (29–31) means the month's last day.
//! - A local time skipped by daylight saving runs at the first valid instant after the gap
//!   (02:30 on the spring-forward night in Warsaw runs at 03:00); a repeated one runs once, at
//!   the earlier instant.
//! - Hourly runs at the chosen minute past every hour that actually elapses: across daylight
//!   saving they stay an hour apart, the repeated autumn hour included.

use std::{collections::BTreeMap, ops::ControlFlow};

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeZone, Timelike, Utc,
};
use chrono_tz::Tz;
use xms_m365_contract::{BackupKind, Frequency, Recurrence, SchedulePlan, Weekday};

/// One run of a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// When it starts.
    pub at: DateTime<Utc>,
    /// Which kind of backup it is.
    pub kind: BackupKind,
}

/// Runs are looked for at most this far ahead at a time: every recurrence fires within a month.
const WINDOW_DAYS: i64 = 32;
/// The first window looked through, doubled up to [`WINDOW_DAYS`]: most plans run daily, and
/// what is asked for most is one next run (every tile's next backup), found in the first.
const FIRST_WINDOW_DAYS: i64 = 2;
/// How many full windows are searched before giving up (about four years): a valid plan
/// always yields runs long before, so this only bounds the work for a plan that yields none.
const MAX_WINDOWS: i64 = 48;

/// `HH:MM`, 24-hour, exactly two digits each.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let (hours, minutes) = text.split_once(':')?;
    let two_digits = |part: &str| part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit());
    if !two_digits(hours) || !two_digits(minutes) {
        return None;
    }
    NaiveTime::from_hms_opt(hours.parse().ok()?, minutes.parse().ok()?, 0)
}

/// An IANA time zone by name.
pub fn parse_zone(name: &str) -> Option<Tz> {
    name.parse().ok()
}

/// The runs of `plan` in `zone` strictly after `after`, soonest first, at most `count`.
/// `has_full` says whether a full backup already exists (without one, the first run is full).
pub fn next_runs(
    plan: &SchedulePlan,
    zone: Tz,
    after: DateTime<Utc>,
    has_full: bool,
    count: usize,
) -> Vec<Run> {
    let mut runs = Vec::new();
    if count > 0 {
        for_each_run(plan, zone, after, has_full, |run| {
            runs.push(run);
            if runs.len() == count {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
    }
    runs
}

/// The first full run of `plan` strictly after `after`, if it ever has one.
pub fn next_full(
    plan: &SchedulePlan,
    zone: Tz,
    after: DateTime<Utc>,
    has_full: bool,
) -> Option<Run> {
    let mut found = None;
    for_each_run(plan, zone, after, has_full, |run| {
        if run.kind == BackupKind::Full {
            found = Some(run);
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    found
}

/// The first run of `plan` strictly after `after`, of whatever kind.
pub fn next_run(plan: &SchedulePlan, zone: Tz, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
    next_runs(plan, zone, after, true, 1)
        .first()
        .map(|run| run.at)
}

/// Visits the runs of `plan` after `after` in order until `visit` breaks or the search
/// bound is reached.
fn for_each_run(
    plan: &SchedulePlan,
    zone: Tz,
    after: DateTime<Utc>,
    has_full: bool,
    mut visit: impl FnMut(Run) -> ControlFlow<()>,
) {
    let Some(components) = components(plan) else {
        return;
    };
    let first_is_full = !has_full;
    let mut first = true;
    let mut from = after;
    let (mut days, mut searched) = (FIRST_WINDOW_DAYS, 0);
    while searched < MAX_WINDOWS * WINDOW_DAYS {
        let Some(until) = from.checked_add_signed(Duration::days(days)) else {
            return;
        };
        // One run per instant: when kinds coincide, the most complete one runs.
        let mut window: BTreeMap<DateTime<Utc>, BackupKind> = BTreeMap::new();
        for (component, kind) in &components {
            for at in component.instants(zone, from, until) {
                let entry = window.entry(at).or_insert(*kind);
                if rank(*kind) > rank(*entry) {
                    *entry = *kind;
                }
            }
        }
        for (at, kind) in window {
            let kind = if first && first_is_full {
                BackupKind::Full
            } else {
                kind
            };
            first = false;
            if visit(Run { at, kind }).is_break() {
                return;
            }
        }
        from = until;
        searched += days;
        days = (days * 2).min(WINDOW_DAYS);
    }
}

fn rank(kind: BackupKind) -> u8 {
    match kind {
        BackupKind::Full => 3,
        BackupKind::Differential => 2,
        BackupKind::Incremental => 1,
    }
}

/// A repeating time of one kind of backup.
#[derive(Debug, Clone, Copy)]
enum Component {
    /// At this minute past every hour.
    Hourly(u32),
    Daily(NaiveTime),
    Weekly(chrono::Weekday, NaiveTime),
    /// On this day of every month (or its last day), at this time.
    Monthly(u32, NaiveTime),
}

/// What a plan runs, or `None` when one of its times is not `HH:MM`.
fn components(plan: &SchedulePlan) -> Option<Vec<(Component, BackupKind)>> {
    Some(match plan {
        SchedulePlan::Basic { time } => {
            let time = parse_time(time)?;
            vec![
                (Component::Monthly(1, time), BackupKind::Full),
                (Component::Daily(time), BackupKind::Incremental),
            ]
        }
        SchedulePlan::Custom { full, incremental } => vec![
            (recurrence(full)?, BackupKind::Full),
            (recurrence(incremental)?, BackupKind::Incremental),
        ],
        SchedulePlan::ForeverIncremental { incremental } => {
            vec![(recurrence(incremental)?, BackupKind::Incremental)]
        }
        SchedulePlan::Gfs {
            time,
            full_day_of_month,
            differential_weekday,
        } => {
            let time = parse_time(time)?;
            vec![
                (
                    Component::Monthly(u32::from(*full_day_of_month), time),
                    BackupKind::Full,
                ),
                (
                    Component::Weekly(weekday(*differential_weekday), time),
                    BackupKind::Differential,
                ),
                (Component::Daily(time), BackupKind::Incremental),
            ]
        }
    })
}

fn recurrence(recurrence: &Recurrence) -> Option<Component> {
    let time = parse_time(&recurrence.time)?;
    Some(match recurrence.frequency {
        Frequency::Hourly => Component::Hourly(time.minute()),
        Frequency::Daily => Component::Daily(time),
        Frequency::Weekly => Component::Weekly(weekday(recurrence.weekday), time),
        Frequency::Monthly => Component::Monthly(u32::from(recurrence.day_of_month), time),
    })
}

/// The contract's weekday as chrono's.
pub fn weekday(day: Weekday) -> chrono::Weekday {
    match day {
        Weekday::Monday => chrono::Weekday::Mon,
        Weekday::Tuesday => chrono::Weekday::Tue,
        Weekday::Wednesday => chrono::Weekday::Wed,
        Weekday::Thursday => chrono::Weekday::Thu,
        Weekday::Friday => chrono::Weekday::Fri,
        Weekday::Saturday => chrono::Weekday::Sat,
        Weekday::Sunday => chrono::Weekday::Sun,
    }
}

impl Component {
    /// Its instants in `(from, until]`, soonest first.
    fn instants(self, zone: Tz, from: DateTime<Utc>, until: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        let in_window = |at: &DateTime<Utc>| *at > from && *at <= until;
        if let Self::Hourly(minute) = self {
            return hourly(zone, minute, from, until)
                .into_iter()
                .filter(in_window)
                .collect();
        }
        // A day either side: a local date's time may fall on the neighbouring UTC date.
        let first = from.with_timezone(&zone).date_naive().pred_opt();
        let last = until.with_timezone(&zone).date_naive().succ_opt();
        let (Some(first), Some(last)) = (first, last) else {
            return Vec::new();
        };
        first
            .iter_days()
            .take_while(|date| *date <= last)
            .filter_map(|date| {
                let time = match self {
                    Self::Daily(time) => time,
                    Self::Weekly(day, time) if date.weekday() == day => time,
                    Self::Monthly(day, time) if date.day() == day.clamp(1, last_day(date)) => time,
                    _ => return None,
                };
                resolve(zone, date.and_time(time))
            })
            .filter(in_window)
            .collect()
    }
}

/// Every instant around `(from, until]` whose local time is `minute` past the hour: one per
/// elapsed hour, whatever daylight saving does to the local hours.
fn hourly(zone: Tz, minute: u32, from: DateTime<Utc>, until: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let Some(mut hour) = from
        .with_minute(0)
        .and_then(|at| at.with_second(0))
        .and_then(|at| at.with_nanosecond(0))
        .and_then(|at| at.checked_sub_signed(Duration::hours(1)))
    else {
        return Vec::new();
    };
    let mut instants = Vec::new();
    while hour <= until {
        // Zones with offsets of whole hours run at the same UTC minute; others (India's
        // +05:30, Nepal's +05:45) shift it.
        let offset_minutes = zone
            .offset_from_utc_datetime(&hour.naive_utc())
            .fix()
            .local_minus_utc()
            .div_euclid(60);
        let utc_minute = (i64::from(minute) - i64::from(offset_minutes)).rem_euclid(60);
        let Some(at) = hour.checked_add_signed(Duration::minutes(utc_minute)) else {
            break;
        };
        // An offset change within the hour may move the local minute: then this hour has no
        // run at that minute.
        if at.with_timezone(&zone).minute() == minute {
            instants.push(at);
        }
        let Some(next) = hour.checked_add_signed(Duration::hours(1)) else {
            break;
        };
        hour = next;
    }
    instants
}

/// The last day of `date`'s month.
fn last_day(date: NaiveDate) -> u32 {
    (28..=31)
        .rev()
        .find(|day| date.with_day(*day).is_some())
        .unwrap_or(28)
}

/// The instant a local time means in `zone`: a skipped one (spring forward) means the first
/// valid instant after the gap, a repeated one (autumn back) the earlier of the two.
pub fn resolve(zone: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(at) => Some(at.with_timezone(&Utc)),
        LocalResult::Ambiguous(one, other) => {
            Some(one.with_timezone(&Utc).min(other.with_timezone(&Utc)))
        }
        // Gaps last an hour, rarely more, never more than a day: the first local minute that
        // exists again is where the clocks jumped to.
        LocalResult::None => (1..=24 * 60).find_map(|minutes| {
            let later = local.checked_add_signed(Duration::minutes(minutes))?;
            zone.from_local_datetime(&later)
                .earliest()
                .map(|at| at.with_timezone(&Utc))
        }),
    }
}

/// `at` in `zone` as `YYYY-MM-DDTHH:MM`.
pub fn local_text(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use BackupKind::{Differential, Full, Incremental};

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    fn zone(name: &str) -> Tz {
        parse_zone(name).unwrap()
    }

    /// The runs as (local time, kind).
    fn local_runs(
        plan: &SchedulePlan,
        name: &str,
        after: &str,
        count: usize,
    ) -> Vec<(String, BackupKind)> {
        next_runs(plan, zone(name), utc(after), true, count)
            .into_iter()
            .map(|run| (local_text(run.at, zone(name)), run.kind))
            .collect()
    }

    fn utc_runs(plan: &SchedulePlan, name: &str, after: &str, count: usize) -> Vec<String> {
        next_runs(plan, zone(name), utc(after), true, count)
            .into_iter()
            .map(|run| run.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .collect()
    }

    fn every(frequency: Frequency, time: &str, weekday: Weekday, day_of_month: u8) -> Recurrence {
        Recurrence {
            frequency,
            time: time.into(),
            weekday,
            day_of_month,
        }
    }

    fn basic(time: &str) -> SchedulePlan {
        SchedulePlan::Basic { time: time.into() }
    }

    fn monthly_full(day: u8, time: &str) -> SchedulePlan {
        SchedulePlan::ForeverIncremental {
            incremental: every(Frequency::Monthly, time, Weekday::Monday, day),
        }
    }

    #[test]
    fn times_are_strict_24_hour_hh_mm() {
        assert_eq!(parse_time("22:00"), NaiveTime::from_hms_opt(22, 0, 0));
        assert_eq!(parse_time("00:59"), NaiveTime::from_hms_opt(0, 59, 0));
        for bad in [
            "24:00", "7:00", "07:60", "07:0", "0700", "", "aa:bb", "+1:00", "07:00:00",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn zones_are_iana_names() {
        assert!(parse_zone("Europe/Warsaw").is_some());
        assert!(parse_zone("UTC").is_some());
        assert!(parse_zone("Mars/Olympus_Mons").is_none());
        assert!(parse_zone("").is_none());
    }

    #[test]
    fn basic_runs_full_on_the_first_and_incremental_on_the_other_days() {
        assert_eq!(
            local_runs(&basic("22:00"), "UTC", "2026-03-30T12:00:00Z", 4),
            [
                ("2026-03-30T22:00".into(), Incremental),
                ("2026-03-31T22:00".into(), Incremental),
                ("2026-04-01T22:00".into(), Full),
                ("2026-04-02T22:00".into(), Incremental),
            ]
        );
        let plan = basic("22:00");
        assert_eq!(
            next_full(&plan, zone("UTC"), utc("2026-04-01T22:00:00Z"), true).map(|run| run.at),
            Some(utc("2026-05-01T22:00:00Z")),
            "strictly after"
        );
    }

    #[test]
    fn the_31st_means_the_last_day_of_shorter_months_leap_years_included() {
        assert_eq!(
            local_runs(&monthly_full(31, "01:00"), "UTC", "2023-12-31T12:00:00Z", 5),
            [
                ("2024-01-31T01:00".into(), Incremental),
                ("2024-02-29T01:00".into(), Incremental),
                ("2024-03-31T01:00".into(), Incremental),
                ("2024-04-30T01:00".into(), Incremental),
                ("2024-05-31T01:00".into(), Incremental),
            ]
        );
        let runs = local_runs(&monthly_full(30, "01:00"), "UTC", "2025-01-31T00:00:00Z", 2);
        assert_eq!(runs[0].0, "2025-02-28T01:00", "not a leap year");
        assert_eq!(runs[1].0, "2025-03-30T01:00");
        let runs = local_runs(&monthly_full(29, "01:00"), "UTC", "2024-02-01T00:00:00Z", 1);
        assert_eq!(runs[0].0, "2024-02-29T01:00");
    }

    #[test]
    fn a_time_skipped_in_spring_runs_when_the_clocks_have_jumped() {
        // Warsaw: 2026-03-29 02:00 CET becomes 03:00 CEST.
        assert_eq!(
            utc_runs(&basic("02:30"), "Europe/Warsaw", "2026-03-27T12:00:00Z", 3),
            [
                "2026-03-28T01:30:00Z", // 02:30 CET
                "2026-03-29T01:00:00Z", // 03:00 CEST, the first instant after the gap
                "2026-03-30T00:30:00Z", // 02:30 CEST
            ]
        );
        assert_eq!(
            local_runs(&basic("02:30"), "Europe/Warsaw", "2026-03-28T12:00:00Z", 1),
            [("2026-03-29T03:00".into(), Incremental)]
        );
        // New York: 2026-03-08 02:00 EST becomes 03:00 EDT.
        assert_eq!(
            utc_runs(
                &basic("02:15"),
                "America/New_York",
                "2026-03-07T12:00:00Z",
                2
            ),
            ["2026-03-08T07:00:00Z", "2026-03-09T06:15:00Z"]
        );
    }

    #[test]
    fn a_time_repeated_in_autumn_runs_once_at_the_earlier_instant() {
        // Warsaw: 2026-10-25 03:00 CEST falls back to 02:00 CET.
        assert_eq!(
            utc_runs(&basic("02:30"), "Europe/Warsaw", "2026-10-24T12:00:00Z", 2),
            ["2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"]
        );
        // New York: 2026-11-01 02:00 EDT falls back to 01:00 EST.
        assert_eq!(
            utc_runs(
                &basic("01:30"),
                "America/New_York",
                "2026-10-31T12:00:00Z",
                2
            ),
            ["2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"]
        );
    }

    #[test]
    fn hourly_runs_stay_an_hour_apart_across_daylight_saving() {
        let hourly = |minute: &str| SchedulePlan::ForeverIncremental {
            incremental: every(Frequency::Hourly, minute, Weekday::Monday, 1),
        };
        // Only the minutes count; spring forward in Warsaw loses no hour of runs.
        assert_eq!(
            utc_runs(&hourly("17:30"), "Europe/Warsaw", "2026-03-29T00:00:00Z", 3),
            [
                "2026-03-29T00:30:00Z",
                "2026-03-29T01:30:00Z",
                "2026-03-29T02:30:00Z"
            ]
        );
        assert_eq!(
            local_runs(&hourly("00:30"), "Europe/Warsaw", "2026-03-29T00:00:00Z", 2)
                .into_iter()
                .map(|(local, _)| local)
                .collect::<Vec<_>>(),
            ["2026-03-29T01:30", "2026-03-29T03:30"]
        );
        // Autumn back in New York: the repeated 01:xx hour is an hour of its own.
        assert_eq!(
            local_runs(
                &hourly("00:45"),
                "America/New_York",
                "2026-11-01T04:00:00Z",
                3
            )
            .into_iter()
            .map(|(local, _)| local)
            .collect::<Vec<_>>(),
            ["2026-11-01T00:45", "2026-11-01T01:45", "2026-11-01T01:45"]
        );
        // Half-hour offsets shift the UTC minute, not the local one.
        assert_eq!(
            local_runs(&hourly("09:00"), "Asia/Kolkata", "2026-01-01T00:00:00Z", 1)[0].0,
            "2026-01-01T06:00"
        );
    }

    #[test]
    fn gfs_runs_full_monthly_differential_weekly_and_incremental_between() {
        let plan = SchedulePlan::Gfs {
            time: "23:00".into(),
            full_day_of_month: 31,
            differential_weekday: Weekday::Sunday,
        };
        // April 2026: Sunday the 26th, full on the 30th (the last day).
        let runs = local_runs(&plan, "UTC", "2026-04-25T12:00:00Z", 8);
        assert_eq!(
            runs,
            [
                ("2026-04-25T23:00".into(), Incremental),
                ("2026-04-26T23:00".into(), Differential),
                ("2026-04-27T23:00".into(), Incremental),
                ("2026-04-28T23:00".into(), Incremental),
                ("2026-04-29T23:00".into(), Incremental),
                ("2026-04-30T23:00".into(), Full),
                ("2026-05-01T23:00".into(), Incremental),
                ("2026-05-02T23:00".into(), Incremental),
            ]
        );
        // When the full day is the differential weekday, only the full one runs.
        let plan = SchedulePlan::Gfs {
            time: "23:00".into(),
            full_day_of_month: 31,
            differential_weekday: Weekday::Sunday,
        };
        // May 2026 ends on a Sunday.
        let runs = local_runs(&plan, "UTC", "2026-05-30T12:00:00Z", 3);
        assert_eq!(
            runs,
            [
                ("2026-05-30T23:00".into(), Incremental),
                ("2026-05-31T23:00".into(), Full),
                ("2026-06-01T23:00".into(), Incremental),
            ]
        );
    }

    #[test]
    fn custom_runs_only_the_full_backup_when_both_coincide() {
        let plan = SchedulePlan::Custom {
            full: every(Frequency::Weekly, "20:00", Weekday::Friday, 1),
            incremental: every(Frequency::Daily, "20:00", Weekday::Monday, 1),
        };
        // 2026-03-13 is a Friday.
        assert_eq!(
            local_runs(&plan, "Europe/Warsaw", "2026-03-12T12:00:00Z", 3),
            [
                ("2026-03-12T20:00".into(), Incremental),
                ("2026-03-13T20:00".into(), Full),
                ("2026-03-14T20:00".into(), Incremental),
            ]
        );
        // Different times on the full day: both run.
        let plan = SchedulePlan::Custom {
            full: every(Frequency::Monthly, "03:00", Weekday::Monday, 1),
            incremental: every(Frequency::Hourly, "00:00", Weekday::Monday, 1),
        };
        let runs = local_runs(&plan, "UTC", "2026-04-01T01:30:00Z", 3);
        assert_eq!(
            runs,
            [
                ("2026-04-01T02:00".into(), Incremental),
                ("2026-04-01T03:00".into(), Full),
                ("2026-04-01T04:00".into(), Incremental),
            ]
        );
    }

    #[test]
    fn forever_incremental_starts_with_a_full_backup_only_once() {
        let plan = SchedulePlan::ForeverIncremental {
            incremental: every(Frequency::Daily, "21:00", Weekday::Monday, 1),
        };
        let at = utc("2026-01-01T00:00:00Z");
        let kinds = |has_full| {
            next_runs(&plan, zone("UTC"), at, has_full, 3)
                .into_iter()
                .map(|run| run.kind)
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds(false), [Full, Incremental, Incremental]);
        assert_eq!(kinds(true), [Incremental, Incremental, Incremental]);
        assert_eq!(next_full(&plan, zone("UTC"), at, true), None);
        assert_eq!(
            next_full(&plan, zone("UTC"), at, false).map(|run| run.at),
            Some(utc("2026-01-01T21:00:00Z"))
        );
    }

    #[test]
    fn every_plan_starts_with_a_full_backup_when_there_is_none_to_build_on() {
        let daily = every(Frequency::Daily, "21:00", Weekday::Monday, 1);
        let plans = [
            basic("21:00"),
            SchedulePlan::Custom {
                full: every(Frequency::Monthly, "21:00", Weekday::Monday, 1),
                incremental: daily.clone(),
            },
            SchedulePlan::ForeverIncremental { incremental: daily },
            SchedulePlan::Gfs {
                time: "21:00".into(),
                full_day_of_month: 1,
                differential_weekday: Weekday::Sunday,
            },
        ];
        // Friday 2026-11-27: a Sunday (differential) and the 1st (full) within five days.
        let at = utc("2026-11-27T12:00:00Z");
        for plan in &plans {
            let kinds = |has_full| {
                next_runs(plan, zone("UTC"), at, has_full, 5)
                    .into_iter()
                    .map(|run| run.kind)
                    .collect::<Vec<_>>()
            };
            let backed_up = kinds(true);
            let never = kinds(false);
            assert_eq!(never[0], Full, "{plan:?}");
            assert_eq!(
                never[1..],
                backed_up[1..],
                "only the first run changes: {plan:?}"
            );
            assert_eq!(
                next_full(plan, zone("UTC"), at, false).map(|run| run.at),
                Some(utc("2026-11-27T21:00:00Z")),
                "{plan:?}"
            );
        }
        let gfs = next_runs(&plans[3], zone("UTC"), at, true, 5);
        assert_eq!(
            gfs.iter().map(|run| run.kind).collect::<Vec<_>>(),
            [Incremental, Incremental, Differential, Incremental, Full]
        );
    }

    #[test]
    fn invalid_plans_and_extreme_instants_yield_nothing_rather_than_panicking() {
        assert!(
            next_runs(
                &basic("25:00"),
                zone("UTC"),
                utc("2026-01-01T00:00:00Z"),
                true,
                5
            )
            .is_empty()
        );
        assert!(
            next_runs(
                &basic("22:00"),
                zone("UTC"),
                DateTime::<Utc>::MAX_UTC,
                true,
                5
            )
            .is_empty()
        );
        let far = DateTime::<Utc>::MAX_UTC - Duration::days(40);
        assert!(next_runs(&basic("22:00"), zone("UTC"), far, true, 50).len() <= 40);
        assert!(next_runs(&monthly_full(0, "22:00"), zone("UTC"), far, true, 1).len() <= 1);
        assert!(
            next_runs(
                &basic("22:00"),
                zone("UTC"),
                DateTime::<Utc>::MIN_UTC,
                true,
                1
            )
            .len()
                <= 1
        );
    }
}
