//! The HTTP contract between the Microsoft 365 module and XMS: every request and response body,
//! the single JSON error shape, and the API paths, shared by the UI module and the reference
//! server so that neither side writes them twice.
//!
//! All paths are relative to the API base URL (XMS serves them under `/api/v1`).

mod connection;
mod error;
mod event;
mod history;
mod job;
mod names;
mod organization;
mod policy;
mod settings;
mod user;
mod worker;

pub use connection::{
    ApplicationCertificate, ApplicationConnected, Connection, ConnectionId, ConnectionState,
    GRAPH_PERMISSIONS, RegisterApplication,
};
pub use error::{ErrorBody, ErrorCode, ErrorDetail, FieldError, FieldErrorCode, Stale};
pub use event::ServerEvent;
pub use history::{
    BackupRun, BackupTrigger, HISTORY_RETENTION_DAYS, HistoryPage, HistoryQuery, MAX_RUNS_PER_PAGE,
    RunDetails, RunResult, SkipReason, SkippedItem,
};
pub use job::{Job, JobId, JobState};
pub use organization::{
    Credential, CredentialKind, CredentialProblem, LastBackup, Organization, OrganizationId,
    OrganizationList, OrganizationStatus, PolicyKind, SECRET_EXPIRY_WARNING_DAYS,
};
pub use policy::{
    BackupKind, BackupScope, EncryptionAlgorithm, Frequency, Group, GroupList, MAX_RETENTION_DAYS,
    MIN_DIFFERENTIAL_DAYS, MIN_PASSWORD_CHARS, PlannedRun, Policy, PolicyPreview, PolicyView,
    Recurrence, Retention, SavePolicy, Schedule, SchedulePlan, Storage, StorageId, StorageList,
    UserScope, Weekday,
};
pub use settings::{
    LicenceMode, LicensingPreview, OrganizationSettings, SettingsView, StartConnection,
    USER_SYNC_INTERVALS_HOURS,
};
pub use user::{
    BackupFilter, BackupResult, Licensing, MAX_CHOSEN_USERS, MAX_PAGE_SIZE, PAGE_SIZES, Protection,
    ProtectionChange, ProtectionChanged, ProtectionPreview, ProtectionRefused, SortOrder, User,
    UserBackup, UserFilter, UserId, UserKind, UserPage, UserQuery, UserSelection, UserSort,
    UserState,
};
pub use worker::{Worker, WorkerId, WorkerKind, WorkerList};

/// The path of one connection attempt (`GET`: [`crate::Connection`]; `DELETE`: cancel it).
pub fn connection_path(id: &ConnectionId) -> String {
    format!("{}/{}", paths::CONNECTIONS, id.0)
}

/// The path of one organization (`DELETE`: remove it from XMS).
pub fn organization_path(organization: &OrganizationId) -> String {
    format!("{}/{}", paths::ORGANIZATIONS, organization.0)
}

/// The path of an organization's settings (`GET`: [`crate::SettingsView`]; `PUT` with
/// `If-Match`: [`crate::OrganizationSettings`], answering the new [`crate::SettingsView`]).
pub fn settings_path(organization: &OrganizationId) -> String {
    format!("{}/{}/settings", paths::ORGANIZATIONS, organization.0)
}

/// The path of an organization's backup policy (`GET`: [`crate::PolicyView`]; `PUT` with
/// `If-Match`: [`crate::SavePolicy`]; `DELETE`: back to the default policy).
pub fn policy_path(organization: &OrganizationId) -> String {
    format!("{}/{}/policy", paths::ORGANIZATIONS, organization.0)
}

/// The path that previews a policy's next runs (`POST` a [`crate::Policy`]:
/// [`crate::PolicyPreview`]).
pub fn policy_preview_path(organization: &OrganizationId) -> String {
    format!("{}/{}/policy/preview", paths::ORGANIZATIONS, organization.0)
}

