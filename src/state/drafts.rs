//! Edits in progress, kept apart from the views that make them, so that nothing typed is lost
//! when a view closes by the back button or a save fails: reopening it brings them back.

use std::collections::HashMap;

use leptos::prelude::*;
use xms_m365_contract::OrganizationId;

/// Every organization's edit in progress of one kind (`T`: the edit and what it began from).
#[derive(Debug)]
pub struct DraftStore<T: 'static>(StoredValue<HashMap<OrganizationId, T>>);

impl<T> Clone for DraftStore<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for DraftStore<T> {}

impl<T: Clone + Send + Sync + 'static> Default for DraftStore<T> {
    fn default() -> Self {
        Self(StoredValue::new(HashMap::new()))
    }
}

impl<T: Clone + Send + Sync + 'static> DraftStore<T> {
    /// The edit in progress for an organization.
    pub fn get(&self, id: &OrganizationId) -> Option<T> {
        self.0
            .try_with_value(|drafts| drafts.get(id).cloned())
            .flatten()
    }

    /// Keeps an organization's edit in progress.
    pub fn keep(&self, id: &OrganizationId, draft: T) {
        self.0.try_update_value(|drafts| {
            drafts.insert(id.clone(), draft);
        });
    }

    /// Forgets an organization's edit (saved, discarded, or the organization removed).
    pub fn forget(&self, id: &OrganizationId) {
        self.0.try_update_value(|drafts| {
            drafts.remove(id);
        });
    }
}
