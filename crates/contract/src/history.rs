//! An organization's backup history: every run XMS keeps (scheduled or asked for by hand),
//! paged and filtered by result and period, and one run with the items it skipped and why.

use serde::{Deserialize, Serialize};

use crate::{BackupKind, JobId, JobState, SortOrder, user::first_page};

/// How long XMS keeps an organization's runs: older ones are deleted, except its latest
/// finished run, which its last backup is.
pub const HISTORY_RETENTION_DAYS: u32 = 90;

/// The most runs a page of the history holds.
pub const MAX_RUNS_PER_PAGE: u32 = 200;

/// How a run was started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BackupTrigger {
    /// By the organization's backup policy.
    Scheduled,
    /// By an administrator (**Run backup**).
    Manual,
}

/// One backup run of an organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BackupRun {
    /// The run's job.
    pub id: JobId,
    /// Which kind of backup it is.
    pub kind: BackupKind,
    /// How it was started.
    pub trigger: BackupTrigger,
    /// Where it stands, or how it ended.
    pub state: JobState,
    /// When it was asked for, RFC 3339 in UTC.
    pub created_at: String,
    /// When a worker began it, RFC 3339 in UTC; none while queued, or when it was cancelled
    /// before it began.
    pub started_at: Option<String>,
    /// When it ended, RFC 3339 in UTC.
    pub finished_at: Option<String>,
    /// How long it ran, from its start (or, never started, from when it was asked for) to its
    /// end, in seconds; none while it runs.
    pub duration_seconds: Option<u64>,
    /// Items backed up (so far, while it runs; until it stopped, when it failed).
    pub items: u64,
    /// Bytes backed up.
    pub bytes: u64,
    /// Items it skipped or put off (see [`SkippedItem`]): a run that succeeded with some has
    /// warnings.
    pub skipped_items: u32,
}

/// What a run's result filter picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RunResult {
    /// Queued or running.
    Active,
    /// Succeeded with every item.
    Succeeded,
    /// Succeeded, with items skipped or put off.
    Warnings,
    /// Failed.
    Failed,
    /// Cancelled.
    Cancelled,
}

/// `GET /m365/organizations/{id}/backups`: which runs, newest first unless `order` says
/// otherwise. A period is of when runs were asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct HistoryQuery {
    /// Only runs of this result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<RunResult>,
    /// Only runs asked for at or after this instant (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(format = DateTime))]
    pub from: Option<String>,
    /// Only runs asked for before this instant (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(format = DateTime))]
    pub to: Option<String>,
    /// By when they were asked for: newest first (`descending`, the default) or oldest first.
    #[serde(default = "newest_first")]
    pub order: SortOrder,
    /// Which page, from 1.
    #[serde(default = "first_page")]
    #[cfg_attr(feature = "openapi", param(minimum = 1, default = 1))]
    pub page: u32,
    /// Runs per page, 1 to [`MAX_RUNS_PER_PAGE`].
    #[serde(default = "default_page_size")]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200, default = 25))]
    pub page_size: u32,
}

fn newest_first() -> SortOrder {
    SortOrder::Descending
}

fn default_page_size() -> u32 {
    25
}

impl Default for HistoryQuery {
    fn default() -> Self {
        Self {
            result: None,
            from: None,
            to: None,
            order: newest_first(),
            page: first_page(),
            page_size: default_page_size(),
        }
    }
}

/// A page of an organization's runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryPage {
    /// The runs of the page.
    pub runs: Vec<BackupRun>,
    /// How many runs the query matches in all.
    pub total: u32,
    /// The page, from 1.
    pub page: u32,
    /// Runs per page.
    pub page_size: u32,
    /// How many days XMS keeps runs ([`HISTORY_RETENTION_DAYS`]).
    pub retention_days: u32,
}

/// Why a run skipped an item or put it off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// The item is larger than a backup takes: it is skipped until it is smaller.
    TooLarge,
    /// Microsoft Graph throttled the requests for it (HTTP 429): the next run backs it up.
    Throttled,
    /// Microsoft 365 denied access to it (HTTP 403), such as a site the application's consent
    /// does not reach: it is skipped until access is granted.
    AccessDenied,
}

/// An item a run skipped or put off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkippedItem {
    /// Whose it is (a user's principal name), or none for a site.
    pub user: Option<String>,
    /// Which item: a mailbox, a file's path in OneDrive, a site.
    pub item: String,
    /// Why.
    pub reason: SkipReason,
    /// The item's size in bytes, where it matters (too large).
    pub bytes: Option<u64>,
}

/// `GET /m365/organizations/{id}/backups/{job}`: one run, with what it skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RunDetails {
    /// The run.
    pub run: BackupRun,
    /// The items it skipped or put off, in the order it met them.
    pub skipped: Vec<SkippedItem>,
}