/// The path of an organization's Microsoft 365 groups (`GET`: [`crate::GroupList`]).
pub fn groups_path(organization: &OrganizationId) -> String {
    format!("{}/{}/groups", paths::ORGANIZATIONS, organization.0)
}

/// The path of an organization's users (`GET` with a [`crate::UserQuery`]:
/// [`crate::UserPage`]).
pub fn users_path(organization: &OrganizationId) -> String {
    format!("{}/{}/users", paths::ORGANIZATIONS, organization.0)
}

/// The path that changes who of an organization's users is protected (`POST` a
/// [`crate::ProtectionChange`]: [`crate::ProtectionChanged`]).
pub fn protection_path(organization: &OrganizationId) -> String {
    format!(
        "{}/{}/users/protection",
        paths::ORGANIZATIONS,
        organization.0
    )
}

/// The path that tells what a protection change would do (`POST` a
/// [`crate::ProtectionChange`]: [`crate::ProtectionPreview`]).
pub fn protection_preview_path(organization: &OrganizationId) -> String {
    format!(
        "{}/{}/users/protection/preview",
        paths::ORGANIZATIONS,
        organization.0
    )
}

/// The path that runs an organization's user sync now (`POST`: the [`crate::SettingsView`]
/// after the sync).
pub fn user_sync_path(organization: &OrganizationId) -> String {
    format!("{}/{}/user-sync", paths::ORGANIZATIONS, organization.0)
}

/// The path of an organization's backups: `POST` starts one ([`crate::Job`]); `GET` with a
/// [`crate::HistoryQuery`] pages through its runs ([`crate::HistoryPage`]).
pub fn backups_path(organization: &OrganizationId) -> String {
    format!("{}/{}/backups", paths::ORGANIZATIONS, organization.0)
}

/// The path of one run of an organization's backups (`GET`: [`crate::RunDetails`]).
pub fn backup_run_path(organization: &OrganizationId, job: &JobId) -> String {
    format!(
        "{}/{}/backups/{}",
        paths::ORGANIZATIONS,
        organization.0,
        job.0
    )
}

/// The path of one job (`GET`: [`crate::Job`]).
pub fn job_path(id: &JobId) -> String {
    format!("{}/{}", paths::JOBS, id.0)
}

/// The path that cancels a job (`POST`: [`crate::Job`]).
pub fn job_cancel_path(id: &JobId) -> String {
    format!("{}/{}/cancel", paths::JOBS, id.0)
}

/// Where the API lives on an XMS server, and the paths of its resources below that base.
pub mod paths {
    /// The prefix XMS serves the API under.
    pub const API_BASE: &str = "/api/v1";
    /// The connected Microsoft 365 organizations (`GET`: [`crate::OrganizationList`]).
    pub const ORGANIZATIONS: &str = "/m365/organizations";
    /// Connection attempts (`POST`: start one, answering [`crate::Connection`]).
    pub const CONNECTIONS: &str = "/m365/connections";
    /// Connecting with an application registered in the tenant (`POST`:
    /// [`crate::RegisterApplication`], answering [`crate::ApplicationConnected`]).
    pub const APPLICATIONS: &str = "/m365/applications";
    /// Certificates for such an application to sign in with (`POST`: make one, answering
    /// [`crate::ApplicationCertificate`]).
    pub const CERTIFICATES: &str = "/m365/certificates";
    /// The stream of changes (`GET`, `text/event-stream` of [`crate::ServerEvent`]).
    pub const EVENTS: &str = "/events";
    /// The workers that run backups (`GET`: [`crate::WorkerList`]).
    pub const WORKERS: &str = "/workers";
    /// Where backups can be stored (`GET`: [`crate::StorageList`]).
    pub const STORAGES: &str = "/storages";
    /// Jobs, such as backups.
    pub const JOBS: &str = "/jobs";
    /// The OpenAPI 3 document describing this contract.
    pub const OPENAPI: &str = "/openapi.json";
}
