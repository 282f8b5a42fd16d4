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
// Read through `JobStateFields`, written as serde's internally tagged enum: the same JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "status", rename_all = "snake_case", try_from = "JobStateFields")]
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

/// [`JobState`]'s JSON read as one flat object whose `status` says which other fields it
/// has. Serde's internally tagged enums buffer every value they read first (its `Content`),
/// which cost the module's first load kilobytes, once for each type read through them.
#[derive(Deserialize)]
struct JobStateFields {
    status: String,
    percent: Option<u8>,
    items_done: Option<u64>,
    items_total: Option<u64>,
    items: Option<u64>,
    reason: Option<String>,
}

impl TryFrom<JobStateFields> for JobState {
    type Error = String;

    fn try_from(fields: JobStateFields) -> Result<Self, String> {
        Ok(match fields.status.as_str() {
            "queued" => Self::Queued,
            "running" => Self::Running {
                percent: required(fields.percent, "percent")?,
                items_done: required(fields.items_done, "items_done")?,
                items_total: required(fields.items_total, "items_total")?,
            },
            "succeeded" => Self::Succeeded {
                items: required(fields.items, "items")?,
            },
            "failed" => Self::Failed {
                reason: required(fields.reason, "reason")?,
            },
            "cancelled" => Self::Cancelled,
            other => return Err(format!("unknown job status `{other}`")),
        })
    }
}

/// `value`, which a variant must have, or serde's words for its absence.
pub(crate) fn required<T>(value: Option<T>, field: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("missing field `{field}`"))
}

impl JobState {
    /// Whether the job is still queued or running.
    pub fn is_active(&self) -> bool {
        matches!(self, Self::Queued | Self::Running { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_reads_back_as_written() {
        let states = [
            JobState::Queued,
            JobState::Running {
                percent: 40,
                items_done: 400,
                items_total: 1000,
            },
            JobState::Succeeded { items: 1000 },
            JobState::Failed {
                reason: "The mailbox is locked".into(),
            },
            JobState::Cancelled,
        ];
        for state in states {
            let json = serde_json::to_string(&state).unwrap();
            assert_eq!(
                serde_json::from_str::<JobState>(&json).unwrap(),
                state,
                "{json}"
            );
        }
        assert_eq!(
            serde_json::to_value(JobState::Succeeded { items: 3 }).unwrap(),
            serde_json::json!({ "status": "succeeded", "items": 3 })
        );
    }

    #[test]
    fn a_state_missing_its_fields_or_of_an_unknown_status_is_refused() {
        let missing = serde_json::from_str::<JobState>(r#"{"status":"running","percent":5}"#);
        assert!(
            missing
                .unwrap_err()
                .to_string()
                .contains("missing field `items_done`"),
        );
        let unknown = serde_json::from_str::<JobState>(r#"{"status":"paused"}"#);
        assert!(
            unknown
                .unwrap_err()
                .to_string()
                .contains("unknown job status `paused`")
        );
    }
}
