//! Changes XMS publishes on `GET /events` (Server-Sent Events), so the dashboard updates the
//! affected tile only. Each event's SSE `event` field is its `type`, its `data` this JSON, and
//! its `id` what a reconnecting client sends back as `Last-Event-ID` to miss nothing.

use serde::{Deserialize, Serialize};

use crate::{Job, Organization, OrganizationId};

/// One change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerEvent {
    /// A job was queued or made progress.
    JobProgress {
        /// The job as it stands.
        job: Job,
    },
    /// A job ended (succeeded, failed or cancelled).
    JobFinished {
        /// The job as it ended.
        job: Job,
    },
    /// An organization was added or changed (its settings, who of its users is protected).
    OrganizationChanged {
        /// The organization as it now is.
        organization: Box<Organization>,
    },
    /// An organization was removed from XMS.
    OrganizationRemoved {
        /// The organization that was removed.
        organization_id: OrganizationId,
    },
    /// A user sync ended: the organization's user counts may have changed.
    UserSyncDone {
        /// The organization after the sync.
        organization: Box<Organization>,
    },
    /// The events since the client's `Last-Event-ID` are no longer available (XMS restarted
    /// or too much happened): reload everything, then follow the stream again.
    Resync,
}

impl ServerEvent {
    /// The SSE `event` name: the same as the `type` in the data.
    pub fn name(&self) -> &'static str {
        match self {
            Self::JobProgress { .. } => "job_progress",
            Self::JobFinished { .. } => "job_finished",
            Self::OrganizationChanged { .. } => "organization_changed",
            Self::UserSyncDone { .. } => "user_sync_done",
            Self::OrganizationRemoved { .. } => "organization_removed",
            Self::Resync => "resync",
        }
    }
}
