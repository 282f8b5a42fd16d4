//! All HTTP between the module and XMS: one typed function per call, and the one error type
//! ([`ApiError`]) whose `Display` is the sentence shown to the administrator.

use std::sync::Arc;

use crate::{
    host::HostEvents,
    i18n::{I18n, Locale, t},
};

use gloo_net::http::{Request, RequestBuilder, Response};
use send_wrapper::SendWrapper;
use serde::{Serialize, de::DeserializeOwned};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;
use xms_m365_contract::{
    Connection, ConnectionId, ErrorBody, ErrorCode, FieldError, FieldErrorCode, GroupList, Job,
    JobId, OrganizationId, OrganizationList, OrganizationSettings, Policy, PolicyPreview,
    PolicyView, SavePolicy, SettingsView, StartConnection, StorageList, WorkerList, backups_path,
    connection_path, groups_path, job_cancel_path, organization_path, paths, policy_path,
    policy_preview_path, settings_path, user_sync_path,
};

/// Why a call to XMS failed. [`ApiError::words`] is the sentence shown to the administrator;
/// `Display` is the English one, for the browser's console.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// The request never got an answer: XMS is down, or the network is.
    #[error(
        "XMS could not be reached. Check that XMS is running and your network connection works, then retry."
    )]
    Unreachable,
    /// XMS answered with its error shape; its message is meant for people.
    #[error("{message}")]
    Server {
        /// HTTP status.
        status: u16,
        /// XMS's error code.
        code: ErrorCode,
        /// XMS's sentence.
        message: String,
        /// For a validation failure: what is wrong with each field.
        fields: Vec<FieldError>,
    },
    /// The host could not give a token for the session.
    #[error("Your XMS session has ended. Sign in to XMS again, then retry.")]
    SignedOut,
    /// XMS answered with something that is not what this module expects (a proxy's error page,
    /// a different API version).
    #[error(
        "XMS sent an answer this module does not understand (HTTP {status}). Retry; if it keeps happening, reload the page, and tell your XMS administrator if that does not help."
    )]
    UnexpectedResponse {
        /// HTTP status.
        status: u16,
    },
}

impl ApiError {
    /// The sentence for the administrator in the active language: XMS's own words when XMS
    /// answered (it speaks the language the module asks for), the module's otherwise.
    pub fn words(&self, i18n: I18n) -> String {
        match self {
            Self::Unreachable => t!(i18n, "error-unreachable"),
            Self::Server { message, .. } => message.clone(),
            Self::SignedOut => t!(i18n, "error-signed-out"),
            Self::UnexpectedResponse { status } => {
                t!(
                    i18n,
                    "error-unexpected-response",
                    status = status.to_string()
                )
            }
        }
    }
}

/// What is wrong with a field, in the active language: the module's words for the codes it
/// knows on the fields it knows, XMS's own sentence for anything else (a newer XMS's code).
pub fn field_words(i18n: I18n, error: &FieldError) -> String {
    use FieldErrorCode::{
        InvalidDay, InvalidTime, NotApplicable, NotFound, NotOffered, NothingChosen, Required,
        TooLong, TooShort,
    };
    let field = error.field.as_str();
    if let Some(limit) = error.limit {
        let bounded = match (error.code, field) {
            (TooShort, "retention.full_days") => Some(t!(i18n, "field-full-days", limit = limit)),
            (TooShort | Required, "retention.differential_days") => {
                Some(t!(i18n, "field-differential-days", limit = limit))
            }
            (TooShort, "retention.incremental_days") => {
                Some(t!(i18n, "field-incremental-days", limit = limit))
            }
            (TooLong, _) if field.starts_with("retention.") => {
                Some(t!(i18n, "field-days-too-long", limit = limit))
            }
            (TooShort, "encryption_password") => {
                Some(t!(i18n, "field-password-short", limit = limit))
            }
            (Required, "encryption_password") => {
                Some(t!(i18n, "field-password-required", limit = limit))
            }
            _ => None,
        };
        if let Some(words) = bounded {
            return words;
        }
    }
    match (error.code, field) {
        (NothingChosen, "scope") => t!(i18n, "field-scope"),
        (NothingChosen, "scope.users") => t!(i18n, "field-groups"),
        (NotFound, "scope.users") => t!(i18n, "field-group-gone"),
        (NotFound, "schedule.time_zone") => t!(i18n, "field-time-zone"),
        (InvalidTime, _) if field.starts_with("schedule.") => t!(i18n, "field-time"),
        (InvalidDay, _) if field.starts_with("schedule.") => t!(i18n, "field-day"),
        (NotApplicable, "retention.differential_days") => t!(i18n, "field-differential-not-gfs"),
        (NotFound | NotOffered, "worker_id" | "default_worker_id") => t!(i18n, "field-worker"),
        (NotFound, "storage_id") => t!(i18n, "field-storage"),
        (NotOffered, "licence_mode") => t!(i18n, "field-licence-mode"),
        (NotOffered, "user_sync_interval_hours") => t!(i18n, "field-interval"),
        _ => error.message.clone(),
    }
}

