//! Connected Microsoft 365 organizations (tenants), as the dashboard lists them.

use serde::{Deserialize, Serialize};

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
}

/// `GET /m365/organizations`: every connected organization, by name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganizationList {
    /// The organizations, sorted by name.
    pub organizations: Vec<Organization>,
}
