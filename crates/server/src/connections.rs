//! XMS's side of connecting a Microsoft 365 organization: it runs the OAuth 2.0 device
//! authorization grant (RFC 8628) against the Microsoft identity platform (or the development
//! authority) with the `oauth2` crate, polls the token endpoint in the background while the
//! administrator signs in, then reads the organization from Microsoft Graph and stores it.
//! An attempt may re-authorize a given organization: it then connects that tenant only.
//! Pending attempts survive a restart: their polling resumes at start-up. The other way to
//! connect, with an application the administrator registered, is [`application`]'s.

mod application;
mod certificate;
mod health;

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use oauth2::{
    AuthType, ClientId, DeviceAuthorizationUrl, DeviceCodeErrorResponseType, EndpointNotSet,
    EndpointSet, RequestTokenError, Scope, StandardDeviceAuthorizationResponse, TokenResponse,
    TokenUrl,
    basic::{BasicClient, BasicErrorResponseType},
};
use serde::Deserialize;
use tokio::task::AbortHandle;
use xms_m365_contract::{Connection, ServerEvent};

use crate::{
    clock::Clock,
    db::{Db, DbError, run_blocking},
    events::Events,
    sealing::CredentialKey,
    store::{
        connections::{self, Outcome, StoredConnection},
        credentials,
        organizations::{self, NewOrganization},
    },
};

/// Where XMS signs in and reads organizations.
#[derive(Debug, Clone)]
pub struct MicrosoftConfig {
    /// The authority including its tenant segment, such as
    /// `https://login.microsoftonline.com/organizations`.
    pub authority_url: String,
    /// The application (client) id XMS signs in as: Xopero Registrator.
    pub client_id: String,
    /// Microsoft Graph, such as `https://graph.microsoft.com`.
    pub graph_url: String,
}

/// Why a connection attempt could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The identity platform could not be reached or refused.
    #[error("{0}")]
    IdentityPlatform(String),
    /// The organization to re-authorize is not in XMS.
    #[error("no such organization")]
    UnknownOrganization,
    /// Storage failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<rusqlite::Error> for StartError {
    fn from(error: rusqlite::Error) -> Self {
        Self::Db(error.into())
    }
}

type DeviceClient =
    BasicClient<EndpointNotSet, EndpointSet, EndpointNotSet, EndpointNotSet, EndpointSet>;

/// Runs and follows connection attempts.
pub struct Connections {
    config: MicrosoftConfig,
    db: Db,
    events: Arc<Events>,
    clock: Clock,
    /// The subscription's licences, which a newly connected organization's users take.
    licences: u32,
    /// Seals the client secrets of registered applications.
    key: CredentialKey,
    client: DeviceClient,
    http: reqwest::Client,
    pollers: Mutex<HashMap<String, AbortHandle>>,
    /// When the module last asked for each attempt, to tell it to slow down.
    last_checks: Mutex<HashMap<String, Instant>>,
}

impl Connections {
    /// Checks the configuration's URLs and prepares the HTTP client; attempts are stored in
    /// `db`, organizations connected with the subscription's `licences` and published on
    /// `events`, secrets sealed with `key`.
    pub fn new(
        config: MicrosoftConfig,
        db: Db,
        events: Arc<Events>,
        clock: Clock,
        (licences, key): (u32, CredentialKey),
    ) -> Result<Self, String> {
        let authority = config.authority_url.trim_end_matches('/');
        let device_url = DeviceAuthorizationUrl::new(format!("{authority}/oauth2/v2.0/devicecode"))
            .map_err(|e| format!("the authority URL {authority} is not valid: {e}"))?;
        let token_url = TokenUrl::new(format!("{authority}/oauth2/v2.0/token"))
            .map_err(|e| format!("the authority URL {authority} is not valid: {e}"))?;
        let client = BasicClient::new(ClientId::new(config.client_id.clone()))
            // A public client: the id goes in the body, there is no secret.
            .set_auth_type(AuthType::RequestBody)
            .set_device_authorization_url(device_url)
            .set_token_uri(token_url);
        let http = reqwest::Client::builder()
            // Following redirects from an authorization server invites request forgery.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30))
            .build()
            .map_err(|e| format!("cannot create the HTTP client: {e}"))?;
        Ok(Self {
            config,
            db,
            events,
            clock,
            licences,
            key,
            client,
            http,
            pollers: Mutex::default(),
            last_checks: Mutex::default(),
        })
    }

