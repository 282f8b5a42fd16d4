//! Jobs XMS runs for an organization (backups), and where they stand.

use serde::{Deserialize, Serialize};

use crate::{BackupKind, OrganizationId};

/// XMS's identifier of a job.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct JobId(pub String);

/// A backup job of one organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Job {
    /// XMS's identifier.
    pub id: JobId,
    /// The organization backed up.
    pub organization_id: OrganizationId,
    /// When it was asked for, RFC 3339 in UTC.
    pub created_at: String,
    /// When it ended, RFC 3339 in UTC.
    pub finished_at: Option<String>,
    /// Where it stands.
    pub state: JobState,
    /// Which kind of backup it is: the schedule's kind for a scheduled one, incremental for
    /// one asked for by hand, and full whenever the organization has no full copy yet.
    pub kind: BackupKind,
}

/// Where a job stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum JobState {
    /// Waiting for a worker.
    Queued,
    /// A worker is backing up.
    Running {
        /// How far along, 0 to 100.
        percent: u8,
        /// Items (messages, files, list items) backed up so far.
        items_done: u64,
        /// Items to back up in all.
        items_total: u64,
    },
    /// Finished: every item is backed up.
    Succeeded {
        /// Items backed up.
        items: u64,
    },
    /// Stopped by an error.
    Failed {
        /// What went wrong, for a person.
        reason: String,
    },
    /// Cancelled by an administrator.
    Cancelled,
}

impl JobState {
    /// Whether the job is still queued or running.
    pub fn is_active(&self) -> bool {
        matches!(self, Self::Queued | Self::Running { .. })
    }
}
