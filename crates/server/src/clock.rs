//! The server's one clock: every part that asks what time it is (the scheduler, policy views
//! and previews, tiles' next backup, jobs, user sync, device codes, tokens and sessions) reads
//! it, so that tests and demonstrations can set the instant the whole server lives at.
//!
//! A set clock runs on from the instant it was set to, at the pace of the monotonic clock, so
//! timers (a backup's duration, a device code's lifetime) still elapse.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use chrono::DateTime;

/// What time it is, in Unix milliseconds. Copies read the same clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct Clock(Source);

#[derive(Debug, Clone, Copy, Default)]
enum Source {
    /// The machine's wall clock.
    #[default]
    System,
    /// `at`, plus what has elapsed since `since`.
    Running { at: i64, since: Instant },
}

impl Clock {
    /// The machine's wall clock.
    pub fn system() -> Self {
        Self::default()
    }

    /// A clock that reads `at` (Unix ms) now and runs on from there.
    pub fn starting_at(at: i64) -> Self {
        Self(Source::Running {
            at,
            since: Instant::now(),
        })
    }

    /// Now, in Unix milliseconds.
    pub fn now_ms(&self) -> i64 {
        match self.0 {
            Source::System => system_now_ms(),
            Source::Running { at, since } => {
                at.saturating_add(i64::try_from(since.elapsed().as_millis()).unwrap_or(i64::MAX))
            }
        }
    }
}

/// The machine's wall clock, in Unix milliseconds.
fn system_now_ms() -> i64 {
    let since_epoch = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    i64::try_from(since_epoch.as_millis()).unwrap_or(i64::MAX)
}

/// Unix milliseconds as RFC 3339 in UTC, to the second, as the API writes instants.
pub fn rfc3339(ms: i64) -> String {
    DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// An RFC 3339 instant (`2026-12-01T09:00:00Z`) in Unix milliseconds, as `--clock-start`
/// and tests give one.
pub fn parse_instant(text: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|at| at.timestamp_millis())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_clock_runs_on_from_its_instant() {
        let at = parse_instant("2026-03-29T00:30:00+01:00").unwrap();
        let clock = Clock::starting_at(at);
        let first = clock.now_ms();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let later = clock.now_ms();
        assert!(first >= at && later >= first + 20, "{first} {later}");
        assert!(later < at + 60_000, "{later}");
    }

    #[test]
    fn the_system_clock_reads_the_machines_time() {
        let before = system_now_ms();
        let now = Clock::system().now_ms();
        assert!(now >= before && now < before + 60_000);
    }

    #[test]
    fn instants_are_read_from_rfc_3339() {
        assert_eq!(parse_instant("1970-01-01T00:00:01Z"), Some(1_000));
        assert_eq!(parse_instant("tomorrow"), None);
    }
}
