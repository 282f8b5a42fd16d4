//! The server's one clock: every part that asks what time it is (the scheduler, policy views
//! and previews, tiles' next backup, jobs, user sync, device codes, tokens and sessions) reads
//! it, so that tests and demonstrations can set the instant the whole server lives at.
//!
//! A set clock keeps running from the instant it was set to, at the pace of the monotonic
//! clock, so timers (a backup's duration, a device code's lifetime) still elapse; a frozen
//! clock stands still until it is moved.

use std::{
    sync::{Arc, Mutex, PoisonError},
    time::{Instant, SystemTime, UNIX_EPOCH},
};

use chrono::DateTime;

/// What time it is, in Unix milliseconds. Cheap to clone: clones read (and move) one clock.
#[derive(Debug, Clone, Default)]
pub struct Clock(Arc<Mutex<Source>>);

#[derive(Debug, Default)]
enum Source {
    /// The machine's wall clock.
    #[default]
    System,
    /// `at`, plus what has elapsed since `since`.
    Running { at: i64, since: Instant },
    /// `at`, until moved.
    Frozen { at: i64 },
}

impl Clock {
    /// The machine's wall clock.
    pub fn system() -> Self {
        Self::default()
    }

    /// A clock that reads `at` (Unix ms) now and runs on from there.
    pub fn starting_at(at: i64) -> Self {
        Self(Arc::new(Mutex::new(Source::Running {
            at,
            since: Instant::now(),
        })))
    }

    /// A clock that reads `at` (Unix ms) until it is moved.
    pub fn frozen_at(at: i64) -> Self {
        Self(Arc::new(Mutex::new(Source::Frozen { at })))
    }

    /// Now, in Unix milliseconds.
    pub fn now_ms(&self) -> i64 {
        match *self.source() {
            Source::System => system_now_ms(),
            Source::Running { at, since } => {
                at.saturating_add(i64::try_from(since.elapsed().as_millis()).unwrap_or(i64::MAX))
            }
            Source::Frozen { at } => at,
        }
    }

    /// Moves the clock forward by `ms` (back when negative); a system clock becomes a running
    /// one that far from the machine's time.
    pub fn advance(&self, ms: i64) {
        let now = self.now_ms().saturating_add(ms);
        let mut source = self.source();
        *source = match *source {
            Source::Frozen { .. } => Source::Frozen { at: now },
            Source::System | Source::Running { .. } => Source::Running {
                at: now,
                since: Instant::now(),
            },
        };
    }

    fn source(&self) -> std::sync::MutexGuard<'_, Source> {
        // A panic elsewhere cannot leave a `Source` half-written: the value is still good.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The machine's wall clock, in Unix milliseconds.
fn system_now_ms() -> i64 {
    let since_epoch = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    i64::try_from(since_epoch.as_millis()).unwrap_or(i64::MAX)
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
    fn a_frozen_clock_reads_its_instant_until_moved() {
        let at = parse_instant("2026-12-01T09:00:00Z").unwrap();
        let clock = Clock::frozen_at(at);
        assert_eq!(clock.now_ms(), at);
        let reader = clock.clone();
        clock.advance(90_000);
        assert_eq!(reader.now_ms(), at + 90_000, "clones read one clock");
    }

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