/// How requests prove the signed-in session.
#[derive(Debug, Clone)]
pub enum Credentials {
    /// A static bearer token.
    Bearer(Arc<str>),
    /// A host function returning a fresh bearer token (or a promise of one) for each request.
    Callback(Arc<SendWrapper<js_sys::Function>>),
    /// The browser's session cookie, with a CSRF token sent in a header.
    Cookie {
        /// The header's name, such as `X-CSRF-Token`.
        header: Arc<str>,
        /// The CSRF token.
        token: Arc<str>,
    },
}

/// Talks to the XMS API on behalf of the signed-in session.
#[derive(Debug, Clone)]
pub struct ApiClient {
    base_url: Arc<str>,
    credentials: Credentials,
    host: HostEvents,
    language: Option<I18n>,
}

impl ApiClient {
    /// A client for the API at `base_url` (such as `/api/v1`) using the bearer `token`.
    pub fn new(base_url: &str, token: &str) -> Self {
        Self::with(
            base_url,
            Credentials::Bearer(token.into()),
            HostEvents::none(),
        )
    }

    /// A client for the API at `base_url` proving the session with `credentials`; a 401
    /// is reported to the host through `host`.
    pub fn with(base_url: &str, credentials: Credentials, host: HostEvents) -> Self {
        Self {
            base_url: base_url.trim_end_matches('/').into(),
            credentials,
            host,
            language: None,
        }
    }

    /// The same client asking XMS to answer in the module's active language, so that XMS's
    /// own sentences (refusals, validation) read in it too.
    pub fn speaking(self, i18n: I18n) -> Self {
        Self {
            language: Some(i18n),
            ..self
        }
    }

    /// The connected organizations, sorted by name.
    pub async fn organizations(&self) -> Result<OrganizationList, ApiError> {
        self.get(paths::ORGANIZATIONS).await
    }

    /// Starts connecting an organization (or re-authorizing one): XMS gets a device code
    /// from Microsoft.
    pub async fn start_connection(&self, start: &StartConnection) -> Result<Connection, ApiError> {
        decode(
            self.send_json(Request::post(&self.url(paths::CONNECTIONS)), start)
                .await?,
        )
        .await
    }

    /// The workers that can back organizations up.
    pub async fn workers(&self) -> Result<WorkerList, ApiError> {
        self.get(paths::WORKERS).await
    }

    /// An organization's settings, with the version to save them against.
    pub async fn settings(&self, organization: &OrganizationId) -> Result<SettingsView, ApiError> {
        self.get(&settings_path(organization)).await
    }

    /// Saves an organization's settings over the version `etag`; XMS refuses (412) when
    /// someone saved since.
    pub async fn save_settings(
        &self,
        organization: &OrganizationId,
        etag: &str,
        settings: &OrganizationSettings,
    ) -> Result<SettingsView, ApiError> {
        let request =
            Request::put(&self.url(&settings_path(organization))).header("If-Match", etag);
        decode(self.send_json(request, settings).await?).await
    }

    /// An organization's backup policy, with the version to save it against.
    pub async fn policy(&self, organization: &OrganizationId) -> Result<PolicyView, ApiError> {
        self.get(&policy_path(organization)).await
    }

    /// Saves a custom policy over the version `etag`.
    pub async fn save_policy(
        &self,
        organization: &OrganizationId,
        etag: &str,
        save: &SavePolicy,
    ) -> Result<PolicyView, ApiError> {
        let request = Request::put(&self.url(&policy_path(organization))).header("If-Match", etag);
        decode(self.send_json(request, save).await?).await
    }

    /// Returns an organization to the default policy, over the version `etag`.
    pub async fn reset_policy(
        &self,
        organization: &OrganizationId,
        etag: &str,
    ) -> Result<PolicyView, ApiError> {
        let request =
            Request::delete(&self.url(&policy_path(organization))).header("If-Match", etag);
        decode(self.send(request).await?).await
    }

    /// The next runs `policy` would start, as XMS computes them, or what is wrong with it.
    pub async fn preview_policy(
        &self,
        organization: &OrganizationId,
        policy: &Policy,
    ) -> Result<PolicyPreview, ApiError> {
        let request = Request::post(&self.url(&policy_preview_path(organization)));
        decode(self.send_json(request, policy).await?).await
    }

    /// Where backups can be stored.
    pub async fn storages(&self) -> Result<StorageList, ApiError> {
        self.get(paths::STORAGES).await
    }

    /// An organization's Microsoft 365 groups.
    pub async fn groups(&self, organization: &OrganizationId) -> Result<GroupList, ApiError> {
        self.get(&groups_path(organization)).await
    }

    /// Runs an organization's user sync now.
    pub async fn sync_users(
        &self,
        organization: &OrganizationId,
    ) -> Result<SettingsView, ApiError> {
        let request = Request::post(&self.url(&user_sync_path(organization)));
        decode(self.send(request).await?).await
    }

    /// Removes an organization from XMS.
    pub async fn remove_organization(&self, organization: &OrganizationId) -> Result<(), ApiError> {
        let response = self
            .send(Request::delete(&self.url(&organization_path(organization))))
            .await?;
        if response.ok() {
            Ok(())
        } else {
            Err(failure(response).await)
        }
    }

