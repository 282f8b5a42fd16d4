//! Connected Microsoft 365 organizations (tenants), as the dashboard lists them.

use serde::{Deserialize, Serialize};

use crate::{Job, JobId, Worker, names::read_by_name};

/// XMS's identifier of a connected organization (not the Microsoft tenant id).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct OrganizationId(pub String);

/// A Microsoft 365 organization connected to XMS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Organization {
    /// XMS's identifier.
    pub id: OrganizationId,
    /// The Microsoft Entra tenant id (a GUID).
    pub tenant_id: String,
    /// The organization's display name in Microsoft 365.
    pub name: String,
    /// The primary domain, such as `contoso.onmicrosoft.com`.
    pub primary_domain: String,
    /// How many users the tenant has.
    pub user_count: u32,
    /// When it was connected, RFC 3339 in UTC.
    pub connected_at: String,
    /// Users whose data is backed up.
    pub protected_users: u32,
    /// Xopero licences in use (one per protected account).
    pub licences_used: u32,
    /// Its users that automatic licence management left unprotected for want of free
    /// licences in the subscription (they get one at a user sync once licences are free);
    /// always 0 in manual licence management, whose unprotected users are the
    /// administrator's choice. Absent from an XMS that does not say, and then 0.
    #[serde(default)]
    pub licences_short: u32,
    /// How its backup stands, at a glance.
    pub status: OrganizationStatus,
    /// When the client secret of the application its administrator registered expires, RFC
    /// 3339 in UTC, when it was connected that way; absent when it signs in through Xopero
    /// Registrator. The organization's settings tell the rest of its credential.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_expires_at: Option<String>,
    /// When the certificate its registered application signs in with expires, RFC 3339 in
    /// UTC, when it was connected that way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_expires_at: Option<String>,
    /// What XMS's last check of that application found wrong; absent while it signs in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential_problem: Option<CredentialProblem>,
    /// The last backup that ran to an end (cancelled ones do not count).
    pub last_backup: Option<LastBackup>,
    /// The backup queued or running now.
    pub active_job: Option<Job>,
    /// Which backup policy applies: XMS's default one, or one made for this organization.
    pub policy: PolicyKind,
    /// When the policy's schedule runs the next backup, RFC 3339 in UTC; `None` while the
    /// organization needs re-authorization (nothing can be backed up until then).
    pub next_backup_at: Option<String>,
    /// The worker that backs this organization up.
    pub default_worker: Worker,
}

/// Which backup policy applies to an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum PolicyKind {
    /// XMS's default policy: everything, incremental daily and full monthly.
    Default,
    /// A policy made for this organization.
    Custom,
}

read_by_name!(PolicyKind {
    Default = "default",
    Custom = "custom",
});

/// How an organization's backup stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum OrganizationStatus {
    /// The last backup succeeded.
    Healthy,
    /// The last backup failed.
    LastBackupFailed,
    /// A backup is queued or running.
    BackupRunning,
    /// XMS's consent was revoked or expired: connect the organization again.
    NeedsReauthorization,
    /// No backup has run yet.
    NeverBackedUp,
}

read_by_name!(OrganizationStatus {
    Healthy = "healthy",
    LastBackupFailed = "last_backup_failed",
    BackupRunning = "backup_running",
    NeedsReauthorization = "needs_reauthorization",
    NeverBackedUp = "never_backed_up",
});

/// How many days before its client secret or certificate expires an organization asks for
/// attention.
pub const SECRET_EXPIRY_WARNING_DAYS: u32 = 30;

/// What an organization connected through its own application signs in with, as far as the
/// API tells: the secret itself is never answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Credential {
    /// What kind of credential it is.
    pub kind: CredentialKind,
    /// The application (client) id it belongs to.
    pub client_id: String,
    /// When it stops signing in, RFC 3339 in UTC: the expiry the administrator entered for a
    /// secret, the certificate's own.
    pub expires_at: String,
    /// A certificate's SHA-1 thumbprint in upper-case hex, as Entra lists it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbprint: Option<String>,
    /// What XMS's last check of it found wrong; absent while it signs in. Any problem also
    /// makes the organization need re-authorization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<CredentialProblem>,
}

/// A kind of credential.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum CredentialKind {
    /// A client secret of the application.
    ClientSecret,
    /// A certificate XMS made, whose private key it keeps.
    Certificate,
    /// A kind this client does not know.
    #[serde(other)]
    Unknown,
}

read_by_name!(CredentialKind {
    ClientSecret = "client_secret",
    Certificate = "certificate",
} else Unknown);

/// What stops an organization's own application from signing in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum CredentialProblem {
    /// The tenant's administrator withdrew the admin consent.
    ConsentRevoked,
    /// Some permission XMS needs is no longer granted.
    PermissionMissing,
    /// The client secret has expired.
    SecretExpired,
    /// Microsoft no longer accepts the client secret (it was deleted in Entra).
    SecretRejected,
    /// The application is no longer registered in the tenant.
    ApplicationMissing,
    /// XMS cannot open the stored secret or private key: its credential key changed.
    Unreadable,
    /// The certificate has expired.
    CertificateExpired,
    /// Microsoft no longer accepts the certificate (it was removed from the application).
    CertificateRejected,
    /// A problem this client does not know.
    #[serde(other)]
    Unknown,
}

read_by_name!(CredentialProblem {
    ConsentRevoked = "consent_revoked",
    PermissionMissing = "permission_missing",
    SecretExpired = "secret_expired",
    SecretRejected = "secret_rejected",
    ApplicationMissing = "application_missing",
    Unreadable = "unreadable",
    CertificateExpired = "certificate_expired",
    CertificateRejected = "certificate_rejected",
} else Unknown);

/// The result of the last backup that ran to an end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LastBackup {
    /// The job.
    pub job_id: JobId,
    /// When it ended, RFC 3339 in UTC.
    pub finished_at: String,
    /// Items backed up (for a failed backup, those done before it stopped).
    pub items: u64,
    /// Why it failed; `None` when it succeeded.
    pub failure: Option<String>,
}

/// `GET /m365/organizations`: every connected organization, by name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganizationList {
    /// The organizations, sorted by name.
    pub organizations: Vec<Organization>,
    /// The id of the last change-stream event this list reflects. Open `GET /events` with it
    /// as `Last-Event-ID` to receive every change after the list, so that the list can be
    /// asked for first, without waiting for the stream. Absent from an XMS that does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
}
