//! The organizations as last heard from XMS: one reactive entry per organization, so a change to
//! one organization (a progress event, a finished backup) touches that organization's tile and
//! no other, and the list itself changes only when organizations come or go.

use std::collections::HashMap;

use leptos::prelude::*;

use super::Attention;
use crate::host::HostEvents;
use xms_m365_contract::{
    Job, JobState, LastBackup, Organization, OrganizationId, OrganizationStatus, ServerEvent,
};

/// One organization on the dashboard.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The organization's id, the tile's key.
    pub id: OrganizationId,
    /// The organization as last heard from XMS.
    pub organization: ArcRwSignal<Organization>,
    /// What the list filters and sorts by; it changes far less often than the organization
    /// (not on progress), so the list is not recomputed for every event.
    pub key: ArcMemo<ListKey>,
}

/// The parts of an organization the list filters and sorts by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListKey {
    /// The name, lower-cased.
    pub name: String,
    /// The primary domain, lower-cased.
    pub domain: String,
    /// The status, most in need of attention first.
    pub urgency: u8,
    /// When the last backup ended (RFC 3339 sorts as text); `None` when there was none.
    pub last_backup: Option<String>,
    /// The states it is in that need the administrator, as [`Attention`] bits.
    pub needs: u8,
}

impl ListKey {
    fn of(organization: &Organization) -> Self {
        Self {
            name: fold_case(&organization.name),
            domain: fold_case(&organization.primary_domain),
            urgency: match organization.status {
                OrganizationStatus::NeedsReauthorization => 0,
                OrganizationStatus::LastBackupFailed => 1,
                OrganizationStatus::NeverBackedUp => 2,
                OrganizationStatus::BackupRunning => 3,
                OrganizationStatus::Healthy => 4,
            },
            last_backup: organization
                .last_backup
                .as_ref()
                .map(|last| last.finished_at.clone()),
            needs: Attention::of(organization),
        }
    }
}

impl Entry {
    fn new(organization: Organization) -> Self {
        let id = organization.id.clone();
        let organization = ArcRwSignal::new(organization);
        let key = {
            let organization = organization.clone();
            ArcMemo::new(move |_| organization.with(ListKey::of))
        };
        Self {
            id,
            organization,
            key,
        }
    }

    /// Replaces the organization, notifying its tile only if something changed.
    fn replace(&self, organization: Organization) {
        self.organization.maybe_update(|current| {
            let changed = *current != organization;
            if changed {
                *current = organization;
            }
            changed
        });
    }
}

/// Every organization on the dashboard.
#[derive(Debug, Clone, Copy)]
pub struct Dashboard {
    entries: RwSignal<Vec<Entry>>,
    /// Told when organizations come and go (not of those merely loaded).
    host: StoredValue<HostEvents>,
}

impl Default for Dashboard {
    fn default() -> Self {
        Self::new(HostEvents::none())
    }
}

impl Dashboard {
    /// An empty dashboard that tells `host` of organizations added and removed.
    pub fn new(host: HostEvents) -> Self {
        Self {
            entries: RwSignal::new(Vec::new()),
            host: StoredValue::new(host),
        }
    }

    /// The entries, in no particular order.
    pub fn entries(&self) -> Signal<Vec<Entry>> {
        self.entries.into()
    }

    /// Takes a fresh list from XMS: changed organizations update their own tile, new ones are
    /// added and those no longer connected are removed.
    pub fn merge(&self, organizations: Vec<Organization>) {
        let mut current: HashMap<OrganizationId, Entry> = self
            .entries
            .with_untracked(|entries| entries.iter().map(|e| (e.id.clone(), e.clone())).collect());
        let same_set = organizations.len() == current.len()
            && organizations.iter().all(|o| current.contains_key(&o.id));
        let merged: Vec<Entry> = organizations
            .into_iter()
            .map(|organization| match current.remove(&organization.id) {
                Some(entry) => {
                    entry.replace(organization);
                    entry
                }
                None => Entry::new(organization),
            })
            .collect();
        if !same_set {
            self.entries.set(merged);
        }
    }