    /// Where a connection attempt stands.
    pub async fn connection(&self, id: &ConnectionId) -> Result<Connection, ApiError> {
        self.get(&connection_path(id)).await
    }

    /// Cancels a connection attempt.
    pub async fn cancel_connection(&self, id: &ConnectionId) -> Result<(), ApiError> {
        let response = self
            .send(Request::delete(&self.url(&connection_path(id))))
            .await?;
        if response.ok() {
            Ok(())
        } else {
            Err(failure(response).await)
        }
    }

    /// Starts a backup of an organization now.
    pub async fn start_backup(&self, organization: &OrganizationId) -> Result<Job, ApiError> {
        let request = Request::post(&self.url(&backups_path(organization)));
        decode(self.send(request).await?).await
    }

    /// Cancels a queued or running job.
    pub async fn cancel_job(&self, job: &JobId) -> Result<Job, ApiError> {
        let request = Request::post(&self.url(&job_cancel_path(job)));
        decode(self.send(request).await?).await
    }

    /// Opens the change stream, resuming after `last_event_id`; `abort` closes it. The
    /// response's body is the stream, as Server-Sent Events.
    pub async fn events(
        &self,
        last_event_id: Option<&str>,
        abort: &AbortSignal,
    ) -> Result<Response, ApiError> {
        let mut request = self
            .authorized(Request::get(&self.url(paths::EVENTS)))
            .await?
            .header("Accept", "text/event-stream")
            .abort_signal(Some(abort));
        if let Some(id) = last_event_id {
            request = request.header("Last-Event-ID", id);
        }
        let response = self.checked(request.send().await)?;
        if response.ok() {
            Ok(response)
        } else {
            Err(failure(response).await)
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        decode(self.send(Request::get(&self.url(path))).await?).await
    }

    /// `request` with the session's credentials.
    async fn authorized(&self, request: RequestBuilder) -> Result<RequestBuilder, ApiError> {
        let request = request.header("Accept", "application/json");
        let language = self
            .language
            .map_or(Locale::En, |i18n| i18n.locale_untracked());
        let request = request.header("Accept-Language", language.tag());
        Ok(match &self.credentials {
            Credentials::Bearer(token) => {
                request.header("Authorization", &format!("Bearer {token}"))
            }
            Credentials::Callback(get_token) => {
                let token = host_token(get_token).await?;
                request.header("Authorization", &format!("Bearer {token}"))
            }
            Credentials::Cookie { header, token } => request
                .credentials(web_sys::RequestCredentials::SameOrigin)
                .header(header, token),
        })
    }

    async fn send(&self, request: RequestBuilder) -> Result<Response, ApiError> {
        self.checked(self.authorized(request).await?.send().await)
    }

    async fn send_json<T: Serialize>(
        &self,
        request: RequestBuilder,
        body: &T,
    ) -> Result<Response, ApiError> {
        let request = self
            .authorized(request)
            .await?
            .json(body)
            .map_err(|_| ApiError::Unreachable)?;
        self.checked(request.send().await)
    }

    /// The response, once the host has been told of a refused session.
    fn checked(&self, sent: Result<Response, gloo_net::Error>) -> Result<Response, ApiError> {
        let response = sent.map_err(|_| ApiError::Unreachable)?;
        if response.status() == 401 {
            self.host.unauthorized();
        }
        Ok(response)
    }
}

impl ApiError {
    /// XMS's code for the error, if XMS answered.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            Self::Server { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// What XMS said about particular fields.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Self::Server { fields, .. } => fields,
            _ => &[],
        }
    }

    /// Whether XMS asked to be asked less often.
    pub fn is_slow_down(&self) -> bool {
        matches!(
            self,
            Self::Server {
                code: ErrorCode::SlowDown,
                ..
            }
        )
    }
}

/// A token from the host's function, which may answer a promise.
async fn host_token(get_token: &SendWrapper<js_sys::Function>) -> Result<String, ApiError> {
    let answer = get_token
        .call0(&JsValue::NULL)
        .map_err(|_| ApiError::SignedOut)?;
    let token = match answer.dyn_into::<js_sys::Promise>() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .map_err(|_| ApiError::SignedOut)?,
        Err(token) => token,
    };
    token
        .as_string()
        .filter(|token| !token.is_empty())
        .ok_or(ApiError::SignedOut)
}

/// Reads a response as `T`, or as XMS's error shape when it failed.
pub async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    if response.ok() {
        return response
            .json::<T>()
            .await
            .map_err(|_| ApiError::UnexpectedResponse { status });
    }
    Err(failure(response).await)
}

/// The error a failed response carries: XMS's error shape, or a description of what came.
async fn failure(response: Response) -> ApiError {
    let status = response.status();
    match response.json::<ErrorBody>().await {
        Ok(body) => ApiError::Server {
            status,
            code: body.error.code,
            message: body.error.message,
            fields: body.error.fields,
        },
        Err(_) => ApiError::UnexpectedResponse { status },
    }
}
