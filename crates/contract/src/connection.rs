//! Connecting a Microsoft 365 organization: XMS runs the OAuth 2.0 device authorization grant
//! (RFC 8628) against the Microsoft identity platform, the module shows the code and follows
//! the connection until it settles.

use serde::{Deserialize, Serialize};

use crate::Organization;

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
    fn states_serialize_with_a_status_tag() {
        let failed = ConnectionState::Failed {
            message: "Blocked.".into(),
        };
        assert_eq!(
            serde_json::to_string(&failed).unwrap(),
            r#"{"status":"failed","message":"Blocked."}"#
        );
        assert_eq!(
            serde_json::to_string(&ConnectionState::Pending).unwrap(),
            r#"{"status":"pending"}"#
        );
    }
}
