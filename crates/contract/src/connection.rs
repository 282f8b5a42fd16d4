//! Connecting a Microsoft 365 organization, in one of two ways: XMS runs the OAuth 2.0 device
//! authorization grant (RFC 8628) against the Microsoft identity platform, the module shows
//! the code and follows the connection until it settles; or the administrator registers the
//! application in the tenant and gives XMS its credentials, which XMS verifies at once.

use serde::{Deserialize, Serialize};

use crate::{Organization, OrganizationId};

/// The Microsoft Graph application permissions an application registered for XMS needs, with
/// an administrator's consent: reading the organization and its users and groups, and backing
/// up and restoring mail, calendars, contacts, OneDrive and SharePoint.
pub const GRAPH_PERMISSIONS: &[&str] = &[
    "Organization.Read.All",
    "User.Read.All",
    "Group.Read.All",
    "Mail.ReadWrite",
    "Calendars.ReadWrite",
    "Contacts.ReadWrite",
    "Files.ReadWrite.All",
    "Sites.FullControl.All",
];

/// Connecting with an application the administrator registered in the tenant, and either a
/// client secret of it or a certificate XMS made for it (`certificate_id`, uploaded to the
/// application in Entra). XMS signs in as the application (the client credentials grant) and
/// reads the organization before it stores anything; the secret or the certificate's private
/// key is kept encrypted and never returned.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterApplication {
    /// The tenant: its id (a GUID) or one of its verified domains (`contoso.com`).
    pub tenant: String,
    /// The application (client) id, a GUID.
    pub client_id: String,
    /// The client secret's value (not its Secret ID); empty with a certificate.
    #[serde(default)]
    pub client_secret: String,
    /// The day the secret expires, `YYYY-MM-DD` (Entra shows it beside the secret). XMS warns
    /// before that day. Empty with a certificate, which tells its own expiry.
    #[serde(default)]
    pub secret_expires_on: String,
    /// The certificate to sign in with, from `POST /m365/certificates`, instead of a secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_id: Option<String>,
    /// Re-authorize this organization: the tenant must then be its tenant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reauthorize: Option<OrganizationId>,
}

// By hand, so that the secret never reaches a log through `{:?}`.
impl std::fmt::Debug for RegisterApplication {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RegisterApplication")
            .field("tenant", &self.tenant)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("secret_expires_on", &self.secret_expires_on)
            .field("certificate_id", &self.certificate_id)
            .field("reauthorize", &self.reauthorize)
            .finish()
    }
}

/// A certificate XMS made for an application to sign in with. Its private key stays with XMS;
/// the administrator uploads the certificate to the application in Entra (Certificates &
/// secrets, Certificates), then connects with its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationCertificate {
    /// What to connect with (`certificate_id`).
    pub id: String,
    /// The certificate, PEM: the file to upload.
    pub pem: String,
    /// Its SHA-1 thumbprint in upper-case hex, as Entra lists it once uploaded.
    pub thumbprint: String,
    /// When it stops signing in, RFC 3339 in UTC.
    pub expires_at: String,
}

/// An organization connected through its registered application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationConnected {
    /// The organization as now stored.
    pub organization: Organization,
    /// It was connected before: it was refreshed and now uses this application.
    pub already_connected: bool,
}

/// XMS's identifier of a connection attempt.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct ConnectionId(pub String);

/// A connection attempt: the code to show, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Connection {
    /// XMS's identifier.
    pub id: ConnectionId,
    /// The app authentication code the administrator types on the sign-in page. Its length and
    /// alphabet are Microsoft's to choose: show it as it is.
    pub user_code: String,
    /// The page the administrator signs in on.
    pub verification_uri: String,
    /// When the code stops working, RFC 3339 in UTC.
    pub expires_at: String,
    /// How often the module may ask for the state, in seconds.
    pub interval_secs: u32,
    /// Where the attempt stands.
    pub state: ConnectionState,
}

/// Where a connection attempt stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ConnectionState {
    /// Waiting for the administrator to sign in.
    Pending,
    /// Signed in: the organization is connected.
    Succeeded {
        /// The organization as now stored.
        organization: Box<Organization>,
        /// The organization was connected before; it was refreshed, not duplicated.
        already_connected: bool,
    },
    /// The code expired before anyone signed in: a new code is needed.
    Expired,
    /// The administrator cancelled the sign-in.
    Declined,
    /// The attempt was cancelled in XMS.
    Cancelled,
    /// Microsoft refused the sign-in, or XMS could not finish it.
    Failed {
        /// What happened and what to do about it, for a person.
        message: String,
        /// The tenant's Conditional Access policies block signing in with a device code
        /// (AADSTS53003): connecting with an application registered in the tenant still works.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        device_code_blocked: bool,
    },
}

impl ConnectionState {
    /// Whether the attempt is still under way.
    pub fn is_pending(&self) -> bool {
        matches!(self, Self::Pending)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_left_out_of_debug_output() {
        let register = RegisterApplication {
            tenant: "contoso.com".into(),
            client_id: "4f7c2b1e-9d3a-4c8e-b6f5-a1d2e3c4b5a6".into(),
            client_secret: "abc8Q~secret".into(),
            secret_expires_on: "2027-06-01".into(),
            certificate_id: None,
            reauthorize: None,
        };
        assert!(!format!("{register:?}").contains("abc8Q~secret"));
    }

    #[test]
    fn states_serialize_with_a_status_tag() {
        let failed = ConnectionState::Failed {
            message: "Failed.".into(),
            device_code_blocked: false,
        };
        assert_eq!(
            serde_json::to_string(&failed).unwrap(),
            r#"{"status":"failed","message":"Failed."}"#
        );
        assert_eq!(
            serde_json::to_string(&ConnectionState::Pending).unwrap(),
            r#"{"status":"pending"}"#
        );
    }
}