    /// Whether organization `id` is in XMS (to be re-authorized).
    async fn is_connected(&self, id: &str) -> Result<bool, DbError> {
        let id = id.to_owned();
        let users = self
            .db
            .query(move |conn| organizations::user_count(conn, &id))
            .await?;
        Ok(users.is_some())
    }

    /// Starts a device authorization and follows it in the background; with `reauthorize`,
    /// to re-authorize that organization.
    pub async fn start(
        self: &Arc<Self>,
        reauthorize: Option<String>,
    ) -> Result<Connection, StartError> {
        // Checked before asking for a code, which would be of no use.
        if let Some(id) = &reauthorize
            && !self.is_connected(id).await?
        {
            return Err(StartError::UnknownOrganization);
        }
        let details: StandardDeviceAuthorizationResponse = self
            .client
            .exchange_device_code()
            .add_scope(Scope::new(
                "https://graph.microsoft.com/.default".to_owned(),
            ))
            .add_scope(Scope::new("offline_access".to_owned()))
            .request_async(&self.http)
            .await
            .map_err(|error| StartError::IdentityPlatform(self.describe_start_error(&error)))?;
        let now = self.clock.now_ms();
        let expires_at = now + i64::try_from(details.expires_in().as_millis()).unwrap_or(0);
        let interval = u32::try_from(details.interval().as_secs().max(1)).unwrap_or(u32::MAX);
        let stored = StoredConnection::new(
            uuid::Uuid::new_v4().to_string(),
            details.user_code().secret().clone(),
            details.verification_uri().to_string(),
            expires_at,
            interval,
            serde_json::to_string(&details).expect("the device authorization serializes"),
            reauthorize,
        );
        let db = self.db.clone();
        let insert = stored.clone();
        let view = run_blocking(move || {
            db.write(|tx| {
                connections::insert(tx, &insert, now)?;
                Ok::<_, DbError>(connections::view(tx, &insert)?)
            })
        })
        .await?;
        self.spawn_poller(&stored, details);
        Ok(view)
    }

