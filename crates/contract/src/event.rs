//! Changes XMS publishes on `GET /events` (Server-Sent Events), so the dashboard updates the
//! affected tile only. Each event's SSE `event` field is its `type`, its `data` this JSON, and
//! its `id` what a reconnecting client sends back as `Last-Event-ID` to miss nothing.

use serde::{Deserialize, Serialize};

use crate::{Job, Organization, OrganizationId, job::required};

/// One change.
// Read through `EventFields`, written as serde's internally tagged enum: the same JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case", try_from = "EventFields")]
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

/// [`ServerEvent`]'s JSON read as one flat object whose `type` says which other field it has,
/// for the reason [`crate::JobState`] is read so.
#[derive(Deserialize)]
struct EventFields {
    #[serde(rename = "type")]
    kind: String,
    job: Option<Job>,
    organization: Option<Box<Organization>>,
    organization_id: Option<OrganizationId>,
}

impl TryFrom<EventFields> for ServerEvent {
    type Error = String;

    fn try_from(fields: EventFields) -> Result<Self, String> {
        let EventFields {
            kind,
            job,
            organization,
            organization_id,
        } = fields;
        Ok(match kind.as_str() {
            "job_progress" => Self::JobProgress {
                job: required(job, "job")?,
            },
            "job_finished" => Self::JobFinished {
                job: required(job, "job")?,
            },
            "organization_changed" => Self::OrganizationChanged {
                organization: required(organization, "organization")?,
            },
            "organization_removed" => Self::OrganizationRemoved {
                organization_id: required(organization_id, "organization_id")?,
            },
            "user_sync_done" => Self::UserSyncDone {
                organization: required(organization, "organization")?,
            },
            "resync" => Self::Resync,
            other => return Err(format!("unknown event type `{other}`")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OrganizationId;

    #[test]
    fn events_read_back_as_written_and_a_wrong_one_is_refused() {
        let removed = ServerEvent::OrganizationRemoved {
            organization_id: OrganizationId("org-1".into()),
        };
        for event in [removed, ServerEvent::Resync] {
            let json = serde_json::to_string(&event).unwrap();
            assert_eq!(
                serde_json::from_str::<ServerEvent>(&json).unwrap(),
                event,
                "{json}"
            );
        }
        let missing = serde_json::from_str::<ServerEvent>(r#"{"type":"job_finished"}"#);
        assert!(
            missing
                .unwrap_err()
                .to_string()
                .contains("missing field `job`")
        );
        let unknown = serde_json::from_str::<ServerEvent>(r#"{"type":"weather"}"#);
        assert!(
            unknown
                .unwrap_err()
                .to_string()
                .contains("unknown event type `weather`")
        );
    }
}
