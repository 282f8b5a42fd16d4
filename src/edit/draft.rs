//! Edits in progress, kept apart from the panel so that nothing typed is lost when the panel
//! closes by the back button or a failed save: reopening the panel brings them back.

use std::collections::HashMap;

use leptos::prelude::*;
use xms_m365_contract::{
    OrganizationId, OrganizationSettings, SettingsView, USER_SYNC_INTERVALS_HOURS, Worker,
};

/// An edit in progress: the settings as the administrator has them, and the version of the
/// settings they started from.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The settings as read when the edit began.
    pub base: SettingsView,
    /// The settings as the administrator has them now.
    pub values: OrganizationSettings,
}

/// Every organization's edit in progress.
#[derive(Debug, Clone, Copy)]
pub struct Drafts(StoredValue<HashMap<OrganizationId, Draft>>);

impl Default for Drafts {
    fn default() -> Self {
        Self(StoredValue::new(HashMap::new()))
    }
}

impl Drafts {
    /// The edit in progress for an organization.
    pub fn get(&self, id: &OrganizationId) -> Option<Draft> {
        self.0.with_value(|drafts| drafts.get(id).cloned())
    }

    /// Keeps an edit in progress, or forgets it when it changes nothing.
    pub fn keep(&self, id: &OrganizationId, draft: Draft) {
        self.0.update_value(|drafts| {
            if draft.values == draft.base.settings {
                drafts.remove(id);
            } else {
                drafts.insert(id.clone(), draft);
            }
        });
    }

    /// Forgets an organization's edit (saved, discarded or the organization removed).
    pub fn forget(&self, id: &OrganizationId) {
        self.0.update_value(|drafts| {
            drafts.remove(id);
        });
    }
}

/// What is wrong with `values` before XMS is even asked, field by field; empty when nothing.
/// `offline_acknowledged` says whether the administrator accepted an offline worker.
pub fn problems(
    values: &OrganizationSettings,
    saved: &OrganizationSettings,
    workers: &[Worker],
    offline_acknowledged: bool,
) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
    if !USER_SYNC_INTERVALS_HOURS.contains(&values.user_sync_interval_hours) {
        problems.push((
            "user_sync_interval_hours",
            "Choose one of the listed intervals.".to_owned(),
        ));
    }
    match workers.iter().find(|w| w.id == values.default_worker_id) {
        None => problems.push((
            "default_worker_id",
            "Choose one of the listed workers.".to_owned(),
        )),
        Some(worker)
            if !worker.online
                && values.default_worker_id != saved.default_worker_id
                && !offline_acknowledged =>
        {
            problems.push((
                "default_worker_id",
                format!(
                    "{} is offline: confirm that backups may wait for it.",
                    worker.name
                ),
            ));
        }
        Some(_) => {}
    }
    problems
}