    fn describe_start_error<RE: std::error::Error + 'static>(
        &self,
        error: &RequestTokenError<RE, oauth2::basic::BasicErrorResponse>,
    ) -> String {
        match error {
            RequestTokenError::ServerResponse(response) => format!(
                "Microsoft refused to start the sign-in: {}",
                response
                    .error_description()
                    .cloned()
                    .unwrap_or_else(|| response.error().to_string())
            ),
            _ => format!(
                "XMS could not reach the Microsoft sign-in service at {}. Check that XMS can \
                 reach it, then try again.",
                self.config.authority_url
            ),
        }
    }

    /// Resumes following every attempt that was pending when XMS stopped.
    pub fn resume_all(self: &Arc<Self>) -> Result<usize, DbError> {
        let pending = self.db.read(connections::pending)?;
        for stored in &pending {
            match serde_json::from_str::<StandardDeviceAuthorizationResponse>(
                &stored.device_authorization,
            ) {
                Ok(details) => self.spawn_poller(stored, details),
                Err(_) => {
                    let outcome = Outcome::Failed(
                        "XMS could not resume this sign-in after a restart. Get a new code."
                            .to_owned(),
                    );
                    self.db
                        .read(|conn| connections::settle(conn, &stored.id, &outcome))?;
                }
            }
        }
        Ok(pending.len())
    }

    fn spawn_poller(
        self: &Arc<Self>,
        stored: &StoredConnection,
        details: StandardDeviceAuthorizationResponse,
    ) {
        let poller = Arc::clone(self);
        let id = stored.id.clone();
        let expires_at = stored.expires_at;
        let reauthorize = stored.reauthorize.clone();
        let task = tokio::spawn(async move {
            let outcome = poller.follow(&details, expires_at, reauthorize).await;
            let settled_id = id.clone();
            let settled = poller
                .db
                .query(move |conn| connections::settle(conn, &settled_id, &outcome))
                .await;
            if let Err(error) = settled {
                tracing::error!(connection = %id, %error, "could not store how the connection ended");
            }
            poller.forget(&id);
        });
        self.pollers
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(stored.id.clone(), task.abort_handle());
    }

    fn forget(&self, id: &str) {
        self.pollers
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(id);
        self.last_checks
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(id);
    }

    /// Polls the token endpoint until the attempt ends, then connects the organization (only
    /// the one to `reauthorize`, if given).
    async fn follow(
        &self,
        details: &StandardDeviceAuthorizationResponse,
        expires_at: i64,
        reauthorize: Option<String>,
    ) -> Outcome {
        let remaining =
            Duration::from_millis(u64::try_from(expires_at - self.clock.now_ms()).unwrap_or(0));
        if remaining.is_zero() {
            return Outcome::Expired;
        }
        // The oauth2 crate waits `interval` between polls, adds 5 s on slow_down and backs off
        // while the authority cannot be reached.
        let token = self
            .client
            .exchange_device_access_token(details)
            .request_async(&self.http, tokio::time::sleep, Some(remaining))
            .await;
        let token =
            match token {
                Ok(token) => token,
                Err(RequestTokenError::ServerResponse(response)) => {
                    return match response.error() {
                        DeviceCodeErrorResponseType::ExpiredToken => Outcome::Expired,
                        DeviceCodeErrorResponseType::AccessDenied => Outcome::Declined,
                        DeviceCodeErrorResponseType::Basic(BasicErrorResponseType::Extension(
                            code,
                        )) if code == "authorization_declined" => Outcome::Declined,
                        _ => refusal(response.error_description().map(String::as_str)),
                    };
                }
                Err(error) => {
                    tracing::warn!(%error, "device-code polling failed");
                    return Outcome::Failed(
                    "XMS lost contact with the Microsoft sign-in service while waiting for the \
                     sign-in. Try again."
                        .to_owned(),
                );
                }
            };
        match self.organization(token.access_token().secret()).await {
            Ok(new) => {
                if let Some(id) = reauthorize
                    && let Some(refusal) = self.wrong_tenant(&id, &new).await
                {
                    return Outcome::Failed(refusal);
                }
                let db = self.db.clone();
                let (licences, now) = (self.licences, self.clock.now_ms());
                // Xopero Registrator signs in for it now: its own application's secret goes.
                let stored: Result<_, DbError> = run_blocking(move || {
                    db.write(|tx| {
                        let upserted = organizations::upsert(tx, &new, licences, now)?;
                        credentials::remove(tx, &upserted.0.id.0)?;
                        Ok(upserted)
                    })
                })
                .await;
                match stored {
                    Ok((organization, already_connected)) => {
                        let organization_id = organization.id.0.clone();
                        self.events.publish(ServerEvent::OrganizationChanged {
                            organization: Box::new(organization),
                        });
                        Outcome::Succeeded {
                            organization_id,
                            already_connected,
                        }
                    }
                    _ => Outcome::Failed(
                        "Signed in, but XMS could not store the organization. Try again."
                            .to_owned(),
                    ),
                }
            }
            Err(message) => Outcome::Failed(message),
        }
    }

    /// The signed-in organization, from Microsoft Graph.
    async fn organization(&self, access_token: &str) -> Result<NewOrganization, String> {
        let failed = |detail: String| {
            format!(
                "Signed in, but XMS could not read the organization from Microsoft Graph \
                 ({detail}). Try again."
            )
        };
        let graph = self.config.graph_url.trim_end_matches('/');
        let organizations: GraphList<GraphOrganization> = self
            .http
            .get(format!("{graph}/v1.0/organization"))
            .bearer_auth(access_token)
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|e| failed(e.to_string()))?
            .json()
            .await
            .map_err(|e| failed(e.to_string()))?;
        let organization = organizations
            .value
            .into_iter()
            .next()
            .ok_or_else(|| failed("no organization in the answer".to_owned()))?;
        let user_count = self
            .http
            .get(format!("{graph}/v1.0/users/$count"))
            .bearer_auth(access_token)
            // Graph answers $count only with eventual consistency.
            .header("ConsistencyLevel", "eventual")
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|e| failed(e.to_string()))?
            .text()
            .await
            .map_err(|e| failed(e.to_string()))?
            .trim()
            .parse()
            .map_err(|_| failed("the user count is not a number".to_owned()))?;
        let primary_domain = organization
            .verified_domains
            .iter()
            .find(|domain| domain.is_default)
            .or(organization.verified_domains.first())
            .map(|domain| domain.name.clone())
            .ok_or_else(|| failed("the organization has no verified domain".to_owned()))?;
        Ok(NewOrganization {
            tenant_id: organization.id,
            name: organization.display_name,
            primary_domain,
            user_count,
        })
    }

    /// Cancels a pending attempt; false when there is no such attempt.
    pub fn cancel(&self, id: &str) -> Result<bool, DbError> {
        if self.db.read(|conn| connections::get(conn, id))?.is_none() {
            return Ok(false);
        }
        if let Some(poller) = self
            .pollers
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(id)
        {
            poller.abort();
        }
        self.db
            .read(|conn| connections::settle(conn, id, &Outcome::Cancelled))?;
        self.forget(id);
        Ok(true)
    }

    /// Why signing in to `signed_in` cannot re-authorize organization `id`, if it cannot: it is
    /// another tenant, or the organization was removed meanwhile.
    async fn wrong_tenant(&self, id: &str, signed_in: &NewOrganization) -> Option<String> {
        let db = self.db.clone();
        let lookup = id.to_owned();
        let organization: Result<_, DbError> =
            run_blocking(move || Ok(db.read(|conn| organizations::get(conn, &lookup))?)).await;
        let organization = match organization {
            Ok(organization) => organization,
            Err(_) => {
                return Some(
                    "Signed in, but XMS could not read the organization to re-authorize. Try again."
                        .to_owned(),
                );
            }
        };
        match organization {
            None => Some(format!(
                "You signed in to {}, but the organization you were re-authorizing is no longer in \
                 XMS. Connect it again with Connect.",
                signed_in.name
            )),
            Some(organization) if organization.tenant_id != signed_in.tenant_id => Some(format!(
                "You signed in to {} ({}), not {}. Sign in with an administrator of {} to \
                 re-authorize it.",
                signed_in.name, signed_in.primary_domain, organization.name, organization.name
            )),
            Some(_) => None,
        }
    }

    /// Whether the module asked for `id` sooner than its interval allows (allowing a fifth
    /// for timer jitter); records the check otherwise.
    pub fn checked_too_soon(&self, id: &str, interval_secs: u32) -> bool {
        let mut checks = self.last_checks.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        let minimum = Duration::from_secs(u64::from(interval_secs)) * 4 / 5;
        match checks.get(id) {
            Some(last) if now.duration_since(*last) < minimum => true,
            _ => {
                checks.insert(id.to_owned(), now);
                false
            }
        }
    }
}

/// How an attempt the identity platform refused ends, with what to tell the administrator.
fn refusal(description: Option<&str>) -> Outcome {
    let description = description.unwrap_or("no reason given");
    if description.contains("AADSTS53003") {
        Outcome::DeviceCodeBlocked(
            "Your organization's Conditional Access policies block signing in with a device \
             code (AADSTS53003). Register the application in your tenant yourself and connect \
             with its credentials, or ask your Microsoft Entra administrator to allow the \
             device code flow for Xopero Registrator."
                .to_owned(),
        )
    } else {
        Outcome::Failed(format!("Microsoft refused the sign-in: {description}"))
    }
}

#[derive(Deserialize)]
struct GraphList<T> {
    value: Vec<T>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GraphOrganization {
    id: String,
    display_name: String,
    verified_domains: Vec<GraphDomain>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GraphDomain {
    name: String,
    is_default: bool,
}
