//! The module's one clock: the time that "3 minutes ago" and "in 2 hours" are told from. It
//! moves on every few seconds, so those words stay true while the page stays open; a view that
//! reads it runs again as it moves, and its text changes only when its words do.

use std::time::Duration;

use leptos::prelude::*;

/// How often the clock moves on. The words count minutes at the finest, so they are at most
/// this late; moving more often would re-run every time's words for nothing.
const TICK: Duration = Duration::from_secs(15);

/// The browser's time (which tests set), told to the views every [`TICK`].
///
/// The views follow a flag that flips at every tick: only its change matters. A signal of a
/// type the first load has anyway costs it less than a trigger of its own.
#[derive(Debug, Clone, Copy)]
pub struct Clock(RwSignal<bool>);

impl Clock {
    /// A clock that moves on until the views it was made for are gone.
    pub(super) fn start() -> Self {
        let clock = Self(RwSignal::new(false));
        clock.tick(true);
        clock
    }

    fn tick(self, flag: bool) {
        set_timeout(
            move || {
                if self.0.try_set(flag).is_none() {
                    self.tick(!flag);
                }
            },
            TICK,
        );
    }

    /// The time, in Unix milliseconds (tracked: the caller runs again as the clock moves).
    pub fn now(self) -> f64 {
        self.0.track();
        js_sys::Date::now()
    }
}
