//! What the history's address says: the runs asked for (result, period, page and page size)
//! and the run whose details show, so that a link, Back and a reload show the same view.

use serde::{Deserialize, Serialize};
use xms_m365_contract::{HistoryQuery, PAGE_SIZES, RunResult, SortOrder};

/// The view the address describes. The period is of days in the browser's time zone, as the
/// date fields show them (`YYYY-MM-DD`), both included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    /// Only runs of this result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<RunResult>,
    /// The first day of the period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The last day of the period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Which page, from 1 (unsaid for the first, so that the plain address is the plain view).
    #[serde(skip_serializing_if = "is_first")]
    pub page: u32,
    /// Runs per page.
    #[serde(skip_serializing_if = "is_default_size")]
    pub page_size: u32,
    /// The run whose details show.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run: Option<String>,
}

impl Default for ViewState {
    fn default() -> Self {
        let query = HistoryQuery::default();
        Self {
            result: None,
            from: None,
            to: None,
            page: query.page,
            page_size: query.page_size,
            run: None,
        }
    }
}

impl ViewState {
    /// The view of the query string `search` (with or without its `?`); an address that says
    /// something wrongly (typed by hand) is the default view.
    pub fn read(search: &str) -> Self {
        let mut state: Self =
            serde_urlencoded::from_str(search.trim_start_matches('?')).unwrap_or_default();
        if !PAGE_SIZES.contains(&state.page_size) {
            state.page_size = Self::default().page_size;
        }
        state.page = state.page.max(1);
        state.from = state.from.filter(|day| day_start(day).is_some());
        state.to = state.to.filter(|day| day_start(day).is_some());
        if state.ends_before_it_starts() {
            state.to = None;
        }
        state
    }

    /// The query string of this view, without `?`; empty for the default view.
    pub fn write(&self) -> String {
        serde_urlencoded::to_string(self).unwrap_or_default()
    }

    /// This view with other filters, from its first page and with no run's details.
    pub fn filtered(
        &self,
        result: Option<RunResult>,
        from: Option<String>,
        to: Option<String>,
    ) -> Self {
        Self {
            result,
            from,
            to,
            page: 1,
            page_size: self.page_size,
            run: None,
        }
    }

    /// Whether the period's last day is before its first (days in one format compare as
    /// text).
    pub fn ends_before_it_starts(&self) -> bool {
        matches!((&self.from, &self.to), (Some(from), Some(to)) if to < from)
    }

    /// Whether any filter is chosen.
    pub fn is_filtered(&self) -> bool {
        self.result.is_some() || self.from.is_some() || self.to.is_some()
    }

    /// XMS's query string for the runs of this view, newest first.
    pub fn api_query(&self) -> String {
        let query = HistoryQuery {
            result: self.result,
            from: self.from.as_deref().and_then(day_start),
            // The last day is included: the period ends where the next day starts.
            to: self.to.as_deref().and_then(|day| day_start_after(day, 1)),
            order: SortOrder::Descending,
            page: self.page,
            page_size: self.page_size,
        };
        serde_urlencoded::to_string(&query).unwrap_or_default()
    }
}

fn is_first(page: &u32) -> bool {
    *page == 1
}

fn is_default_size(size: &u32) -> bool {
    *size == HistoryQuery::default().page_size
}

/// The instant (RFC 3339, UTC) day `day` (`YYYY-MM-DD`) starts at in the browser's time zone.
fn day_start(day: &str) -> Option<String> {
    day_start_after(day, 0)
}

/// The instant the day `days` after `day` starts at in the browser's time zone.
fn day_start_after(day: &str, days: u32) -> Option<String> {
    let mut parts = day.splitn(3, '-').map(str::parse::<u32>);
    let (Some(Ok(year)), Some(Ok(month)), Some(Ok(date))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    if day.len() != 10 || !(1..=12).contains(&month) || !(1..=31).contains(&date) {
        return None;
    }
    let start = js_sys::Date::new_with_year_month_day(
        year,
        i32::try_from(month).ok()? - 1,
        i32::try_from(date + days).ok()?,
    );
    (start.get_time().is_finite()).then(|| String::from(start.to_iso_string()))
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    use super::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn a_view_is_read_back_from_its_address() {
        let mut view = ViewState::default();
        assert_eq!(view.write(), "", "the default view has a bare address");
        view.result = Some(RunResult::Failed);
        assert_eq!(
            view.write(),
            "result=failed",
            "the tile's link to the failures"
        );
        view.from = Some("2026-11-01".to_owned());
        view.to = Some("2026-11-30".to_owned());
        view.page = 2;
        view.page_size = 50;
        view.run = Some("seed-job-000007-03".to_owned());
        assert_eq!(ViewState::read(&format!("?{}", view.write())), view);
    }

    #[wasm_bindgen_test]
    fn an_address_typed_wrongly_shows_what_it_can() {
        let view = ViewState::read("?from=2026-13-01&to=yesterday&page=0&page_size=7");
        assert_eq!(view.from, None);
        assert_eq!(view.to, None);
        assert_eq!(view.page, 1);
        assert_eq!(view.page_size, 25);
        assert_eq!(ViewState::read("?result=sometimes"), ViewState::default());
        let backwards = ViewState::read("?from=2026-11-20&to=2026-11-10");
        assert_eq!(backwards.from.as_deref(), Some("2026-11-20"));
        assert_eq!(backwards.to, None, "a period cannot end before it starts");
    }

    #[wasm_bindgen_test]
    fn a_period_includes_its_last_day() {
        // The tests' browser runs in UTC (TZ=UTC), where a day starts at midnight UTC.
        let view = ViewState {
            from: Some("2026-11-30".to_owned()),
            to: Some("2026-11-30".to_owned()),
            ..ViewState::default()
        };
        let query: HistoryQuery = serde_urlencoded::from_str(&view.api_query()).unwrap();
        assert_eq!(query.from.as_deref(), Some("2026-11-30T00:00:00.000Z"));
        assert_eq!(query.to.as_deref(), Some("2026-12-01T00:00:00.000Z"));
        assert_eq!(query.order, SortOrder::Descending);
    }
}
