//! An organization's advanced settings (the tile's **Edit** panel): licence management, the
//! user sync interval and the default worker. They are read with an `ETag` and saved with
//! `If-Match`, so that two administrators never overwrite each other unknowingly.

use serde::{Deserialize, Serialize};

use crate::{Credential, OrganizationId, WorkerId};

/// The user sync intervals an administrator can choose, in hours.
pub const USER_SYNC_INTERVALS_HOURS: [u8; 6] = [1, 2, 4, 6, 12, 24];

/// What an administrator can change (`PUT /m365/organizations/{id}/settings` with `If-Match`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganizationSettings {
    /// How users get licences and protection.
    pub licence_mode: LicenceMode,
    /// How often XMS synchronizes the tenant's user list, in hours: one of
    /// [`USER_SYNC_INTERVALS_HOURS`].
    #[cfg_attr(feature = "openapi", schema(schema_with = user_sync_interval_schema))]
    pub user_sync_interval_hours: u8,
    /// The worker that backs this organization up: the `id` of one of `GET /workers` (an
    /// offline one is accepted: it backs up when it is back).
    pub default_worker_id: WorkerId,
}

/// [`OrganizationSettings::user_sync_interval_hours`] in the OpenAPI document: exactly the
/// intervals XMS accepts.
#[cfg(feature = "openapi")]
fn user_sync_interval_schema() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::Type::Integer)
        .description(Some(
            "How often XMS synchronizes the tenant's user list, in hours.",
        ))
        .enum_values(Some(USER_SYNC_INTERVALS_HOURS))
        .build()
}

/// How users get licences and protection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LicenceMode {
    /// Every Microsoft 365 user gets a licence and protection, new ones as they appear, as
    /// long as licences are free.
    Automatic,
    /// The administrator chooses whom to protect.
    Manual,
}

/// `GET /m365/organizations/{id}/settings` (its `ETag` header is [`Self::etag`]): the settings
/// and what the panel shows beside them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SettingsView {
    /// The organization.
    pub organization_id: OrganizationId,
    /// The settings as stored.
    pub settings: OrganizationSettings,
    /// The version of the settings, also sent as the `ETag` header: send it back as `If-Match`.
    pub etag: String,
    /// When the last user sync ended, RFC 3339 in UTC; `None` before the first.
    pub last_user_sync_at: Option<String>,
    /// When the next user sync is due, RFC 3339 in UTC; `None` while the organization needs
    /// re-authorization.
    pub next_user_sync_at: Option<String>,
    /// What switching to automatic licence management would take.
    pub automatic_licensing: LicensingPreview,
    /// The credential of the application its administrator registered, when it was connected
    /// that way (never the secret itself); absent when it signs in through Xopero Registrator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential: Option<Credential>,
}

/// What switching to automatic licence management would take, computed by XMS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LicensingPreview {
    /// Users of the organization not protected now, who would get a licence.
    pub unprotected_users: u32,
    /// Licences free in the XMS subscription (shared by all organizations).
    pub free_licences: u32,
}

impl LicensingPreview {
    /// Users who would stay unprotected for want of licences.
    pub fn shortfall(&self) -> u32 {
        self.unprotected_users.saturating_sub(self.free_licences)
    }
}

/// `POST /m365/connections` (optional body): what the connection is for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartConnection {
    /// Re-authorize this organization: signing in to another tenant then fails with a message
    /// saying so, rather than connecting a second organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reauthorize: Option<OrganizationId>,
}