    /// Adds an organization, or updates it if it is already there.
    pub fn upsert(&self, organization: Organization) {
        if let Some(entry) = self.find(&organization.id) {
            entry.replace(organization);
        } else {
            self.host
                .with_value(|host| host.organization_added(&organization.id, &organization.name));
            self.entries
                .update(|entries| entries.push(Entry::new(organization)));
        }
    }

    /// Removes an organization's tile.
    pub fn remove(&self, id: &OrganizationId) {
        if self.find(id).is_some() {
            self.entries
                .update(|entries| entries.retain(|entry| entry.id != *id));
            self.host.with_value(|host| host.organization_removed(id));
        }
    }

    /// The organization with `id`, as last heard from XMS.
    pub fn organization(&self, id: &OrganizationId) -> Option<ArcRwSignal<Organization>> {
        self.entries.with(|entries| {
            entries
                .iter()
                .find(|entry| entry.id == *id)
                .map(|entry| entry.organization.clone())
        })
    }

    /// Shows where a job of an organization stands. A job that ended becomes the last backup
    /// (unless it was cancelled) at once, without waiting for XMS's summary of the organization.
    pub fn job_changed(&self, job: Job) {
        let Some(entry) = self.find(&job.organization_id) else {
            return;
        };
        entry.organization.maybe_update(|organization| {
            if job.state.is_active() {
                let active = Some(job);
                if organization.active_job == active {
                    return false;
                }
                organization.active_job = active;
                organization.status = OrganizationStatus::BackupRunning;
                return true;
            }
            // An end XMS has already reported (or an older job's) changes nothing.
            if organization.active_job.as_ref().map(|active| &active.id) != Some(&job.id) {
                return false;
            }
            let finished_at = job.finished_at.clone().unwrap_or_default();
            let ended = match job.state {
                JobState::Succeeded { items } => Some((items, None)),
                JobState::Failed { reason } => Some((items_so_far(organization), Some(reason))),
                _ => None,
            };
            organization.active_job = None;
            if let Some((items, failure)) = ended {
                organization.last_backup = Some(LastBackup {
                    job_id: job.id,
                    finished_at,
                    items,
                    failure,
                });
            }
            organization.status = status_after_backup(organization);
            true
        });
    }

    /// Applies a change from XMS's stream; `false` when the dashboard must reload instead.
    pub fn apply(&self, event: ServerEvent) -> bool {
        match event {
            ServerEvent::JobProgress { job } | ServerEvent::JobFinished { job } => {
                self.job_changed(job);
            }
            ServerEvent::OrganizationChanged { organization }
            | ServerEvent::UserSyncDone { organization } => self.upsert(*organization),
            ServerEvent::OrganizationRemoved { organization_id } => self.remove(&organization_id),
            ServerEvent::Resync => return false,
        }
        true
    }

    fn find(&self, id: &OrganizationId) -> Option<Entry> {
        self.entries
            .with_untracked(|entries| entries.iter().find(|entry| entry.id == *id).cloned())
    }
}

/// Items a failed job had backed up when it stopped, as its last progress said.
fn items_so_far(organization: &Organization) -> u64 {
    match organization.active_job.as_ref().map(|job| &job.state) {
        Some(JobState::Running { items_done, .. }) => *items_done,
        _ => 0,
    }
}

/// The status an organization has once no backup runs, from its last backup.
fn status_after_backup(organization: &Organization) -> OrganizationStatus {
    match &organization.last_backup {
        _ if organization.status == OrganizationStatus::NeedsReauthorization => {
            OrganizationStatus::NeedsReauthorization
        }
        None => OrganizationStatus::NeverBackedUp,
        Some(last) if last.failure.is_some() => OrganizationStatus::LastBackupFailed,
        Some(_) => OrganizationStatus::Healthy,
    }
}

/// `text` lower-cased for matching, by the browser: Rust's `to_lowercase` would carry its own
/// Unicode case tables (about 8 KiB of gzipped wasm) for what the browser already knows.
pub fn fold_case(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}
