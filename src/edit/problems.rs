//! The checks made of the settings before XMS is asked.

use crate::i18n::{I18n, t};
use xms_m365_contract::{OrganizationSettings, USER_SYNC_INTERVALS_HOURS, Worker};

/// What is wrong with `values` before XMS is even asked, field by field; empty when nothing.
/// `offline_acknowledged` says whether the administrator accepted an offline worker.
pub fn problems(
    i18n: I18n,
    values: &OrganizationSettings,
    saved: &OrganizationSettings,
    workers: &[Worker],
    offline_acknowledged: bool,
) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
    if !USER_SYNC_INTERVALS_HOURS.contains(&values.user_sync_interval_hours) {
        problems.push(("user_sync_interval_hours", t!(i18n, "field-interval")));
    }
    match workers.iter().find(|w| w.id == values.default_worker_id) {
        None => problems.push(("default_worker_id", t!(i18n, "field-worker"))),
        Some(worker)
            if !worker.online
                && values.default_worker_id != saved.default_worker_id
                && !offline_acknowledged =>
        {
            problems.push((
                "default_worker_id",
                t!(i18n, "problem-worker-offline", name = worker.name.as_str()),
            ));
        }
        Some(_) => {}
    }
    problems
}

#[cfg(test)]
mod tests;
