//! Edits in progress, kept apart from the views that make them, so that nothing typed is lost
//! when a view closes by the back button or a save fails: reopening it brings them back.

use std::collections::HashMap;

use leptos::prelude::*;
use xms_m365_contract::{OrganizationId, PolicyView, SettingsView};

/// A document XMS keeps under a version (an ETag), as read: what an edit begins from.
pub trait Versioned: Clone + PartialEq + Send + Sync + 'static {
    /// The part an administrator edits.
    type Value: Clone + PartialEq + Send + Sync + 'static;

    /// The version read, sent back as `If-Match` so that a save never overwrites unseen changes.
    fn etag(&self) -> &str;

    /// The edited part as read.
    fn value(&self) -> &Self::Value;
}

impl Versioned for SettingsView {
    type Value = xms_m365_contract::OrganizationSettings;

    fn etag(&self) -> &str {
        &self.etag
    }

    fn value(&self) -> &Self::Value {
        &self.settings
    }
}

impl Versioned for PolicyView {
    type Value = xms_m365_contract::Policy;

    fn etag(&self) -> &str {
        &self.etag
    }

    fn value(&self) -> &Self::Value {
        &self.policy
    }
}

/// An edit in progress: the document as read when it began, and the value as the
/// administrator has it now.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft<D: Versioned> {
    /// The document as read when the edit began.
    pub base: D,
    /// The value as the administrator has it now.
    pub value: D::Value,
}

/// Every organization's edit in progress of one document (`D`: the settings or the policy).
#[derive(Debug)]
pub struct Drafts<D: Versioned>(StoredValue<HashMap<OrganizationId, Draft<D>>>);

impl<D: Versioned> Clone for Drafts<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: Versioned> Copy for Drafts<D> {}

impl<D: Versioned> Default for Drafts<D> {
    fn default() -> Self {
        Self(StoredValue::new(HashMap::new()))
    }
}

impl<D: Versioned> Drafts<D> {
    /// The edit in progress for an organization.
    pub fn get(&self, id: &OrganizationId) -> Option<Draft<D>> {
        self.0
            .try_with_value(|drafts| drafts.get(id).cloned())
            .flatten()
    }

    /// Whether an organization has an edit in progress.
    pub fn has(&self, id: &OrganizationId) -> bool {
        self.0
            .try_with_value(|drafts| drafts.contains_key(id))
            .unwrap_or(false)
    }

    /// Keeps an organization's edit in progress, or forgets it once it equals what it began from.
    pub fn keep(&self, id: &OrganizationId, draft: Draft<D>) {
        self.0.try_update_value(|drafts| {
            if draft.value == *draft.base.value() {
                drafts.remove(id);
            } else {
                drafts.insert(id.clone(), draft);
            }
        });
    }

    /// Forgets an organization's edit (saved, discarded, or the organization removed).
    pub fn forget(&self, id: &OrganizationId) {
        self.0.try_update_value(|drafts| {
            drafts.remove(id);
        });
    }
}
