//! The development sign-in authority: a stand-in for the Microsoft identity platform (and the
//! two Microsoft Graph calls XMS makes after sign-in), since these machines have no internet.
//! It speaks Microsoft's v2.0 endpoints, so any RFC 8628 device-flow client signs in against it
//! exactly as it would against `https://login.microsoftonline.com/{tenant}`.
//!
//! - `POST /{tenant}/oauth2/v2.0/devicecode`: start a device authorization
//! - `POST /{tenant}/oauth2/v2.0/token`: poll it (`urn:ietf:params:oauth:grant-type:device_code`),
//!   or sign in as an application registered in the tenant (`client_credentials`)
//! - `GET /{tenant}/v2.0/.well-known/openid-configuration`: discovery, as Microsoft's document
//! - `GET /{tenant}/discovery/v2.0/keys`: the key set (empty: it issues no id tokens)
//! - `GET /{tenant}/oauth2/v2.0/authorize`: Microsoft's error page (device code only)
//! - `GET /{tenant}/oauth2/v2.0/logout`: the signed-out page
//! - `GET /graph/oidc/userinfo`: the signed-in account (OpenID user info)
//! - `GET /devicelogin` and its forms: the page a person signs in on
//! - `GET /graph/v1.0/organization`, `GET /graph/v1.0/users/$count`: the signed-in tenant
//!
//! It stands apart from XMS: its own state and its own database (`authority.sqlite3`), and
//! nothing of XMS's; XMS reaches it only over HTTP, as it reaches Microsoft.

mod assertion;
mod client_credentials;
pub mod directory;
mod language;
mod oauth;
mod pages;
mod protocol;
pub mod registrations;
pub mod store;

use std::{num::NonZeroU32, path::Path, sync::Arc, time::Duration};

use axum::{
    Json, Router,
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::{get, post},
};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::{
    clock::Clock,
    db::{Db, DbError},
};

/// The authority's database file inside the data directory.
pub const DB_FILE: &str = "authority.sqlite3";

/// Its schema, oldest first. Never edit a migration that has shipped: add a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/authority/0001_device_authorizations.sql"),
    include_str!("../migrations/authority/0002_applications.sql"),
    include_str!("../migrations/authority/0003_certificates.sql"),
];

/// The client id of the "Xopero Registrator" application, the one app this authority knows.
pub const XOPERO_REGISTRATOR_CLIENT_ID: &str = "4f7c2b1e-9d3a-4c8e-b6f5-a1d2e3c4b5a6";
/// Its display name, shown on the consent page.
pub const XOPERO_REGISTRATOR_NAME: &str = "Xopero Registrator";

/// How the authority behaves.
#[derive(Debug, Clone)]
pub struct AuthorityConfig {
    /// The URL people and clients reach this server at, such as `http://127.0.0.1:8080`.
    pub public_url: String,
    /// How long a device code stays valid (Microsoft: 900 s).
    pub device_code_ttl: Duration,
    /// The minimum polling interval it asks clients for (Microsoft: 5 s).
    pub poll_interval: Duration,
}

/// The authority: its configuration, storage and clock, and its guard against code guessing.
/// Cheap to clone: it is its routes' state.
#[derive(Clone)]
pub struct Authority {
    /// How it behaves.
    pub config: AuthorityConfig,
    db: Db,
    clock: Clock,
    /// Code entries per client address: a person needs one or two, a guesser thousands.
    code_attempts: Arc<DefaultKeyedRateLimiter<String>>,
}

impl Authority {
    /// An authority with `config`, storing in its database in `data_dir` and living by
    /// `clock` (the server's: tests set one instant for both).
    pub fn open(config: AuthorityConfig, data_dir: &Path, clock: Clock) -> Result<Self, DbError> {
        let per_minute = NonZeroU32::new(10).expect("10 is not zero");
        Ok(Self {
            config,
            db: Self::database(data_dir)?,
            clock,
            code_attempts: Arc::new(RateLimiter::keyed(Quota::per_minute(per_minute))),
        })
    }

    /// The authority's database in `data_dir`, for the commands that change its tenants and
    /// applications while it serves or not.
    pub fn database(data_dir: &Path) -> Result<Db, DbError> {
        Db::open_file(data_dir, DB_FILE, MIGRATIONS)
    }

    /// Where people enter their code.
    pub fn verification_uri(&self) -> String {
        format!("{}/devicelogin", self.config.public_url)
    }
}

/// The authority's routes, merged at the server's root like Microsoft's host.
pub fn router(authority: Authority) -> Router {
    Router::new()
        .route(
            "/{tenant}/oauth2/v2.0/devicecode",
            post(protocol::devicecode_create),
        )
        .route("/{tenant}/oauth2/v2.0/token", post(protocol::token_create))
        .route(
            "/{tenant}/v2.0/.well-known/openid-configuration",
            get(protocol::openid_configuration_get),
        )
        .route("/{tenant}/discovery/v2.0/keys", get(protocol::keys_get))
        .route("/{tenant}/oauth2/v2.0/authorize", get(pages::authorize_get))
        .route("/{tenant}/oauth2/v2.0/logout", get(pages::logout_get))
        .route("/graph/oidc/userinfo", get(protocol::userinfo_get))
        .route(
            "/graph/v1.0/organization",
            get(protocol::graph_organization_get),
        )
        .route(
            "/graph/v1.0/users/$count",
            get(protocol::graph_user_count_get),
        )
        .route(
            "/devicelogin",
            get(pages::code_form).post(pages::code_submit),
        )
        .route("/devicelogin/account", post(pages::account_submit))
        .route("/devicelogin/consent", post(pages::consent_submit))
        .with_state(authority)
}

/// The answer when the authority's storage fails: Microsoft's `server_error`, and the cause
/// in the log.
fn failed(error: &DbError) -> Response {
    tracing::error!(%error, "the development authority failed");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        Json(serde_json::json!({
            "error": "server_error",
            "error_description": "AADSTS90015: The sign-in service failed. Try again.",
            "error_codes": [90015],
        })),
    )
        .into_response()
}

/// An unguessable token of 64 hex digits.
fn secret() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// A code for people to type: 9 characters, without the easily confused I, O, 0 and 1.
fn user_code() -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    // 32 symbols: masking a random byte picks each with the same probability.
    uuid::Uuid::new_v4().as_bytes()[..9]
        .iter()
        .map(|byte| char::from(ALPHABET[usize::from(byte & 31)]))
        .collect()
}

/// A typed code as stored: people paste it with spaces or dashes, in any case.
fn normalize_user_code(typed: &str) -> String {
    typed
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_codes_are_nine_unambiguous_characters() {
        for _ in 0..200 {
            let code = user_code();
            assert_eq!(code.len(), 9);
            assert!(!code.contains(['I', 'O', '0', '1']), "{code}");
        }
    }

    #[test]
    fn typed_codes_are_normalized() {
        assert_eq!(normalize_user_code(" cwe5-qhl nm "), "CWE5QHLNM");
    }
}
